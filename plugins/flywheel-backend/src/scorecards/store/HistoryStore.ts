import { Knex } from 'knex';
import { InputError } from '@backstage/errors';
import { CheckState } from '@flywheel/plugin-flywheel-common';
import { normalizeRef } from '../../catalog/entityRefs';
import { isSqlite } from '../../database/engines';
import { num, numOrNull, toIso } from '../../database/rows';
import { bulkWrite } from '../../database/statements';
import {
  ANCESTRY,
  LevelCountRow,
  OWNER_CHECKS,
  OWNER_LEVELS,
  RESULTS,
  SCORED_STATES,
  SNAPSHOTS,
  SNAPSHOT_COLUMNS,
  SnapshotRow,
  TRANSITIONS,
  TransitionRow,
  pairKey,
  Tally,
  NO_LEVEL,
} from './scorecardRows';
import {
  ScorecardTransition,
  SnapshotPoint,
  SnapshotScope,
} from './storeTypes';

/** Daily snapshots of every scope, and the transitions of levels and checks. */
export class HistoryStore {
  private readonly sqlite: boolean;

  constructor(private readonly db: Knex) {
    this.sqlite = isSqlite(db);
  }

  /**
   * Writes the day's snapshots of every scope from the current results:
   * per entity and scorecard, per group (its subtree) and scorecard, and per
   * scorecard over the whole catalog. Writing a day again upserts it and
   * drops its rows that the new write did not produce (entities or groups
   * gone since). Returns the number of rows written.
   */
  async writeSnapshots(day: string, at: Date): Promise<number> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) {
      throw new InputError(
        `Invalid snapshot day '${day}', expected YYYY-MM-DD`,
      );
    }
    return this.db.transaction(async trx => {
      const scored =
        'r.count_pass + r.count_warn + r.count_fail + r.count_unknown';
      const timestamp = this.sqlite ? '?' : 'CAST(? AS timestamptz)';
      // Entity scope, set-based. The level is JSON-escaped for the
      // distribution object.
      await trx.raw(
        `INSERT INTO ${SNAPSHOTS}
           (day, scope, scope_ref, scorecard_id, entity_count, avg_score, levels, pass_rate, written_at)
         SELECT CAST(? AS text), 'entity', r.entity_ref, r.scorecard_id, 1, r.score,
           '{"' || REPLACE(REPLACE(COALESCE(r.level, ?), ?, ?), '"', ?) || '":1}',
           CASE WHEN ${scored} > 0 THEN (1.0 * r.count_pass) / (${scored}) ELSE NULL END,
           ${timestamp}
         FROM ${RESULTS} r
         WHERE true
         ON CONFLICT (day, scope, scope_ref, scorecard_id) DO UPDATE SET
           entity_count = excluded.entity_count,
           avg_score = excluded.avg_score,
           levels = excluded.levels,
           pass_rate = excluded.pass_rate,
           written_at = excluded.written_at`,
        [day, NO_LEVEL, '\\', '\\\\', '\\"', at],
      );
      const [{ count: entityRows }] = await trx(RESULTS).count({ count: '*' });

      // Groups (their subtrees) and whole scorecards, from the per-owner
      // aggregates.
      const levelSums = [
        'ol.scorecard_id as scorecard_id',
        'ol.level as level',
        trx.raw('sum(ol.n) as n'),
        trx.raw('sum(ol.score_tenths) as st'),
        trx.raw('sum(ol.scored) as ns'),
      ];
      const stateSums = [
        'oc.scorecard_id as scorecard_id',
        'oc.state as state',
        trx.raw('sum(oc.n) as n'),
      ];
      // One after the other: a transaction is one connection, and
      // node-postgres deprecates queries queued on a busy client.
      const groupLevels = await trx(`${OWNER_LEVELS} as ol`)
        .join(`${ANCESTRY} as ga`, 'ga.descendant_ref', 'ol.owner_ref')
        .groupBy('ga.ancestor_ref', 'ol.scorecard_id', 'ol.level')
        .select('ga.ancestor_ref as scope_ref', ...levelSums);
      const groupStates = await trx(`${OWNER_CHECKS} as oc`)
        .join(`${ANCESTRY} as ga`, 'ga.descendant_ref', 'oc.owner_ref')
        .groupBy('ga.ancestor_ref', 'oc.scorecard_id', 'oc.state')
        .select('ga.ancestor_ref as scope_ref', ...stateSums);
      const scorecardLevels = await trx(`${OWNER_LEVELS} as ol`)
        .groupBy('ol.scorecard_id', 'ol.level')
        .select(trx.raw("'' as scope_ref"), ...levelSums);
      const scorecardStates = await trx(`${OWNER_CHECKS} as oc`)
        .groupBy('oc.scorecard_id', 'oc.state')
        .select(trx.raw("'' as scope_ref"), ...stateSums);

      type Keyed = { scope_ref: string; scorecard_id: string };
      const snapshots: SnapshotRow[] = [];
      for (const [scope, levelRows, stateRows] of [
        ['group', groupLevels, groupStates],
        ['scorecard', scorecardLevels, scorecardStates],
      ] as const) {
        const sums = new Map<
          string,
          { row: SnapshotRow; tally: Tally; passed: number; scoredN: number }
        >();
        for (const row of levelRows as (LevelCountRow & Keyed)[]) {
          const key = pairKey(row.scope_ref, row.scorecard_id);
          let sum = sums.get(key);
          if (!sum) {
            sum = {
              row: {
                day,
                scope,
                scope_ref: row.scope_ref,
                scorecard_id: row.scorecard_id,
                entity_count: 0,
                avg_score: null,
                levels: '{}',
                pass_rate: null,
                written_at: at,
              },
              tally: new Tally(),
              passed: 0,
              scoredN: 0,
            };
            sums.set(key, sum);
          }
          sum.tally.add(row);
        }
        for (const row of stateRows as (Keyed & {
          state: CheckState;
          n: unknown;
        })[]) {
          const sum = sums.get(pairKey(row.scope_ref, row.scorecard_id));
          if (sum && SCORED_STATES.includes(row.state)) {
            sum.scoredN += num(row.n);
            if (row.state === 'pass') {
              sum.passed += num(row.n);
            }
          }
        }
        for (const { row, tally, passed, scoredN } of sums.values()) {
          row.entity_count = tally.entityCount;
          row.avg_score = tally.averageScore;
          row.levels = JSON.stringify(tally.levels);
          row.pass_rate = scoredN === 0 ? null : passed / scoredN;
          snapshots.push(row);
        }
      }
      await bulkWrite(trx, SNAPSHOTS, SNAPSHOT_COLUMNS, snapshots, {
        keys: ['day', 'scope', 'scope_ref', 'scorecard_id'],
      });
      await trx(SNAPSHOTS)
        .where('day', day)
        .andWhere('written_at', '<', at)
        .delete();
      return num(entityRows) + snapshots.length;
    });
  }

  /** A snapshot series, oldest day first, `from` and `to` included. */
  async history(options: {
    scope: SnapshotScope;
    ref?: string;
    scorecardId: string;
    from: string;
    to: string;
  }): Promise<SnapshotPoint[]> {
    let scopeRef = '';
    if (options.scope !== 'scorecard') {
      if (!options.ref) {
        throw new InputError(`A ${options.scope} history needs a ref`);
      }
      scopeRef =
        options.scope === 'group' ? normalizeRef(options.ref) : options.ref;
    }
    const rows = await this.db<SnapshotRow>(SNAPSHOTS)
      .where({
        scorecard_id: options.scorecardId,
        scope: options.scope,
        scope_ref: scopeRef,
      })
      .andWhere('day', '>=', options.from)
      .andWhere('day', '<=', options.to)
      .orderBy('day');
    return rows.map(row => ({
      day: row.day,
      entityCount: num(row.entity_count),
      averageScore: numOrNull(row.avg_score),
      passRate: numOrNull(row.pass_rate),
      levels: JSON.parse(row.levels),
    }));
  }

  /** Transitions, newest first; at most `limit` (default 100). */
  async transitions(options: {
    entityRef?: string;
    scorecardId?: string;
    limit?: number;
  }): Promise<ScorecardTransition[]> {
    const query = this.db<TransitionRow & { id: number }>(TRANSITIONS)
      .orderBy([
        { column: 'at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(options.limit ?? 100);
    if (options.entityRef !== undefined) {
      query.where('entity_ref', options.entityRef);
    }
    if (options.scorecardId !== undefined) {
      query.where('scorecard_id', options.scorecardId);
    }
    return (await query).map(row => {
      const transition: ScorecardTransition = {
        entityRef: row.entity_ref,
        scorecardId: row.scorecard_id,
        to: row.to_state,
        at: toIso(row.at),
      };
      if (row.check_id !== null) {
        transition.checkId = row.check_id;
      }
      if (row.from_state !== null) {
        transition.from = row.from_state;
      }
      return transition;
    });
  }
}
