import { TestDatabases } from '@backstage/backend-test-utils';
import { CheckState, countStates } from '@flywheel/plugin-flywheel-common';
import { Knex } from 'knex';
import { connectDatabase } from '../../database/migrate';
import { EntityEvaluation, ScorecardStore } from './ScorecardStore';

jest.setTimeout(120_000);

const T1 = new Date('2026-11-20T10:00:00.000Z');
const T2 = new Date('2026-11-21T10:00:00.000Z');
const T3 = new Date('2026-11-22T10:00:00.000Z');
const T4 = new Date('2026-11-23T10:00:00.000Z');

const LEVELS = ['bronze', 'silver', 'gold'];

const countHashes = (hashes: Map<string, Map<string, unknown>>) =>
  [...hashes.values()].reduce((n, byEntity) => n + byEntity.size, 0);

function evaluation(
  entityRef: string,
  ownerRef: string | undefined,
  checks: Record<string, CheckState>,
  options: {
    scorecardId?: string;
    level?: string;
    score?: number | null;
    reasons?: Record<string, string>;
    values?: Record<string, string | number | boolean | null>;
    inputHash?: string;
  } = {},
): EntityEvaluation {
  const list = Object.entries(checks).map(([checkId, state]) => ({
    checkId,
    state,
    reason: options.reasons?.[checkId] ?? `${checkId} is ${state}`,
    ...(options.values && checkId in options.values
      ? { value: options.values[checkId] }
      : {}),
  }));
  return {
    entityRef,
    scorecardId: options.scorecardId ?? 'sc',
    ownerRef,
    level: options.level,
    levelRank: options.level ? LEVELS.indexOf(options.level) : -1,
    score: options.score === undefined ? null : options.score,
    counts: countStates(list),
    checks: list,
    inputHash: options.inputHash,
  };
}

/** The closure of a parent map, without self rows (the store adds them). */
function closure(parents: Record<string, string | undefined>) {
  const edges: { ancestorRef: string; descendantRef: string; depth: number }[] =
    [];
  for (const group of Object.keys(parents)) {
    let depth = 1;
    for (let p = parents[group]; p; p = parents[p], depth++) {
      edges.push({ ancestorRef: p, descendantRef: group, depth });
    }
  }
  return edges;
}

/**
 * The per-owner aggregates the store keeps by differences must equal the
 * ones computed from scratch.
 */
async function expectAggregatesConsistent(store: ScorecardStore, knex: Knex) {
  const read = async () => ({
    levels: (
      await knex('scorecard_owner_levels').orderBy([
        'scorecard_id',
        'owner_ref',
        'level',
      ])
    ).map(r => ({ ...r, score_tenths: Number(r.score_tenths) })),
    checks: await knex('scorecard_owner_checks').orderBy([
      'scorecard_id',
      'owner_ref',
      'check_id',
      'state',
    ]),
  });
  const kept = await read();
  await store.rebuildAggregates();
  expect(kept).toEqual(await read());
}

async function countRows(knex: Knex, table: string): Promise<number> {
  const [{ count }] = await knex(table).count({ count: '*' });
  return Number(count);
}

/*
 * The org used by the rollup, leaderboard, listing and snapshot tests:
 *
 *   org ─┬─ eng ─┬─ platform   c1 (silver, 100), c2 (bronze, 50), c7 (other scorecard)
 *        │       ├─ payments   c3 (none, 0)
 *        │       ├─ tools      (no entities)
 *        │       └─ (eng)      c4 (none, no score)
 *        └─ sales              c5 (bronze, 50)
 *   user:default/ada           c6 (silver, 100): in no group rollup
 */
const ORG = {
  'group:default/org': undefined,
  'group:default/eng': 'group:default/org',
  'group:default/sales': 'group:default/org',
  'group:default/platform': 'group:default/eng',
  'group:default/payments': 'group:default/eng',
  'group:default/tools': 'group:default/eng',
};

function orgEvaluations(): EntityEvaluation[] {
  return [
    evaluation(
      'component:default/c1',
      'group:default/Platform',
      { a: 'pass', b: 'pass' },
      { level: 'silver', score: 100 },
    ),
    evaluation(
      'component:default/c2',
      'group:default/platform',
      { a: 'pass', b: 'fail' },
      { level: 'bronze', score: 50 },
    ),
    evaluation(
      'component:default/c3',
      'group:default/payments',
      { a: 'fail', b: 'unknown' },
      { score: 0 },
    ),
    evaluation('component:default/c4', 'group:default/eng', {
      a: 'not-applicable',
      b: 'exempt',
    }),
    evaluation(
      'component:default/c5',
      'group:default/sales',
      { a: 'pass', b: 'warn' },
      { level: 'bronze', score: 50 },
    ),
    evaluation(
      'component:default/c6',
      'user:default/ada',
      { a: 'pass', b: 'pass' },
      { level: 'silver', score: 100 },
    ),
    evaluation(
      'component:default/c7',
      'group:default/platform',
      { x: 'pass' },
      { scorecardId: 'other', level: 'bronze', score: 100 },
    ),
  ];
}

describe('ScorecardStore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    const db = await connectDatabase({ getClient: async () => knex });
    return { knex: db, store: new ScorecardStore(db) };
  }

  async function createOrgStore(
    databaseId: Parameters<typeof databases.init>[0],
  ) {
    const created = await createStore(databaseId);
    await created.store.replaceGroupAncestry(closure(ORG));
    await created.store.applyEvaluations(orgEvaluations(), T1);
    return created;
  }

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

    it('runs the exemption lifecycle', async () => {
      const { store, knex } = await createOrgStore(databaseId);
      const target = {
        entityRef: 'component:default/c2',
        scorecardId: 'sc',
        checkId: 'b',
      };
      const expiresAt = new Date('2026-12-31T00:00:00.000Z');
      const created = await store.createExemption(
        {
          ...target,
          justification: 'Legacy service, retiring in Q1',
          requestedBy: 'user:default/ada',
          expiresAt,
        },
        T1,
      );
      expect(created).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        entityRef: 'component:default/c2',
        scorecardId: 'sc',
        checkId: 'b',
        justification: 'Legacy service, retiring in Q1',
        requestedBy: 'user:default/ada',
        requestedAt: T1.toISOString(),
        expiresAt: expiresAt.toISOString(),
        status: 'pending',
        decidedBy: undefined,
        decidedAt: undefined,
        decisionNote: undefined,
        revokedBy: undefined,
        revokedAt: undefined,
        revokeNote: undefined,
        expired: false,
      });
      expect(await store.getExemption(created.id, T1)).toEqual(created);

      const request = {
        ...target,
        justification: 'again',
        requestedBy: 'user:default/bob',
        expiresAt,
      };
      await expect(store.createExemption(request, T2)).rejects.toMatchObject({
        name: 'ConflictError',
      });
      await expect(
        store.createExemption({ ...request, expiresAt: T1 }, T2),
      ).rejects.toMatchObject({ name: 'InputError' });

      const approved = await store.decideExemption(
        created.id,
        { decision: 'approved', decidedBy: 'user:default/pm', note: 'ok' },
        T2,
      );
      expect(approved).toMatchObject({
        status: 'approved',
        decidedBy: 'user:default/pm',
        decidedAt: T2.toISOString(),
        decisionNote: 'ok',
      });
      await expect(
        store.decideExemption(
          created.id,
          { decision: 'rejected', decidedBy: 'user:default/pm' },
          T3,
        ),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      await expect(store.createExemption(request, T3)).rejects.toMatchObject({
        name: 'ConflictError',
      });
      await expect(
        store.decideExemption(
          '00000000-0000-0000-0000-000000000000',
          { decision: 'approved', decidedBy: 'user:default/pm' },
          T3,
        ),
      ).rejects.toMatchObject({ name: 'NotFoundError' });

      const active = await store.activeExemptions(T3);
      expect([...active.keys()]).toEqual([
        'component:default/c2\u0000sc\u0000b',
      ]);
      expect(active.get('component:default/c2\u0000sc\u0000b')?.id).toBe(
        created.id,
      );

      // After expiry: no longer active, and a new request may be made.
      const later = new Date('2027-01-02T00:00:00.000Z');
      expect((await store.activeExemptions(later)).size).toBe(0);
      expect((await store.getExemption(created.id, later))?.expired).toBe(true);
      const renewal = await store.createExemption(
        { ...request, expiresAt: new Date('2027-06-30T00:00:00.000Z') },
        later,
      );
      const rejected = await store.decideExemption(
        renewal.id,
        { decision: 'rejected', decidedBy: 'user:default/pm', note: 'no' },
        later,
      );
      expect(rejected.status).toBe('rejected');
      await expect(
        store.revokeExemption(
          renewal.id,
          { revokedBy: 'user:default/pm' },
          later,
        ),
      ).rejects.toMatchObject({ name: 'ConflictError' });

      // Revoking keeps the approval on record; rows are never deleted.
      const revoked = await store.revokeExemption(
        created.id,
        { revokedBy: 'user:default/lead', note: 'service retired' },
        T3,
      );
      expect(revoked).toMatchObject({
        status: 'revoked',
        decidedBy: 'user:default/pm',
        decidedAt: T2.toISOString(),
        revokedBy: 'user:default/lead',
        revokedAt: T3.toISOString(),
        revokeNote: 'service retired',
      });
      expect((await store.activeExemptions(T3)).size).toBe(0);
      await expect(
        store.revokeExemption(created.id, { revokedBy: 'user:default/x' }, T3),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      await expect(
        store.revokeExemption(
          '00000000-0000-0000-0000-000000000000',
          { revokedBy: 'user:default/x' },
          T3,
        ),
      ).rejects.toMatchObject({ name: 'NotFoundError' });

      // A pending request that expired undecided blocks nothing and cannot
      // be approved.
      const stale = await store.createExemption(
        {
          entityRef: 'component:default/c5',
          scorecardId: 'sc',
          checkId: 'b',
          justification: 'warns',
          requestedBy: 'user:default/ada',
          expiresAt: T2,
        },
        T1,
      );
      await expect(
        store.decideExemption(
          stale.id,
          { decision: 'approved', decidedBy: 'user:default/pm' },
          T3,
        ),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      const fresh = await store.createExemption(
        {
          entityRef: 'component:default/c5',
          scorecardId: 'sc',
          checkId: 'b',
          justification: 'warns',
          requestedBy: 'user:default/ada',
          expiresAt,
        },
        T3,
      );

      expect(await countRows(knex, 'scorecard_exemptions')).toBe(4);
      const ids = (e: { id: string }[]) => e.map(x => x.id).sort();
      expect(ids(await store.listExemptions({ status: 'pending' }))).toEqual(
        ids([stale, fresh]),
      );
      expect(
        ids(await store.listExemptions({ entityRef: 'component:default/c2' })),
      ).toEqual(ids([created, renewal]));
      expect(
        ids(await store.listExemptions({ groupRef: 'group:default/platform' })),
      ).toEqual(ids([created, renewal]));
      expect(
        ids(await store.listExemptions({ groupRef: 'group:default/org' })),
      ).toEqual(ids([created, renewal, stale, fresh]));
      expect(
        await store.listExemptions({
          groupRef: 'group:default/sales',
          scorecardId: 'sc',
          status: 'pending',
          now: T3,
        }),
      ).toEqual([
        expect.objectContaining({ id: fresh.id, expired: false }),
        expect.objectContaining({ id: stale.id, expired: true }),
      ]);
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
