import { TestDatabases } from '@backstage/backend-test-utils';
import { CheckState, countStates } from '@flywheel/plugin-flywheel-common';
import fc from 'fast-check';
import { connectDatabase } from '../../database/migrate';
import { EntityEvaluation, ScorecardStore } from './ScorecardStore';

jest.setTimeout(180_000);

const T1 = new Date('2026-11-20T10:00:00.000Z');
const LEVELS = ['bronze', 'silver', 'gold'];

/*
 *   org ─┬─ eng ─┬─ platform   p1 p2 p3
 *        │       ├─ payments   y1 (the only one with check 'rare'), y2
 *        │       └─ (eng)      e1
 *        └─ sales              s1 (the only entity of sales)
 *   user:default/ada           u1; no owner: n1
 */
const ORG = {
  'group:default/eng': 'group:default/org',
  'group:default/sales': 'group:default/org',
  'group:default/platform': 'group:default/eng',
  'group:default/payments': 'group:default/eng',
} as Record<string, string>;

function closure() {
  const edges: { ancestorRef: string; descendantRef: string; depth: number }[] =
    [];
  for (const group of Object.keys(ORG)) {
    let depth = 1;
    for (let p: string | undefined = ORG[group]; p; p = ORG[p], depth++) {
      edges.push({ ancestorRef: p, descendantRef: group, depth });
    }
  }
  return edges;
}

function evaluation(
  name: string,
  ownerRef: string | undefined,
  checks: Record<string, CheckState>,
  level?: string,
  score: number | null = null,
): EntityEvaluation {
  const list = Object.entries(checks).map(([checkId, state]) => ({
    checkId,
    state,
    reason: `${checkId} is ${state}`,
  }));
  return {
    entityRef: `component:default/${name}`,
    scorecardId: 'sc',
    ownerRef,
    level,
    levelRank: level ? LEVELS.indexOf(level) : -1,
    score,
    counts: countStates(list),
    checks: list,
  };
}

const EVALUATIONS = [
  evaluation(
    'p1',
    'group:default/platform',
    { a: 'pass', b: 'pass' },
    'gold',
    100,
  ),
  evaluation(
    'p2',
    'group:default/platform',
    { a: 'pass', b: 'fail' },
    'bronze',
    50,
  ),
  evaluation('p3', 'group:default/platform', { a: 'warn', b: 'unknown' }),
  evaluation(
    'y1',
    'group:default/payments',
    { a: 'fail', b: 'pass', rare: 'fail' },
    'silver',
    33.3,
  ),
  evaluation(
    'y2',
    'group:default/payments',
    { a: 'exempt', b: 'not-applicable' },
    undefined,
    0,
  ),
  evaluation('e1', 'group:default/eng', { a: 'pass', b: 'pass' }, 'gold', 100),
  evaluation(
    's1',
    'group:default/sales',
    { a: 'pass', b: 'warn' },
    'bronze',
    66.7,
  ),
  evaluation('u1', 'user:default/ada', { a: 'pass', b: 'pass' }, 'gold', 100),
  evaluation('n1', undefined, { a: 'fail', b: 'fail' }, undefined, 0),
];
const REFS = EVALUATIONS.map(e => e.entityRef);
const GROUPS = [
  undefined,
  'group:default/org',
  'group:default/eng',
  'group:default/platform',
  'group:default/payments',
  'group:default/sales',
];

/**
 * Plays the attacker: a caller who may not see some entities gets, from
 * every read, exactly what a store that never held those entities answers.
 * So nothing they see (counts, levels, averages, check names, teams, pages)
 * is derived from a hidden entity.
 */
describe('ScorecardStore reads for callers who may not see every entity', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    const db = await connectDatabase({ getClient: async () => knex });
    const store = new ScorecardStore(db);
    await store.replaceGroupAncestry(closure());
    await store.applyEvaluations(EVALUATIONS, T1);
    return store;
  }

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    it('answers rollups, leaderboard and entity lists as if hidden entities did not exist', async () => {
      // `full` holds every entity; `without` has the hidden ones removed.
      const full = await createStore(databaseId);
      const without = await createStore(databaseId);

      const compare = async (hidden: string[]) => {
        await without.removeEntities(hidden);
        try {
          for (const group of GROUPS) {
            expect(await full.rollup(group, 'sc', hidden)).toEqual(
              await without.rollup(group, 'sc'),
            );
            for (const failingCheck of [undefined, 'a', 'rare']) {
              expect(
                await full.listEntityResults({
                  scorecardId: 'sc',
                  groupRef: group,
                  failingCheck,
                  limit: 2,
                  offset: 1,
                  hidden,
                }),
              ).toEqual(
                await without.listEntityResults({
                  scorecardId: 'sc',
                  groupRef: group,
                  failingCheck,
                  limit: 2,
                  offset: 1,
                }),
              );
            }
            expect(await full.countInScope('sc', group, hidden)).toBe(
              hidden.filter(ref =>
                group === undefined
                  ? true
                  : EVALUATIONS.find(e => e.entityRef === ref)!.ownerRef &&
                    inSubtree(
                      EVALUATIONS.find(e => e.entityRef === ref)!.ownerRef!,
                      group,
                    ),
              ).length,
            );
          }
          expect(await full.leaderboard('sc', hidden)).toEqual(
            await without.leaderboard('sc'),
          );
        } finally {
          await without.applyEvaluations(
            EVALUATIONS.filter(e => hidden.includes(e.entityRef)),
            T1,
          );
        }
      };

      // The cases that matter most, then random ones.
      await compare(['component:default/s1']); // a whole team's only entity
      await compare(['component:default/y1']); // the only holder of a check
      await compare(['component:default/n1', 'component:default/u1']);
      await compare(REFS); // sees nothing
      await fc.assert(fc.asyncProperty(fc.subarray(REFS), compare), {
        numRuns: 15,
      });
      // Nothing hidden: the stored aggregates as they are.
      expect(await full.rollup('group:default/org', 'sc', [])).toEqual(
        await full.rollup('group:default/org', 'sc'),
      );
    });

    it('names no team or level that only hidden entities fill', async () => {
      const store = await createStore(databaseId);
      const hidden = ['component:default/s1', 'component:default/y1'];
      const org = await store.rollup(undefined, 'sc', hidden);
      expect(org.subTeams.map(t => t.groupRef)).toEqual(['group:default/org']);
      expect(org.checks.map(c => c.checkId)).toEqual(['a', 'b']);
      expect(org.levels).not.toHaveProperty('silver');
      const board = await store.leaderboard('sc', hidden);
      expect(board.map(row => row.groupRef)).not.toContain(
        'group:default/sales',
      );
      const sales = await store.rollup('group:default/sales', 'sc', hidden);
      expect(sales).toMatchObject({
        entityCount: 0,
        averageScore: null,
        levels: {},
        checks: [],
      });
      // Another caller's view is not served from this one's cache.
      expect(
        (await store.rollup('group:default/sales', 'sc')).entityCount,
      ).toBe(1);
    });
  });
});

function inSubtree(owner: string, group: string): boolean {
  for (let g: string | undefined = owner; g; g = ORG[g]) {
    if (g === group) {
      return true;
    }
  }
  return false;
}
