import { Knex } from 'knex';
import { EntityScorecardResult } from '@flywheel/plugin-flywheel-common';
import { normalizeRef } from '../../catalog/entityRefs';
import { inList, isSqlite, variableBudget } from '../../database/engines';
import { chunk, num, numOrNull } from '../../database/rows';
import { bulkWrite, sqlitePreparedRead } from '../../database/statements';
import {
  ANCESTRY,
  ENTITY_RESULTS_SQLITE,
  ENTITY_RESULT_COLUMNS,
  NO_LEVEL,
  OLD_RESULTS_SQLITE,
  OWNER_CHECKS,
  OWNER_LEVELS,
  packChecks,
  PackedCheck,
  RESULT_COLUMNS,
  ResultRow,
  RESULTS,
  SCORED_STATES,
  SUMMARY_COLUMNS,
  toCheckResult,
  toResult,
  TRANSITION_COLUMNS,
  TransitionRow,
  TRANSITIONS,
  unpackChecks,
  WRITE_LOCK_KEY,
} from './scorecardRows';
import { AggregateDeltas } from './AggregateDeltas';
import { bumpVersion, ResultsVersion } from './ResultsVersion';
import { checkElements, scoreTenths } from './resultsSql';
import { ApplyStats, EntityEvaluation } from './storeTypes';

/**
 * The latest result per entity and scorecard with its checks, and the
 * per-owner aggregates every write keeps current (AggregateDeltas), under
 * one write lock; each write that changes them moves the results version.
 */
export class ResultStore {
  private readonly sqlite: boolean;

  constructor(
    private readonly db: Knex,
    private readonly version: ResultsVersion,
  ) {
    this.sqlite = isSqlite(db);
  }

  /**
   * Writes a batch of evaluations in one transaction. Only results whose
   * content changed are written (a later evaluation time alone is no
   * change); transitions are appended for check state changes and level
   * changes, not for first results. So a result's `evaluated_at` (the
   * `evaluatedAt` the reads return) is the time of the last evaluation that
   * changed it, and its `changed_at` the time its level last changed.
   *
   * The per-owner aggregates change by the netted differences of the whole
   * call, at most owners × checks × states rows however many evaluations it
   * holds: larger calls amortise them better.
   */
  async applyEvaluations(
    evaluations: EntityEvaluation[],
    at: Date,
  ): Promise<ApplyStats> {
    const stats: ApplyStats = {
      entitiesWritten: 0,
      checksWritten: 0,
      transitions: 0,
    };
    const byScorecard = new Map<string, Map<string, NormalizedEvaluation>>();
    for (const evaluation of evaluations) {
      const normalized = normalizeEvaluation(evaluation, at);
      let entities = byScorecard.get(normalized.scorecardId);
      if (!entities) {
        entities = new Map();
        byScorecard.set(normalized.scorecardId, entities);
      }
      entities.set(normalized.entityRef, normalized); // the last one wins
    }
    if (byScorecard.size === 0) {
      return stats;
    }

    // Entities per round trip: the IN-list of the reads, and small enough
    // that a round's rows are cheap to hold.
    const perRound = Math.min(variableBudget(this.db) - 1, 2_000);
    await this.writeTransaction(async (trx, deltas) => {
      for (const [scorecardId, entities] of byScorecard) {
        for (const part of chunk([...entities.values()], perRound)) {
          await this.applyRound(trx, scorecardId, part, at, stats, deltas);
        }
      }
    });
    return stats;
  }

  /** A transaction that writes results, holding the write lock. */
  private async writeTransaction<T>(
    work: (trx: Knex.Transaction, deltas: AggregateDeltas) => Promise<T>,
  ): Promise<T> {
    return this.db.transaction(async trx => {
      if (!this.sqlite) {
        await trx.raw('SELECT pg_advisory_xact_lock(?)', [WRITE_LOCK_KEY]);
      }
      const deltas = new AggregateDeltas();
      const result = await work(trx, deltas);
      await deltas.write(trx);
      await deltas.prune(trx);
      if (deltas.scorecards.size > 0 || deltas.changed) {
        await bumpVersion(trx); // cached rollups are stale now
      }
      return result;
    });
  }

  private async applyRound(
    trx: Knex.Transaction,
    scorecardId: string,
    evaluations: NormalizedEvaluation[],
    at: Date,
    stats: ApplyStats,
    deltas: AggregateDeltas,
  ): Promise<void> {
    const refs = evaluations.map(e => e.entityRef);
    const oldResults = new Map<string, ResultRow>();
    const oldRows =
      (await sqlitePreparedRead<ResultRow>(trx, OLD_RESULTS_SQLITE, [
        scorecardId,
        JSON.stringify(refs),
      ])) ??
      ((await trx(RESULTS)
        .select([...RESULT_COLUMNS])
        .where('scorecard_id', scorecardId)
        .whereIn('entity_ref', refs)) as ResultRow[]);
    for (const row of oldRows) {
      oldResults.set(row.entity_ref, row);
    }

    const resultWrites: ResultRow[] = [];
    const transitions: TransitionRow[] = [];
    const transition = (
      entityRef: string,
      checkId: string | null,
      from: string | null,
      to: string,
    ) =>
      transitions.push({
        entity_ref: entityRef,
        scorecard_id: scorecardId,
        check_id: checkId,
        from_state: from,
        to_state: to,
        at,
      });

    for (const evaluation of evaluations) {
      const { entityRef, row, checks } = evaluation;
      const old = oldResults.get(entityRef);
      if (!old) {
        // A first result is no state change: recording one would add a row
        // per result to a first evaluation (85,000 at 20,000 entities, a
        // tenth of a cold run), and the result's `changed_at` tells when the
        // level was first reached.
        resultWrites.push(row);
        deltas.add(scorecardId, row, checks, 1);
        stats.checksWritten += checks.length;
        continue;
      }
      if (!resultChanged(old, row)) {
        continue;
      }
      resultWrites.push(row); // the upsert keeps changed_at unless the level changed
      if ((old.level ?? null) !== row.level) {
        transition(
          entityRef,
          null,
          old.level ?? NO_LEVEL,
          row.level ?? NO_LEVEL,
        );
      }
      const oldChecks = unpackChecks(old.checks);
      deltas.add(scorecardId, old, oldChecks, -1);
      deltas.add(scorecardId, row, checks, 1);
      const before = new Map(oldChecks.map(c => [c[0], c]));
      const ownerChanged = (old.owner_ref ?? null) !== row.owner_ref;
      for (const check of checks) {
        const previous = before.get(check[0]);
        before.delete(check[0]);
        if (previous && previous[1] !== check[1]) {
          transition(entityRef, check[0], previous[1], check[1]);
        }
        if (
          ownerChanged ||
          !previous ||
          previous[1] !== check[1] ||
          previous[2] !== check[2] ||
          JSON.stringify(previous[3] ?? null) !== JSON.stringify(check[3])
        ) {
          stats.checksWritten += 1;
        }
      }
      stats.checksWritten += before.size; // checks that went away
    }

    await bulkWrite(
      trx,
      RESULTS,
      RESULT_COLUMNS,
      resultWrites,
      {
        keys: ['entity_ref', 'scorecard_id'],
        set: {
          changed_at: `CASE WHEN COALESCE(${RESULTS}.level, '') = COALESCE(excluded.level, '') THEN ${RESULTS}.changed_at ELSE excluded.changed_at END`,
        },
      },
      ['checks'],
    );
    await bulkWrite(trx, TRANSITIONS, TRANSITION_COLUMNS, transitions);

    stats.entitiesWritten += resultWrites.length;
    stats.transitions += transitions.length;
  }

  /**
   * The input hash of every stored scorecard result, by scorecard id and
   * entity ref. Nested rather than keyed by a joined string: the engine looks
   * up 100,000 of them per run with the entity's ref it already has.
   */
  async inputHashes(): Promise<Map<string, Map<string, string | null>>> {
    const rows = await this.db<ResultRow>(RESULTS).select(
      'entity_ref',
      'scorecard_id',
      'input_hash',
    );
    const hashes = new Map<string, Map<string, string | null>>();
    for (const row of rows) {
      let byEntity = hashes.get(row.scorecard_id);
      if (!byEntity) {
        byEntity = new Map();
        hashes.set(row.scorecard_id, byEntity);
      }
      byEntity.set(row.entity_ref, row.input_hash);
    }
    return hashes;
  }

  /**
   * Deletes the results a query selects, taking them out of the aggregates.
   * Returns the number of scorecard results plus check results removed.
   */
  private async removeWhere(
    trx: Knex.Transaction,
    deltas: AggregateDeltas,
    where: (query: Knex.QueryBuilder) => void,
  ): Promise<number> {
    const rows = (await trx(RESULTS)
      .select(
        'entity_ref',
        'scorecard_id',
        'owner_ref',
        'level',
        'score',
        'checks',
      )
      .modify(where)) as Pick<
      ResultRow,
      'entity_ref' | 'scorecard_id' | 'owner_ref' | 'level' | 'score' | 'checks'
    >[];
    if (rows.length === 0) {
      return 0;
    }
    let removed = 0;
    for (const row of rows) {
      const checks = unpackChecks(row.checks);
      deltas.add(row.scorecard_id, row, checks, -1);
      removed += 1 + checks.length;
    }
    await trx(RESULTS).modify(where).delete();
    return removed;
  }

  /**
   * Removes the latest results of entities that left the catalog;
   * transitions and snapshots stay. Returns the number of scorecard results
   * plus check results removed.
   */
  async removeEntities(entityRefs: string[]): Promise<number> {
    const refs = [...new Set(entityRefs)];
    if (refs.length === 0) {
      return 0;
    }
    return this.writeTransaction(async (trx, deltas) => {
      let removed = 0;
      for (const part of chunk(refs, variableBudget(trx))) {
        removed += await this.removeWhere(trx, deltas, q =>
          q.whereIn('entity_ref', part),
        );
      }
      return removed;
    });
  }

  /**
   * Removes the latest results of some entities for one scorecard (entities
   * the scorecard no longer applies to). Returns the number of scorecard
   * results plus check results removed.
   */
  async removeResults(
    scorecardId: string,
    entityRefs: string[],
  ): Promise<number> {
    const refs = [...new Set(entityRefs)];
    if (refs.length === 0) {
      return 0;
    }
    return this.writeTransaction(async (trx, deltas) => {
      let removed = 0;
      for (const part of chunk(refs, variableBudget(trx) - 1)) {
        removed += await this.removeWhere(trx, deltas, q =>
          q.where('scorecard_id', scorecardId).whereIn('entity_ref', part),
        );
      }
      return removed;
    });
  }

  /**
   * Removes the latest results of scorecards no longer configured. Returns
   * the number of scorecard results plus check results removed.
   */
  async removeScorecardsExcept(scorecardIds: string[]): Promise<number> {
    return this.writeTransaction(async (trx, deltas) => {
      const gone = (q: Knex.QueryBuilder) => {
        if (scorecardIds.length > 0) {
          q.whereNotIn('scorecard_id', scorecardIds);
        }
      };
      const rows = (await trx(RESULTS).select('checks').modify(gone)) as Pick<
        ResultRow,
        'checks'
      >[];
      if (rows.length === 0) {
        return 0;
      }
      // Whole scorecards go, so their aggregates go with them.
      deltas.changed = true;
      await trx(RESULTS).modify(gone).delete();
      await trx(OWNER_LEVELS).modify(gone).delete();
      await trx(OWNER_CHECKS).modify(gone).delete();
      return rows.reduce((n, r) => n + 1 + unpackChecks(r.checks).length, 0);
    });
  }

  /**
   * Recomputes the per-owner aggregates from the stored results. They are
   * kept current on every write; this is the reference the tests compare
   * them with, and a repair should they ever drift.
   */
  async rebuildAggregates(): Promise<void> {
    // Set-based, so it shares no code with the differences it checks.
    const tenths = scoreTenths(this.sqlite);
    const { elements, element } = checkElements(this.sqlite);
    await this.writeTransaction(async (trx, deltas) => {
      deltas.changed = true;
      await trx(OWNER_LEVELS).delete();
      await trx(OWNER_CHECKS).delete();
      await trx.raw(
        `INSERT INTO ${OWNER_LEVELS} (scorecard_id, owner_ref, level, n, score_tenths, scored)
         SELECT r.scorecard_id, COALESCE(r.owner_ref, ''), COALESCE(r.level, ''),
           count(*), COALESCE(sum(${tenths}), 0), count(r.score)
         FROM ${RESULTS} r
         GROUP BY r.scorecard_id, COALESCE(r.owner_ref, ''), COALESCE(r.level, '')`,
      );
      await trx.raw(
        `INSERT INTO ${OWNER_CHECKS} (scorecard_id, owner_ref, check_id, state, n)
         SELECT r.scorecard_id, COALESCE(r.owner_ref, ''), ${element(
           0,
         )}, ${element(1)}, count(*)
         FROM ${RESULTS} r, ${elements}
         WHERE r.checks IS NOT NULL
         GROUP BY r.scorecard_id, COALESCE(r.owner_ref, ''), ${element(
           0,
         )}, ${element(1)}`,
      );
    });
  }

  /**
   * Refreshes the query planner's statistics of the result tables. Worth
   * calling after a run that wrote many rows (a cold evaluation): until
   * PostgreSQL's autovacuum analyzes the new rows it may pick slow plans for
   * the rollups.
   */
  async analyze(): Promise<void> {
    if (this.sqlite) {
      await this.db.raw('PRAGMA optimize');
      return;
    }
    await this.db.raw(
      `ANALYZE ${RESULTS}, ${OWNER_LEVELS}, ${OWNER_CHECKS}, ${ANCESTRY}`,
    );
  }

  /** Every scorecard result of an entity with its checks, by scorecard id. */
  async getEntityResults(entityRef: string): Promise<EntityScorecardResult[]> {
    const rows =
      (await sqlitePreparedRead<ResultRow>(this.db, ENTITY_RESULTS_SQLITE, [
        entityRef,
      ])) ??
      ((await this.db(RESULTS)
        .select([...ENTITY_RESULT_COLUMNS])
        .where('entity_ref', entityRef)
        .orderBy('scorecard_id')) as ResultRow[]);
    return rows.map(row => ({
      ...toResult(row),
      checks: unpackChecks(row.checks).map(toCheckResult),
    }));
  }

  /**
   * The scorecard results of all entities (or of a group subtree), by entity
   * ref, one page at a time; without `limit`, all of them. With
   * `failingCheck`, only the entities that check counts against: failing,
   * warning or unknown (what lowers its pass rate).
   */
  async listEntityResults(options: {
    scorecardId: string;
    groupRef?: string;
    failingCheck?: string;
    limit?: number;
    offset?: number;
    /** Entity refs to leave out (not visible to the caller); counts too. */
    hidden?: readonly string[];
  }): Promise<{
    items: Omit<EntityScorecardResult, 'checks'>[];
    totalCount: number;
  }> {
    const base = this.db(`${RESULTS} as r`).where(
      'r.scorecard_id',
      options.scorecardId,
    );
    if (options.hidden && options.hidden.length > 0) {
      base.whereRaw(
        ...inList(this.sqlite, 'r.entity_ref', options.hidden, 'not'),
      );
    }
    if (options.groupRef !== undefined) {
      base
        .join(`${ANCESTRY} as ga`, 'ga.descendant_ref', 'r.owner_ref')
        .where('ga.ancestor_ref', normalizeRef(options.groupRef));
    }
    if (options.failingCheck !== undefined) {
      const { elements, element } = checkElements(this.sqlite);
      // The scored states other than pass: those that lower the pass rate.
      const against = SCORED_STATES.filter(s => s !== 'pass');
      base.whereRaw(
        `EXISTS (SELECT 1 FROM ${elements} WHERE ${element(
          0,
        )} = ? AND ${element(1)} IN (${against.map(() => '?').join(', ')}))`,
        [options.failingCheck, ...against],
      );
    }
    const itemsQuery = base
      .clone()
      .select(SUMMARY_COLUMNS.map(c => `r.${c}`))
      .orderBy('r.entity_ref');
    if (options.limit !== undefined) {
      itemsQuery.limit(options.limit);
    }
    if (options.offset) {
      itemsQuery.offset(options.offset);
      if (options.limit === undefined && this.sqlite) {
        itemsQuery.limit(-1); // SQLite needs a LIMIT before OFFSET
      }
    }
    const [rows, [{ count }]] = await Promise.all([
      itemsQuery,
      base.clone().count({ count: '*' }),
    ]);
    return {
      items: (rows as ResultRow[]).map(toResult),
      totalCount: num(count),
    };
  }

  /**
   * Each entity's level and packed checks for one scorecard: of the given
   * entities, or of all with a result.
   */
  async levelsAndChecks(
    scorecardId: string,
    entityRefs?: readonly string[],
  ): Promise<{ entityRef: string; level?: string; checks: PackedCheck[] }[]> {
    const query = this.db(RESULTS)
      .where('scorecard_id', scorecardId)
      .select('entity_ref', 'level', 'checks');
    if (entityRefs) {
      if (entityRefs.length === 0) {
        return [];
      }
      query.whereRaw(...inList(this.sqlite, 'entity_ref', entityRefs));
    }
    const rows = (await query) as Pick<
      ResultRow,
      'entity_ref' | 'level' | 'checks'
    >[];
    return rows.map(row => ({
      entityRef: row.entity_ref,
      ...(row.level ? { level: row.level } : {}),
      checks: unpackChecks(row.checks),
    }));
  }

  /**
   * The refs of every entity with a result of the scorecard, sorted; kept
   * while the results version has not moved.
   */
  async scoredEntityRefs(scorecardId: string): Promise<string[]> {
    return this.version.cached(`refs\u0000${scorecardId}`, async () =>
      (
        await this.db(RESULTS)
          .where('scorecard_id', scorecardId)
          .orderBy('entity_ref')
          .select('entity_ref')
      ).map((row: { entity_ref: string }) => row.entity_ref),
    );
  }

  /**
   * How many of the given entities have a result of the scorecard owned
   * inside the group's subtree (anywhere without a group).
   */
  async countInScope(
    scorecardId: string,
    groupRef: string | undefined,
    entityRefs: readonly string[],
  ): Promise<number> {
    if (entityRefs.length === 0) {
      return 0;
    }
    const query = this.db(`${RESULTS} as r`)
      .where('r.scorecard_id', scorecardId)
      .whereRaw(...inList(this.sqlite, 'r.entity_ref', entityRefs));
    if (groupRef !== undefined) {
      query
        .join(`${ANCESTRY} as ga`, 'ga.descendant_ref', 'r.owner_ref')
        .where('ga.ancestor_ref', normalizeRef(groupRef));
    }
    const [{ count }] = await query.count({ count: '*' });
    return num(count);
  }
}

type NormalizedEvaluation = {
  entityRef: string;
  scorecardId: string;
  row: ResultRow;
  checks: PackedCheck[];
};

function normalizeEvaluation(
  evaluation: EntityEvaluation,
  at: Date,
): NormalizedEvaluation {
  const ownerRef = evaluation.ownerRef
    ? normalizeRef(evaluation.ownerRef)
    : null;
  const checks = packChecks(
    evaluation.checksJson === undefined
      ? // One result per check id, the last one winning.
        new Map(evaluation.checks.map(c => [c.checkId, c])).values()
      : evaluation.checks,
  );
  const counts = evaluation.counts;
  return {
    entityRef: evaluation.entityRef,
    scorecardId: evaluation.scorecardId,
    checks,
    row: {
      entity_ref: evaluation.entityRef,
      scorecard_id: evaluation.scorecardId,
      owner_ref: ownerRef,
      level: evaluation.level ?? null,
      level_rank: evaluation.level === undefined ? -1 : evaluation.levelRank,
      score: evaluation.score ?? null,
      count_pass: counts.pass ?? 0,
      count_warn: counts.warn ?? 0,
      count_fail: counts.fail ?? 0,
      count_not_applicable: counts['not-applicable'] ?? 0,
      count_unknown: counts.unknown ?? 0,
      count_exempt: counts.exempt ?? 0,
      input_hash: evaluation.inputHash ?? null,
      checks: evaluation.checksJson ?? JSON.stringify(checks),
      evaluated_at: at,
      changed_at: at,
    },
  };
}

function resultChanged(old: ResultRow, next: ResultRow): boolean {
  return (
    (old.owner_ref ?? null) !== next.owner_ref ||
    (old.level ?? null) !== next.level ||
    num(old.level_rank) !== next.level_rank ||
    numOrNull(old.score) !== next.score ||
    num(old.count_pass) !== next.count_pass ||
    num(old.count_warn) !== next.count_warn ||
    num(old.count_fail) !== next.count_fail ||
    num(old.count_not_applicable) !== next.count_not_applicable ||
    num(old.count_unknown) !== next.count_unknown ||
    num(old.count_exempt) !== next.count_exempt ||
    (old.input_hash ?? null) !== next.input_hash ||
    old.checks !== next.checks
  );
}
