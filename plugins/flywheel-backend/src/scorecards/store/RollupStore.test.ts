import {
  scorecardStoreDatabases,
  T2,
  closure,
  orgEvaluations,
  evaluation,
  ORG,
} from '../__testUtils__/storeFixtures';
import { ScorecardStore } from './ScorecardStore';

jest.setTimeout(120_000);

describe('ScorecardStore rollups', () => {
  const { databases, createOrgStore } = scorecardStoreDatabases();

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    it('rolls a group up over all its sub-teams', async () => {
      const { store } = await createOrgStore(databaseId);
      await store.analyze();

      expect(await store.rollup('group:default/Org', 'sc')).toEqual({
        // c1..c5; c6 is owned by a user, c7 is another scorecard
        entityCount: 5,
        averageScore: 50, // (100 + 50 + 0 + 50) / 4, c4 has no score
        levels: { silver: 1, bronze: 2, none: 2 },
        checks: [
          {
            checkId: 'a',
            counts: {
              pass: 3,
              warn: 0,
              fail: 1,
              'not-applicable': 1,
              unknown: 0,
              exempt: 0,
            },
            passRate: 0.75, // 3 / (3 + 1)
          },
          {
            checkId: 'b',
            counts: {
              pass: 1,
              warn: 1,
              fail: 1,
              'not-applicable': 0,
              unknown: 1,
              exempt: 1,
            },
            passRate: 0.25, // 1 / (1 + 1 + 1 + 1)
          },
        ],
        subTeams: [
          {
            groupRef: 'group:default/eng',
            entityCount: 4,
            averageScore: 50, // (100 + 50 + 0) / 3
            levels: { silver: 1, bronze: 1, none: 2 },
            checks: [
              { checkId: 'a', passRate: 0.6667 },
              { checkId: 'b', passRate: 0.3333 },
            ],
          },
          {
            groupRef: 'group:default/sales',
            entityCount: 1,
            averageScore: 50,
            levels: { bronze: 1 },
            checks: [
              { checkId: 'a', passRate: 1 },
              { checkId: 'b', passRate: 0 },
            ],
          },
        ],
      });

      const eng = await store.rollup('group:default/eng', 'sc');
      expect(eng.entityCount).toBe(4);
      expect(eng.subTeams).toEqual([
        {
          groupRef: 'group:default/payments',
          entityCount: 1,
          averageScore: 0,
          levels: { none: 1 },
          checks: [
            { checkId: 'a', passRate: 0 },
            { checkId: 'b', passRate: 0 },
          ],
        },
        {
          groupRef: 'group:default/platform',
          entityCount: 2,
          averageScore: 75,
          levels: { silver: 1, bronze: 1 },
          checks: [
            { checkId: 'a', passRate: 1 },
            { checkId: 'b', passRate: 0.5 },
          ],
        },
        {
          groupRef: 'group:default/tools',
          entityCount: 0,
          averageScore: null,
          levels: {},
          checks: [],
        },
      ]);

      const platformOther = await store.rollup(
        'group:default/platform',
        'other',
      );
      expect(platformOther).toMatchObject({
        entityCount: 1,
        averageScore: 100,
        levels: { bronze: 1 },
        subTeams: [],
      });
      expect(await store.rollup('group:default/nobody', 'sc')).toEqual({
        entityCount: 0,
        averageScore: null,
        levels: {},
        checks: [],
        subTeams: [],
      });

      // Moving sales under eng changes the rollups on the next read.
      await store.replaceGroupAncestry(
        closure({ ...ORG, 'group:default/sales': 'group:default/eng' }),
      );
      expect((await store.rollup('group:default/eng', 'sc')).entityCount).toBe(
        5,
      );
      expect(
        (await store.rollup('group:default/org', 'sc')).subTeams.map(
          t => t.groupRef,
        ),
      ).toEqual(['group:default/eng']);
      await store.replaceGroupAncestry([]);
      expect((await store.rollup('group:default/org', 'sc')).entityCount).toBe(
        0,
      );
    });

    it('serves rollups from memory until the results or the tree change', async () => {
      const { store, knex } = await createOrgStore(databaseId);
      const first = await store.rollup('group:default/eng', 'sc');
      expect(await store.rollup('group:default/eng', 'sc')).toBe(first);
      const board = await store.leaderboard('sc');
      expect(await store.leaderboard('sc')).toBe(board);
      // Writes that change nothing keep the cache.
      await store.applyEvaluations(orgEvaluations(), T2);
      await store.removeResults('sc', ['component:default/unknown']);
      await store.removeScorecardsExcept(['sc', 'other']);
      expect(await store.rollup('group:default/eng', 'sc')).toBe(first);

      // A write moves the version: the next rollup is computed afresh.
      await store.applyEvaluations(
        [
          evaluation(
            'component:default/c3',
            'group:default/payments',
            { a: 'pass', b: 'pass' },
            { level: 'gold', score: 100 },
          ),
        ],
        T2,
      );
      const second = await store.rollup('group:default/eng', 'sc');
      expect(second).not.toBe(first);
      expect(second.levels.gold).toBe(1);
      expect(await store.leaderboard('sc')).not.toBe(board);

      // So does a change of the group tree: payments leaves eng.
      await store.replaceGroupAncestry(
        closure({ ...ORG, 'group:default/payments': undefined }),
      );
      const third = await store.rollup('group:default/eng', 'sc');
      expect(third.entityCount).toBe(second.entityCount - 1);
      // A second store (another replica) sees the same version.
      expect(
        await new ScorecardStore(knex).rollup('group:default/eng', 'sc'),
      ).toEqual(third);
    });

    it('ranks every group on the leaderboard', async () => {
      const { store } = await createOrgStore(databaseId);
      expect(await store.leaderboard('sc')).toEqual([
        {
          groupRef: 'group:default/platform',
          parentRef: 'group:default/eng',
          depth: 2,
          entityCount: 2,
          averageScore: 75,
          levels: { silver: 1, bronze: 1 },
        },
        // ties on 50, by ref
        {
          groupRef: 'group:default/eng',
          parentRef: 'group:default/org',
          depth: 1,
          entityCount: 4,
          averageScore: 50,
          levels: { silver: 1, bronze: 1, none: 2 },
        },
        {
          groupRef: 'group:default/org',
          depth: 0,
          entityCount: 5,
          averageScore: 50,
          levels: { silver: 1, bronze: 2, none: 2 },
        },
        {
          groupRef: 'group:default/sales',
          parentRef: 'group:default/org',
          depth: 1,
          entityCount: 1,
          averageScore: 50,
          levels: { bronze: 1 },
        },
        {
          groupRef: 'group:default/payments',
          parentRef: 'group:default/eng',
          depth: 2,
          entityCount: 1,
          averageScore: 0,
          levels: { none: 1 },
        },
      ]);
      expect(await store.leaderboard('missing')).toEqual([]);
    });

    it('rolls the whole catalog up, top-level groups as sub-teams', async () => {
      const { store } = await createOrgStore(databaseId);
      const catalog = await store.rollup(undefined, 'sc');
      // c1-c5 under org, and c6 owned by a user: counted in the total only.
      expect(catalog.entityCount).toBe(6);
      expect(catalog.levels).toEqual({ silver: 2, bronze: 2, none: 2 });
      expect(catalog.subTeams.map(t => [t.groupRef, t.entityCount])).toEqual([
        ['group:default/org', 5],
      ]);
      const org = await store.rollup('group:default/org', 'sc');
      expect(catalog.subTeams[0].averageScore).toBe(org.averageScore);
      expect(catalog.checks.find(c => c.checkId === 'a')!.counts.pass).toBe(
        org.checks.find(c => c.checkId === 'a')!.counts.pass + 1,
      );
    });
  });
});
