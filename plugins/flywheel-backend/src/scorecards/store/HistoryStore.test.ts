import {
  scorecardStoreDatabases,
  T1,
  T2,
  T3,
  countRows,
  evaluation,
} from '../__testUtils__/storeFixtures';

jest.setTimeout(120_000);

describe('ScorecardStore history', () => {
  const { databases, createOrgStore } = scorecardStoreDatabases();

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    it('writes daily snapshots of every scope and reads history', async () => {
      const { store, knex } = await createOrgStore(databaseId);
      // 7 entity rows; groups with entities: 5 for sc, 3 (platform, eng,
      // org) for other; 2 scorecards.
      expect(await store.writeSnapshots('2026-11-20', T1)).toBe(17);
      expect(await countRows(knex, 'scorecard_snapshots')).toBe(17);

      const day = { from: '2026-11-01', to: '2026-11-30' };
      expect(
        await store.history({
          scope: 'group',
          ref: 'group:default/eng',
          scorecardId: 'sc',
          ...day,
        }),
      ).toEqual([
        {
          day: '2026-11-20',
          entityCount: 4,
          averageScore: 50,
          passRate: 0.5, // c1 2/2, c2 1/2, c3 0/2, c4 nothing scored
          levels: { silver: 1, bronze: 1, none: 2 },
        },
      ]);
      expect(
        await store.history({
          scope: 'entity',
          ref: 'component:default/c2',
          scorecardId: 'sc',
          ...day,
        }),
      ).toEqual([
        {
          day: '2026-11-20',
          entityCount: 1,
          averageScore: 50,
          passRate: 0.5,
          levels: { bronze: 1 },
        },
      ]);
      expect(
        await store.history({
          scope: 'entity',
          ref: 'component:default/c4',
          scorecardId: 'sc',
          ...day,
        }),
      ).toEqual([
        {
          day: '2026-11-20',
          entityCount: 1,
          averageScore: null,
          passRate: null,
          levels: { none: 1 },
        },
      ]);
      const scorecard = await store.history({
        scope: 'scorecard',
        scorecardId: 'sc',
        ...day,
      });
      expect(scorecard).toEqual([
        {
          day: '2026-11-20',
          entityCount: 6,
          averageScore: 60, // (100 + 50 + 0 + 50 + 100) / 5
          passRate: 0.6, // 6 passes of 10 scored checks
          levels: { silver: 2, bronze: 2, none: 2 },
        },
      ]);

      // Rewriting the day upserts it: c3 now passes, c6 left the catalog.
      await store.applyEvaluations(
        [
          evaluation(
            'component:default/c3',
            'group:default/payments',
            { a: 'pass', b: 'pass' },
            { level: 'silver', score: 100 },
          ),
        ],
        T2,
      );
      await store.removeEntities(['component:default/c6']);
      expect(await store.writeSnapshots('2026-11-20', T2)).toBe(16);
      expect(await countRows(knex, 'scorecard_snapshots')).toBe(16);
      expect(
        await store.history({ scope: 'scorecard', scorecardId: 'sc', ...day }),
      ).toEqual([
        {
          day: '2026-11-20',
          entityCount: 5,
          averageScore: 75, // (100 + 50 + 100 + 50) / 4
          passRate: 0.75, // 6 / 8
          levels: { silver: 2, bronze: 2, none: 1 },
        },
      ]);
      expect(
        await store.history({
          scope: 'entity',
          ref: 'component:default/c6',
          scorecardId: 'sc',
          ...day,
        }),
      ).toEqual([]);

      // The same write again changes nothing.
      expect(await store.writeSnapshots('2026-11-20', T2)).toBe(16);
      expect(await countRows(knex, 'scorecard_snapshots')).toBe(16);

      // A second day; history is a range.
      await store.writeSnapshots('2026-11-21', T3);
      const series = await store.history({
        scope: 'group',
        ref: 'group:default/org',
        scorecardId: 'sc',
        ...day,
      });
      expect(series.map(p => [p.day, p.averageScore])).toEqual([
        ['2026-11-20', 75],
        ['2026-11-21', 75],
      ]);
      expect(
        await store.history({
          scope: 'group',
          ref: 'group:default/org',
          scorecardId: 'sc',
          from: '2026-11-21',
          to: '2026-11-21',
        }),
      ).toHaveLength(1);

      await expect(store.writeSnapshots('20.11.2026', T3)).rejects.toThrow(
        /YYYY-MM-DD/,
      );
      await expect(
        store.history({ scope: 'group', scorecardId: 'sc', ...day }),
      ).rejects.toThrow(/needs a ref/);
    });
  });
});
