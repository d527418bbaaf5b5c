import { TestDatabases } from '@backstage/backend-test-utils';
import { CheckState, countStates } from '@flywheel/plugin-flywheel-common';
import { Knex } from 'knex';
import { connectDatabase } from '../../database/migrate';
import { EntityEvaluation, ScorecardStore } from '../store/ScorecardStore';

export const T1 = new Date('2026-11-20T10:00:00.000Z');
export const T2 = new Date('2026-11-21T10:00:00.000Z');
export const T3 = new Date('2026-11-22T10:00:00.000Z');
export const T4 = new Date('2026-11-23T10:00:00.000Z');

export const LEVELS = ['bronze', 'silver', 'gold'];

export const countHashes = (hashes: Map<string, Map<string, unknown>>) =>
  [...hashes.values()].reduce((n, byEntity) => n + byEntity.size, 0);

export function evaluation(
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
export function closure(parents: Record<string, string | undefined>) {
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
export async function expectAggregatesConsistent(
  store: ScorecardStore,
  knex: Knex,
) {
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

export async function countRows(knex: Knex, table: string): Promise<number> {
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
export const ORG = {
  'group:default/org': undefined,
  'group:default/eng': 'group:default/org',
  'group:default/sales': 'group:default/org',
  'group:default/platform': 'group:default/eng',
  'group:default/payments': 'group:default/eng',
  'group:default/tools': 'group:default/eng',
};

export function orgEvaluations(): EntityEvaluation[] {
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

/**
 * Fresh stores on every engine the tests run on: call inside a `describe`
 * (TestDatabases registers its clean-up hooks there).
 */
export function scorecardStoreDatabases() {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    const db = await connectDatabase({ getClient: async () => knex });
    return { knex: db, store: new ScorecardStore(db) };
  }

  /** A store holding the ORG tree and its evaluations at T1. */
  async function createOrgStore(
    databaseId: Parameters<typeof databases.init>[0],
  ) {
    const created = await createStore(databaseId);
    await created.store.replaceGroupAncestry(closure(ORG));
    await created.store.applyEvaluations(orgEvaluations(), T1);
    return created;
  }

  return { databases, createStore, createOrgStore };
}
