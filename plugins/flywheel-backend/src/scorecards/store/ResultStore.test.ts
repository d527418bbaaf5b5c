import {
  scorecardStoreDatabases,
  T1,
  T2,
  T3,
  T4,
  countHashes,
  countRows,
  expectAggregatesConsistent,
  closure,
  evaluation,
} from '../__testUtils__/storeFixtures';

jest.setTimeout(120_000);

describe('ScorecardStore results', () => {
  const { databases, createStore, createOrgStore } = scorecardStoreDatabases();

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    it('writes only what changed and records transitions', async () => {
      const { store, knex } = await createStore(databaseId);
      const first = [
        evaluation(
          'component:default/checkout',
          'group:default/payments',
          { a: 'pass', b: 'fail', c: 'warn' },
          { level: 'bronze', score: 33.3, inputHash: 'h1' },
        ),
        evaluation(
          'component:default/cart',
          'group:default/payments',
          { a: 'pass', b: 'pass', c: 'pass' },
          { level: 'gold', score: 100, inputHash: 'h2' },
        ),
      ];
      expect(await store.applyEvaluations(first, T1)).toEqual({
        entitiesWritten: 2,
        checksWritten: 6,
        transitions: 0, // a first result is no state change
      });

      // The same results evaluated later: nothing is written.
      expect(await store.applyEvaluations(first, T2)).toEqual({
        entitiesWritten: 0,
        checksWritten: 0,
        transitions: 0,
      });
      expect(await countRows(knex, 'scorecard_transitions')).toBe(0);
      const [checkout] = await store.getEntityResults(
        'component:default/checkout',
      );
      expect(checkout).toEqual({
        scorecardId: 'sc',
        entityRef: 'component:default/checkout',
        ownerRef: 'group:default/payments',
        level: 'bronze',
        score: 33.3,
        counts: {
          pass: 1,
          warn: 1,
          fail: 1,
          'not-applicable': 0,
          unknown: 0,
          exempt: 0,
        },
        checks: [
          { checkId: 'a', state: 'pass', reason: 'a is pass' },
          { checkId: 'b', state: 'fail', reason: 'b is fail' },
          { checkId: 'c', state: 'warn', reason: 'c is warn' },
        ],
        evaluatedAt: T1.toISOString(),
      });

      // b fails → passes (a state and a level change), c's reason changes
      // (a write without transition), cart is unchanged.
      const second = [
        evaluation(
          'component:default/checkout',
          'group:default/payments',
          { a: 'pass', b: 'pass', c: 'warn' },
          {
            level: 'silver',
            score: 66.7,
            inputHash: 'h1b',
            reasons: { c: 'c still warns' },
          },
        ),
        first[1],
      ];
      expect(await store.applyEvaluations(second, T3)).toEqual({
        entitiesWritten: 1,
        checksWritten: 2,
        transitions: 2,
      });
      expect(
        await store.transitions({ entityRef: 'component:default/checkout' }),
      ).toEqual([
        {
          entityRef: 'component:default/checkout',
          scorecardId: 'sc',
          checkId: 'b',
          from: 'fail',
          to: 'pass',
          at: T3.toISOString(),
        },
        {
          entityRef: 'component:default/checkout',
          scorecardId: 'sc',
          from: 'bronze',
          to: 'silver',
          at: T3.toISOString(),
        },
      ]);
      const [changed] = await knex('scorecard_entity_results').where({
        entity_ref: 'component:default/checkout',
      });
      // changed_at moves with the level only; evaluated_at with any write.
      expect(new Date(changed.evaluated_at).toISOString()).toBe(
        T3.toISOString(),
      );
      expect(new Date(changed.changed_at).toISOString()).toBe(T3.toISOString());
      await expectAggregatesConsistent(store, knex);
      expect(
        (await store.getEntityResults('component:default/checkout'))[0]
          .evaluatedAt,
      ).toBe(T3.toISOString());

      // A new owner rewrites every row of the entity, without transitions;
      // a check that went away is deleted; a new input hash alone is a write.
      expect(
        await store.applyEvaluations(
          [
            evaluation(
              'component:default/checkout',
              'group:default/shop',
              { a: 'pass', b: 'pass', c: 'warn' },
              {
                level: 'silver',
                score: 66.7,
                inputHash: 'h1b',
                reasons: { c: 'c still warns' },
              },
            ),
            evaluation(
              'component:default/cart',
              'group:default/payments',
              { a: 'pass', b: 'pass' },
              { level: 'gold', score: 100, inputHash: 'h2' },
            ),
          ],
          T4,
        ),
      ).toEqual({ entitiesWritten: 2, checksWritten: 4, transitions: 0 });
      const cart = await store.getEntityResults('component:default/cart');
      expect(cart[0].checks.map(c => c.checkId)).toEqual(['a', 'b']);
      await expectAggregatesConsistent(store, knex);
      expect(
        (await store.getEntityResults('component:default/checkout'))[0]
          .ownerRef,
      ).toBe('group:default/shop');
      expect(
        await store.applyEvaluations(
          [
            evaluation(
              'component:default/cart',
              'group:default/payments',
              { a: 'pass', b: 'pass' },
              { level: 'gold', score: 100, inputHash: 'h3' },
            ),
          ],
          T4,
        ),
      ).toEqual({ entitiesWritten: 1, checksWritten: 0, transitions: 0 });

      // Falling below the first level is a level transition to 'none'.
      await store.applyEvaluations(
        [
          evaluation(
            'component:default/cart',
            'group:default/payments',
            { a: 'fail', b: 'pass' },
            { score: 50, inputHash: 'h3' },
          ),
        ],
        T4,
      );
      expect(
        (await store.transitions({ entityRef: 'component:default/cart' }))
          .slice(0, 2)
          .map(t => [t.checkId, t.from, t.to]),
      ).toEqual([
        ['a', 'pass', 'fail'],
        [undefined, 'gold', 'none'],
      ]);
      expect(
        await store.transitions({ scorecardId: 'other', limit: 5 }),
      ).toEqual([]);
      expect(await store.transitions({ limit: 3 })).toHaveLength(3);
      await expectAggregatesConsistent(store, knex);
    });

    it('round-trips check values and keeps the last of duplicates', async () => {
      const { store } = await createStore(databaseId);
      // Entity refs are kept as given (the engine's stringifyEntityRef form).
      const values = { a: 3.5, b: true, c: 'v1.2.0 "beta" \\ ✓', d: null };
      await store.applyEvaluations(
        [
          evaluation(
            'component:default/Mixed-Case',
            undefined,
            { a: 'fail' },
            { score: 0 },
          ),
          evaluation(
            'component:default/Mixed-Case',
            undefined,
            { a: 'pass', b: 'pass', c: 'warn', d: 'unknown', e: 'pass' },
            { values, score: 75 },
          ),
        ],
        T1,
      );
      const [result] = await store.getEntityResults(
        'component:default/Mixed-Case',
      );
      expect(result.entityRef).toBe('component:default/Mixed-Case');
      expect(result.ownerRef).toBeUndefined();
      expect(result.level).toBeUndefined();
      expect(result.score).toBe(75);
      expect(result.checks).toEqual([
        { checkId: 'a', state: 'pass', reason: 'a is pass', value: 3.5 },
        { checkId: 'b', state: 'pass', reason: 'b is pass', value: true },
        {
          checkId: 'c',
          state: 'warn',
          reason: 'c is warn',
          value: 'v1.2.0 "beta" \\ ✓',
        },
        // A null value is no value, as the input hash has always had it.
        { checkId: 'd', state: 'unknown', reason: 'd is unknown' },
        { checkId: 'e', state: 'pass', reason: 'e is pass' },
      ]);
      // A value change is a change; the same values are not.
      expect(
        await store.applyEvaluations(
          [
            evaluation(
              'component:default/Mixed-Case',
              undefined,
              { a: 'pass', b: 'pass', c: 'warn', d: 'unknown', e: 'pass' },
              { values: { ...values, a: 4 }, score: 75 },
            ),
          ],
          T2,
        ),
      ).toEqual({ entitiesWritten: 1, checksWritten: 1, transitions: 0 });
    });

    it('reads and updates results stored in the earlier checks format', async () => {
      const { store, knex } = await createStore(databaseId);
      await store.replaceGroupAncestry(
        closure({ 'group:default/team': 'group:default/org' }),
      );
      const first = evaluation(
        'component:default/old',
        'group:default/team',
        { b: 'pass', a: 'fail' },
        { values: { b: 2 }, score: 50 },
      );
      await store.applyEvaluations([first], T1);
      // Earlier versions sorted checks by id and left out missing values.
      await knex('scorecard_entity_results')
        .where({ entity_ref: 'component:default/old' })
        .update({
          checks: JSON.stringify([
            ['a', 'fail', 'a is fail'],
            ['b', 'pass', 'b is pass', 2],
          ]),
        });
      const [stored] = await store.getEntityResults('component:default/old');
      expect(stored.checks).toEqual([
        { checkId: 'a', state: 'fail', reason: 'a is fail' },
        { checkId: 'b', state: 'pass', reason: 'b is pass', value: 2 },
      ]);
      // Same states in the new format: rewritten, but no check changed.
      expect(await store.applyEvaluations([first], T2)).toEqual({
        entitiesWritten: 1,
        checksWritten: 0,
        transitions: 0,
      });
      const second = evaluation(
        'component:default/old',
        'group:default/team',
        { b: 'pass', a: 'pass' },
        { values: { b: 2 }, score: 100 },
      );
      expect(await store.applyEvaluations([second], T3)).toEqual({
        entitiesWritten: 1,
        checksWritten: 1,
        transitions: 1,
      });
      const rollup = await store.rollup('group:default/team', 'sc');
      expect(rollup.checks.find(c => c.checkId === 'a')?.counts).toMatchObject({
        pass: 1,
        fail: 0,
      });
    });

    it('removes entities and scorecards that went away', async () => {
      const { store, knex } = await createOrgStore(databaseId);
      const hashes = await store.inputHashes();
      expect(countHashes(hashes)).toBe(7);
      expect(hashes.get('sc')?.get('component:default/c1')).toBeNull();
      expect(hashes.get('other')?.has('component:default/c7')).toBe(true);
      // c1 drops to bronze: a check and a level transition.
      await store.applyEvaluations(
        [
          evaluation(
            'component:default/c1',
            'group:default/Platform',
            { a: 'pass', b: 'fail' },
            { level: 'bronze', score: 50 },
          ),
        ],
        T2,
      );

      // 2 scorecard rows + 4 check rows
      expect(
        await store.removeEntities([
          'component:default/c1',
          'component:default/c3',
          'component:default/unknown',
        ]),
      ).toBe(6);
      expect(await store.getEntityResults('component:default/c1')).toEqual([]);
      expect(countHashes(await store.inputHashes())).toBe(5);
      // Transitions stay.
      expect(
        await store.transitions({ entityRef: 'component:default/c1' }),
      ).toHaveLength(2);

      // c2 left scorecard sc only: 1 scorecard row + 2 check rows
      expect(
        await store.removeResults('sc', [
          'component:default/c2',
          'component:default/c7',
        ]),
      ).toBe(3);
      expect(await store.getEntityResults('component:default/c2')).toEqual([]);
      expect(
        (await store.getEntityResults('component:default/c7')).map(
          r => r.scorecardId,
        ),
      ).toEqual(['other']);
      expect(await store.removeResults('sc', [])).toBe(0);

      expect(await store.removeScorecardsExcept(['sc'])).toBe(2);
      expect(await store.getEntityResults('component:default/c7')).toEqual([]);
      await expectAggregatesConsistent(store, knex);
      expect(await store.removeScorecardsExcept([])).toBe(9);
      expect(await countRows(knex, 'scorecard_owner_levels')).toBe(0);
      expect(await countRows(knex, 'scorecard_owner_checks')).toBe(0);
      expect(await countRows(knex, 'scorecard_entity_results')).toBe(0);
      expect(await store.removeEntities([])).toBe(0);
    });

    it('lists entity results page by page', async () => {
      const { store } = await createOrgStore(databaseId);
      const page1 = await store.listEntityResults({
        scorecardId: 'sc',
        groupRef: 'group:default/ENG',
        limit: 3,
      });
      expect(page1.totalCount).toBe(4);
      expect(page1.items.map(i => i.entityRef)).toEqual([
        'component:default/c1',
        'component:default/c2',
        'component:default/c3',
      ]);
      expect(page1.items[0]).toEqual({
        scorecardId: 'sc',
        entityRef: 'component:default/c1',
        ownerRef: 'group:default/platform',
        level: 'silver',
        score: 100,
        counts: {
          pass: 2,
          warn: 0,
          fail: 0,
          'not-applicable': 0,
          unknown: 0,
          exempt: 0,
        },
        evaluatedAt: T1.toISOString(),
      });
      const page2 = await store.listEntityResults({
        scorecardId: 'sc',
        groupRef: 'group:default/eng',
        limit: 3,
        offset: 3,
      });
      expect(page2).toMatchObject({
        totalCount: 4,
        items: [{ entityRef: 'component:default/c4', score: null }],
      });
      const all = await store.listEntityResults({ scorecardId: 'sc' });
      expect(all.totalCount).toBe(6);
      expect(all.items).toHaveLength(6);
      const rest = await store.listEntityResults({
        scorecardId: 'sc',
        offset: 4,
      });
      expect(rest.items.map(i => i.entityRef)).toEqual([
        'component:default/c5',
        'component:default/c6',
      ]);
    });

    it('lists the entities a check counts against', async () => {
      const { store } = await createOrgStore(databaseId);
      // In eng's subtree: c2 fails b, c3 does not know; c4 is exempt.
      const eng = await store.listEntityResults({
        scorecardId: 'sc',
        groupRef: 'group:default/eng',
        failingCheck: 'b',
      });
      expect(eng.totalCount).toBe(2);
      expect(eng.items.map(i => i.entityRef)).toEqual([
        'component:default/c2',
        'component:default/c3',
      ]);
      // The whole catalog adds c5, whose b warns; paged like the rest.
      const catalog = await store.listEntityResults({
        scorecardId: 'sc',
        failingCheck: 'b',
        limit: 2,
        offset: 1,
      });
      expect(catalog.totalCount).toBe(3);
      expect(catalog.items.map(i => i.entityRef)).toEqual([
        'component:default/c3',
        'component:default/c5',
      ]);
      expect(
        (
          await store.listEntityResults({
            scorecardId: 'sc',
            failingCheck: 'x',
          })
        ).totalCount,
      ).toBe(0);
    });
  });

  it('applies 5,000 entities × 10 checks on SQLite in one batch', async () => {
    const { store, knex } = await createStore('SQLITE_3');
    const checks = Array.from({ length: 10 }, (_, i) => `check-${i}`);
    const evaluations = Array.from({ length: 5_000 }, (_, i) =>
      evaluation(
        `component:default/service-${i}`,
        `group:default/team-${i % 50}`,
        Object.fromEntries(
          checks.map((c, j) => [c, (i + j) % 3 === 0 ? 'fail' : 'pass']),
        ),
        { level: 'bronze', score: 70, inputHash: `h${i}` },
      ),
    );
    expect(await store.applyEvaluations(evaluations, T1)).toEqual({
      entitiesWritten: 5_000,
      checksWritten: 50_000,
      transitions: 0,
    });
    expect(await store.applyEvaluations(evaluations, T2)).toEqual({
      entitiesWritten: 0,
      checksWritten: 0,
      transitions: 0,
    });
    expect(
      (await store.getEntityResults('component:default/service-7'))[0].checks,
    ).toHaveLength(10);
    await expectAggregatesConsistent(store, knex);
    expect(countHashes(await store.inputHashes())).toBe(5_000);
    expect(await store.removeEntities(evaluations.map(e => e.entityRef))).toBe(
      55_000,
    );
  });
});
