import { Knex } from 'knex';
import {
  CheckState,
  CheckStateCounts,
  EntityScorecardResult,
  ExemptionStatus,
  LeaderboardResponse,
  LevelDistribution,
  ScorecardExemption,
  ScorecardHistoryPoint,
  ScorecardRollup as CommonScorecardRollup,
} from '@flywheel/plugin-flywheel-common';
import { normalizeRef } from '../../catalog/entityRefs';
import { isSqlite, variableBudget } from '../../database/engines';
import { chunk, num, numOrNull } from '../../database/rows';
import { bulkWrite, sqlitePreparedRead } from '../../database/statements';
import {
  ANCESTRY,
  AncestryRow,
  CheckCountRow,
  ENTITY_RESULTS_SQLITE,
  ENTITY_RESULT_COLUMNS,
  LevelCountRow,
  OLD_RESULTS_SQLITE,
  OWNER_CHECKS,
  OWNER_CHECK_COLUMNS,
  OWNER_LEVELS,
  OWNER_LEVEL_COLUMNS,
  OwnerCheckRow,
  OwnerLevelRow,
  PackedCheck,
  RESULTS,
  RESULT_COLUMNS,
  ResultRow,
  SCORED_STATES,
  SUMMARY_COLUMNS,
  TRANSITIONS,
  TRANSITION_COLUMNS,
  TransitionRow,
  VERSION,
  WRITE_LOCK_KEY,
  emptyCounts,
  hiddenKey,
  packChecks,
  pairKey,
  passRate,
  toCheckResult,
  toResult,
  unpackChecks,
  Tally,
  NO_LEVEL,
} from './scorecardRows';
import { ExemptionStore } from './ExemptionStore';
import { HistoryStore } from './HistoryStore';

export { checksJson, NO_LEVEL } from './scorecardRows';

/** Cached rollups and leaderboards kept per store (bounded, oldest out). */
const CACHE_SIZE = 500;

/** One check's result as the engine hands it to the store. */
export interface StoredCheckResult {
  checkId: string;
  state: CheckState;
  reason: string;
  value?: string | number | boolean | null;
}

/** A scorecard evaluated for one entity. */
export interface EntityEvaluation {
  entityRef: string;
  scorecardId: string;
  ownerRef?: string;
  level?: string;
  /** Index of `level` in the ladder, -1 when no level is reached. */
  levelRank: number;
  score: number | null;
  counts: CheckStateCounts;
  checks: StoredCheckResult[];
  /**
   * `checksJson(checks)`, when the caller built it already (the engine
   * hashes it); check ids must then be unique. Otherwise the store builds it,
   * keeping the last result of a repeated check id.
   */
  checksJson?: string;
  /** Hash of what the evaluation read; lets the engine skip unchanged entities. */
  inputHash?: string;
}

/** What one `applyEvaluations` call wrote. */
export interface ApplyStats {
  /** Scorecard results (entity × scorecard) inserted or updated. */
  entitiesWritten: number;
  /** Check results inserted, updated or deleted. */
  checksWritten: number;
  /** Transitions appended. */
  transitions: number;
}

/** A group's rollup for one scorecard (the API adds the scorecard id). */
export type ScorecardRollup = Omit<CommonScorecardRollup, 'scorecardId'>;
/** A leaderboard row: a group with its subtree. */
export type LeaderboardEntry = LeaderboardResponse['items'][number];
/** One day of a snapshot series. */
export type SnapshotPoint = ScorecardHistoryPoint;
/** An exemption request and its decision. */
export type Exemption = ScorecardExemption;
export type { ExemptionStatus, LevelDistribution };

/** What a snapshot series is about. */
export type SnapshotScope = 'entity' | 'group' | 'scorecard';

/** A check state change, or a level change when `checkId` is undefined. */
export interface ScorecardTransition {
  entityRef: string;
  scorecardId: string;
  checkId?: string;
  /**
   * Undefined only in first appearances recorded by earlier versions. For
   * levels, `none` means no level.
   */
  from?: string;
  to: string;
  at: string;
}

/**
 * A check result as stored in a scorecard result's `checks` column: a tuple
 * keeps 850,000 of them (20,000 entities) compact. `null` stands for no
 * value; results stored by earlier versions leave it out.
 */

type NormalizedEvaluation = {
  entityRef: string;
  scorecardId: string;
  row: ResultRow;
  checks: PackedCheck[];
};

/**
 * Changes to the per-owner aggregates, netted: a result that moves from one
 * state to another subtracts where it was and adds where it is.
 */
class AggregateDeltas {
  private readonly levels = new Map<string, OwnerLevelRow>();
  /** scorecard + owner → check id → state → row: no key strings per check. */
  private readonly checks = new Map<
    string,
    Map<string, Map<string, OwnerCheckRow>>
  >();
  readonly scorecards = new Set<string>();
  /** Set when results changed without differences (whole scorecards removed). */
  changed = false;
  /** Only subtractions can bring a count down to nothing. */
  private subtracted = false;

  add(
    scorecardId: string,
    row: Pick<ResultRow, 'owner_ref' | 'level' | 'score'>,
    checks: readonly PackedCheck[],
    sign: 1 | -1,
  ) {
    this.scorecards.add(scorecardId);
    if (sign < 0) {
      this.subtracted = true;
    }
    const owner = row.owner_ref ?? '';
    const level = row.level ?? '';
    const ownerKey = `${scorecardId}\u0000${owner}`;
    const levelKey = `${ownerKey}\u0000${level}`;
    let levelRow = this.levels.get(levelKey);
    if (!levelRow) {
      levelRow = {
        scorecard_id: scorecardId,
        owner_ref: owner,
        level,
        n: 0,
        score_tenths: 0,
        scored: 0,
      };
      this.levels.set(levelKey, levelRow);
    }
    levelRow.n += sign;
    const score = numOrNull(row.score);
    if (score !== null) {
      levelRow.score_tenths += sign * Math.round(score * 10);
      levelRow.scored += sign;
    }
    let byCheck = this.checks.get(ownerKey);
    if (!byCheck) {
      byCheck = new Map();
      this.checks.set(ownerKey, byCheck);
    }
    for (const [checkId, state] of checks) {
      let byState = byCheck.get(checkId);
      if (!byState) {
        byState = new Map();
        byCheck.set(checkId, byState);
      }
      let checkRow = byState.get(state);
      if (!checkRow) {
        checkRow = {
          scorecard_id: scorecardId,
          owner_ref: owner,
          check_id: checkId,
          state,
          n: 0,
        };
        byState.set(state, checkRow);
      }
      checkRow.n += sign;
    }
  }

  async write(trx: Knex.Transaction): Promise<void> {
    const levels = [...this.levels.values()].filter(
      r => r.n !== 0 || r.score_tenths !== 0 || r.scored !== 0,
    );
    const checks: OwnerCheckRow[] = [];
    for (const byCheck of this.checks.values()) {
      for (const byState of byCheck.values()) {
        for (const checkRow of byState.values()) {
          if (checkRow.n !== 0) {
            checks.push(checkRow);
          }
        }
      }
    }
    this.levels.clear();
    this.checks.clear();
    await bulkWrite(trx, OWNER_LEVELS, OWNER_LEVEL_COLUMNS, levels, {
      keys: ['scorecard_id', 'owner_ref', 'level'],
      set: {
        n: `${OWNER_LEVELS}.n + excluded.n`,
        score_tenths: `${OWNER_LEVELS}.score_tenths + excluded.score_tenths`,
        scored: `${OWNER_LEVELS}.scored + excluded.scored`,
      },
    });
    await bulkWrite(trx, OWNER_CHECKS, OWNER_CHECK_COLUMNS, checks, {
      keys: ['scorecard_id', 'owner_ref', 'check_id', 'state'],
      set: { n: `${OWNER_CHECKS}.n + excluded.n` },
    });
  }

  /** Drops the aggregate rows that counted down to nothing. */
  async prune(trx: Knex.Transaction): Promise<void> {
    if (!this.subtracted) {
      return; // a first evaluation, say: nothing to look for
    }
    const scorecards = [...this.scorecards];
    for (const part of chunk(scorecards, variableBudget(trx))) {
      await trx(OWNER_LEVELS)
        .whereIn('scorecard_id', part)
        .andWhere('n', '<=', 0)
        .delete();
      await trx(OWNER_CHECKS)
        .whereIn('scorecard_id', part)
        .andWhere('n', '<=', 0)
        .delete();
    }
  }
}

/**
 * Stores scorecard results: the latest result per entity and scorecard with
 * its checks, per-owner aggregates of them for team rollups, and the group
 * ancestry used for team rollups; snapshots and transitions (HistoryStore)
 * and exemptions (ExemptionStore) are its parts, their methods bound here.
 *
 * Owner and group refs are lowercased on the way in (they join the catalog's
 * ownership relations to the group tree, which may spell them differently),
 * so the group refs it returns are lowercase. Entity refs are kept exactly as
 * given: the engine and the API both use `stringifyEntityRef`, and the keys of
 * `inputHashes` and `activeExemptions` must match the engine's own.
 */
export class ScorecardStore {
  /** Snapshots and transitions. */
  readonly snapshots: HistoryStore;
  /** Exemption requests and decisions. */
  readonly exemptions: ExemptionStore;
  // The parts' methods, as the services and the engine call them.
  readonly writeSnapshots: HistoryStore['writeSnapshots'];
  readonly history: HistoryStore['history'];
  readonly transitions: HistoryStore['transitions'];
  readonly createExemption: ExemptionStore['createExemption'];
  readonly decideExemption: ExemptionStore['decideExemption'];
  readonly revokeExemption: ExemptionStore['revokeExemption'];
  readonly getExemption: ExemptionStore['getExemption'];
  readonly listExemptions: ExemptionStore['listExemptions'];
  readonly activeExemptions: ExemptionStore['activeExemptions'];
  private readonly sqlite: boolean;
  /**
   * Rollups and leaderboards by key, with the results version they were
   * computed at: between evaluations a team page is served from memory.
   */
  private readonly cache = new Map<
    string,
    { version: string; value: unknown }
  >();

  constructor(private readonly db: Knex) {
    this.sqlite = isSqlite(db);
    this.snapshots = new HistoryStore(db);
    this.exemptions = new ExemptionStore(db);
    this.writeSnapshots = this.snapshots.writeSnapshots.bind(this.snapshots);
    this.history = this.snapshots.history.bind(this.snapshots);
    this.transitions = this.snapshots.transitions.bind(this.snapshots);
    this.createExemption = this.exemptions.createExemption.bind(
      this.exemptions,
    );
    this.decideExemption = this.exemptions.decideExemption.bind(
      this.exemptions,
    );
    this.revokeExemption = this.exemptions.revokeExemption.bind(
      this.exemptions,
    );
    this.getExemption = this.exemptions.getExemption.bind(this.exemptions);
    this.listExemptions = this.exemptions.listExemptions.bind(this.exemptions);
    this.activeExemptions = this.exemptions.activeExemptions.bind(
      this.exemptions,
    );
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

  /**
   * A value computed from the results, reused while the results version
   * (one indexed row, shared by all replicas) has not moved.
   */
  private async cached<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const row = await this.db(VERSION).where('id', 1).first('version');
    const version = String(row?.version ?? '');
    const hit = this.cache.get(key);
    if (hit && hit.version === version) {
      return hit.value as T;
    }
    const value = await compute();
    this.cache.delete(key);
    this.cache.set(key, { version, value });
    if (this.cache.size > CACHE_SIZE) {
      this.cache.delete(this.cache.keys().next().value!);
    }
    return value;
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
    const scoreTenths = this.sqlite
      ? 'CAST(round(r.score * 10) AS INTEGER)'
      : 'CAST(round(CAST(r.score AS numeric) * 10) AS bigint)';
    const { elements, element } = this.checkElements();
    await this.writeTransaction(async (trx, deltas) => {
      deltas.changed = true;
      await trx(OWNER_LEVELS).delete();
      await trx(OWNER_CHECKS).delete();
      await trx.raw(
        `INSERT INTO ${OWNER_LEVELS} (scorecard_id, owner_ref, level, n, score_tenths, scored)
         SELECT r.scorecard_id, COALESCE(r.owner_ref, ''), COALESCE(r.level, ''),
           count(*), COALESCE(sum(${scoreTenths}), 0), count(r.score)
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
   * SQL for the packed check results of a result row `r`, one row `c` per
   * check, and for an element of a check's tuple (0 id, 1 state).
   */
  private checkElements() {
    return {
      elements: this.sqlite
        ? `json_each(r.checks) c`
        : `json_array_elements(CAST(r.checks AS json)) c`,
      element: (i: number) =>
        this.sqlite ? `json_extract(c.value, '$[${i}]')` : `c.value->>${i}`,
    };
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
   * Replaces the group ancestry (closure table) in one transaction, writing
   * only the differences. Self rows (depth 0) are added for every group
   * named; a pair given twice keeps its smallest depth.
   */
  async replaceGroupAncestry(
    edges: { ancestorRef: string; descendantRef: string; depth: number }[],
  ): Promise<void> {
    const wanted = new Map<string, AncestryRow>();
    const put = (ancestor: string, descendant: string, depth: number) => {
      const key = pairKey(ancestor, descendant);
      const existing = wanted.get(key);
      if (!existing || depth < existing.depth) {
        wanted.set(key, {
          ancestor_ref: ancestor,
          descendant_ref: descendant,
          depth,
        });
      }
    };
    for (const edge of edges) {
      const ancestor = normalizeRef(edge.ancestorRef);
      const descendant = normalizeRef(edge.descendantRef);
      put(ancestor, descendant, ancestor === descendant ? 0 : edge.depth);
      put(ancestor, ancestor, 0);
      put(descendant, descendant, 0);
    }

    await this.db.transaction(async trx => {
      const existing = new Map<string, AncestryRow>();
      for (const row of await trx<AncestryRow>(ANCESTRY).select('*')) {
        existing.set(pairKey(row.ancestor_ref, row.descendant_ref), row);
      }
      const writes: AncestryRow[] = [];
      for (const [key, row] of wanted) {
        if (num(existing.get(key)?.depth ?? -1) !== row.depth) {
          writes.push(row);
        }
      }
      const deletes = new Map<string, string[]>();
      for (const [key, row] of existing) {
        if (!wanted.has(key)) {
          const list = deletes.get(row.ancestor_ref) ?? [];
          list.push(row.descendant_ref);
          deletes.set(row.ancestor_ref, list);
        }
      }
      for (const [ancestor, descendants] of deletes) {
        for (const part of chunk(descendants, variableBudget(trx) - 1)) {
          await trx(ANCESTRY)
            .where('ancestor_ref', ancestor)
            .whereIn('descendant_ref', part)
            .delete();
        }
      }
      await bulkWrite(
        trx,
        ANCESTRY,
        ['ancestor_ref', 'descendant_ref', 'depth'],
        writes,
        { keys: ['ancestor_ref', 'descendant_ref'] },
      );
      if (writes.length > 0 || deletes.size > 0) {
        await bumpVersion(trx); // rollups follow the group tree
      }
    });
  }

  /**
   * A group's rollup for one scorecard over all entities owned by the group
   * or any sub-team, with the same figures for each direct sub-team (and its
   * subtree). Entities without a group owner are in no group's rollup.
   * Without `groupRef`, the whole catalog (every entity, group-owned or not)
   * with the top-level groups as sub-teams.
   */
  async rollup(
    groupRef: string | undefined,
    scorecardId: string,
    hidden: readonly string[] = [],
  ): Promise<ScorecardRollup> {
    const group = groupRef === undefined ? undefined : normalizeRef(groupRef);
    return this.cached(
      `rollup\u0000${group ?? ''}\u0000${scorecardId}${hiddenKey(hidden)}`,
      () => this.computeRollup(group, scorecardId, hidden),
    );
  }

  private async computeRollup(
    group: string | undefined,
    scorecardId: string,
    hidden: readonly string[],
  ): Promise<ScorecardRollup> {
    const inSubtree = (q: Knex.QueryBuilder, table: string) => {
      if (group !== undefined) {
        q.join(
          `${ANCESTRY} as ga`,
          'ga.descendant_ref',
          `${table}.owner_ref`,
        ).where('ga.ancestor_ref', group);
      }
    };
    // The per-owner aggregates of the subtree; the sums are added up here.
    const [entityRows, checkRows, children] = await Promise.all([
      this.db(`${OWNER_LEVELS} as ol`)
        .modify(inSubtree, 'ol')
        .where('ol.scorecard_id', scorecardId)
        .select(
          'ol.owner_ref as owner',
          'ol.level as level',
          'ol.n as n',
          'ol.score_tenths as st',
          'ol.scored as ns',
        ),
      this.db(`${OWNER_CHECKS} as oc`)
        .modify(inSubtree, 'oc')
        .where('oc.scorecard_id', scorecardId)
        .select(
          'oc.owner_ref as owner',
          'oc.check_id as check_id',
          'oc.state as state',
          'oc.n as n',
        ),
      this.db(`${ANCESTRY} as a1`)
        .join(`${ANCESTRY} as a2`, 'a2.ancestor_ref', 'a1.descendant_ref')
        .modify(q => {
          if (group !== undefined) {
            q.where('a1.ancestor_ref', group).andWhere('a1.depth', 1);
          } else {
            // Top-level groups: no ancestor but themselves.
            q.where('a1.depth', 0).whereNotExists(
              this.db(`${ANCESTRY} as up`)
                .whereRaw('up.descendant_ref = a1.descendant_ref')
                .andWhere('up.depth', '>', 0),
            );
          }
        })
        .select('a1.descendant_ref as child', 'a2.descendant_ref as member'),
    ]);
    // Hidden entities of the subtree: their share of the aggregates, to
    // take out again (read from their own results, as the aggregates were).
    const hiddenShare =
      hidden.length === 0
        ? { levels: [], checks: [] }
        : await this.resultAggregates(scorecardId, hidden, 'r.owner_ref', q =>
            q.modify(inSubtree, 'r'),
          );

    // owner → the direct sub-teams whose subtree holds it
    const childrenOf = new Map<string, string[]>();
    const childRefs = new Set<string>();
    for (const { child, member } of children as {
      child: string;
      member: string;
    }[]) {
      childRefs.add(child);
      const list = childrenOf.get(member) ?? [];
      list.push(child);
      childrenOf.set(member, list);
    }

    const total = new Tally();
    const perChild = new Map<string, Tally>(
      [...childRefs].map(c => [c, new Tally()]),
    );
    const levelRows = [
      ...(entityRows as (LevelCountRow & { owner: string })[]).map(
        row => [row, 1] as const,
      ),
      ...hiddenShare.levels.map(row => [row, -1] as const),
    ];
    for (const [row, sign] of levelRows) {
      total.add(row, sign);
      for (const child of childrenOf.get(row.owner) ?? []) {
        perChild.get(child)!.add(row, sign);
      }
    }

    const checkTotals = new Map<string, CheckStateCounts>();
    const childChecks = new Map<string, Map<string, CheckStateCounts>>();
    const addTo = (
      map: Map<string, CheckStateCounts>,
      checkId: string,
      state: CheckState,
      n: number,
    ) => {
      let counts = map.get(checkId);
      if (!counts) {
        counts = emptyCounts();
        map.set(checkId, counts);
      }
      counts[state] = (counts[state] ?? 0) + n;
    };
    for (const [row, sign] of [
      ...(checkRows as CheckCountRow[]).map(r => [r, 1] as const),
      ...hiddenShare.checks.map(r => [r, -1] as const),
    ]) {
      const n = sign * num(row.n);
      addTo(checkTotals, row.check_id, row.state, n);
      for (const child of childrenOf.get(row.owner) ?? []) {
        let map = childChecks.get(child);
        if (!map) {
          map = new Map();
          childChecks.set(child, map);
        }
        addTo(map, row.check_id, row.state, n);
      }
    }

    const byId = <T>(a: [string, T], b: [string, T]) => (a[0] < b[0] ? -1 : 1);
    // A check only hidden entities had is not named.
    const counted = ([, counts]: [string, CheckStateCounts]) =>
      Object.values(counts).some(n => n !== 0);
    return {
      entityCount: total.entityCount,
      averageScore: total.averageScore,
      levels: total.levels,
      checks: [...checkTotals]
        .filter(counted)
        .sort(byId)
        .map(([checkId, counts]) => ({
          checkId,
          counts,
          passRate: passRate(counts),
        })),
      subTeams: [...perChild].sort(byId).map(([child, tally]) => ({
        groupRef: child,
        entityCount: tally.entityCount,
        averageScore: tally.averageScore,
        levels: tally.levels,
        checks: [...(childChecks.get(child) ?? new Map())]
          .filter(counted)
          .sort(byId)
          .map(([checkId, counts]) => ({
            checkId,
            passRate: passRate(counts),
          })),
      })),
    };
  }

  /**
   * Every group with at least one entity in the scorecard (counting its
   * subtree), best average score first (groups without a score last), then
   * by ref.
   */
  async leaderboard(
    scorecardId: string,
    hidden: readonly string[] = [],
  ): Promise<LeaderboardEntry[]> {
    return this.cached(
      `leaderboard\u0000${scorecardId}${hiddenKey(hidden)}`,
      () => this.computeLeaderboard(scorecardId, hidden),
    );
  }

  private async computeLeaderboard(
    scorecardId: string,
    hidden: readonly string[],
  ): Promise<LeaderboardEntry[]> {
    const rows = (await this.db(`${OWNER_LEVELS} as ol`)
      .join(`${ANCESTRY} as ga`, 'ga.descendant_ref', 'ol.owner_ref')
      .where('ol.scorecard_id', scorecardId)
      .groupBy('ga.ancestor_ref', 'ol.level')
      .select(
        'ga.ancestor_ref as group_ref',
        'ol.level as level',
        this.db.raw('sum(ol.n) as n'),
        this.db.raw('sum(ol.score_tenths) as st'),
        this.db.raw('sum(ol.scored) as ns'),
      )) as (LevelCountRow & { group_ref: string })[];
    // Hidden entities' share of every group above their owner, taken out.
    const hiddenShare =
      hidden.length === 0
        ? []
        : (
            await this.resultAggregates(
              scorecardId,
              hidden,
              'ga.ancestor_ref',
              q =>
                q.join(`${ANCESTRY} as ga`, 'ga.descendant_ref', 'r.owner_ref'),
              { levelsOnly: true },
            )
          ).levels;
    const tallies = new Map<string, Tally>();
    const add = (groupRef: string, row: LevelCountRow, sign: 1 | -1) => {
      let tally = tallies.get(groupRef);
      if (!tally) {
        tally = new Tally();
        tallies.set(groupRef, tally);
      }
      tally.add(row, sign);
    };
    rows.forEach(row => add(row.group_ref, row, 1));
    hiddenShare.forEach(row => add(row.owner, row, -1));
    for (const [groupRef, tally] of tallies) {
      if (tally.entityCount === 0) {
        tallies.delete(groupRef); // only hidden entities
      }
    }
    // Where each group sits in the tree, so a reader can nest the rows.
    const placement = (await this.db(ANCESTRY)
      .where('depth', '>', 0)
      .select('descendant_ref', 'ancestor_ref', 'depth')) as AncestryRow[];
    const parents = new Map<string, string>();
    const depths = new Map<string, number>();
    for (const row of placement) {
      const depth = num(row.depth);
      if (depth === 1) {
        parents.set(row.descendant_ref, row.ancestor_ref);
      }
      depths.set(
        row.descendant_ref,
        Math.max(depth, depths.get(row.descendant_ref) ?? 0),
      );
    }
    return [...tallies]
      .map(([groupRef, tally]) => {
        const parentRef = parents.get(groupRef);
        return {
          groupRef,
          ...(parentRef ? { parentRef } : {}),
          depth: depths.get(groupRef) ?? 0,
          entityCount: tally.entityCount,
          averageScore: tally.averageScore,
          levels: tally.levels,
        };
      })
      .sort((a, b) => {
        if (a.averageScore !== b.averageScore) {
          if (a.averageScore === null) return 1;
          if (b.averageScore === null) return -1;
          return b.averageScore - a.averageScore;
        }
        return a.groupRef < b.groupRef ? -1 : 1;
      });
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
      base.whereRaw(...this.inRefs('r.entity_ref', options.hidden, 'not'));
    }
    if (options.groupRef !== undefined) {
      base
        .join(`${ANCESTRY} as ga`, 'ga.descendant_ref', 'r.owner_ref')
        .where('ga.ancestor_ref', normalizeRef(options.groupRef));
    }
    if (options.failingCheck !== undefined) {
      const { elements, element } = this.checkElements();
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
   * The refs of every entity with a result of the scorecard, sorted; kept
   * while the results version has not moved.
   */
  async scoredEntityRefs(scorecardId: string): Promise<string[]> {
    return this.cached(`refs\u0000${scorecardId}`, async () =>
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
      .whereRaw(...this.inRefs('r.entity_ref', entityRefs));
    if (groupRef !== undefined) {
      query
        .join(`${ANCESTRY} as ga`, 'ga.descendant_ref', 'r.owner_ref')
        .where('ga.ancestor_ref', normalizeRef(groupRef));
    }
    const [{ count }] = await query.count({ count: '*' });
    return num(count);
  }

  /**
   * Each given group (lowercased) with every group above it in the group
   * tree, itself included; refs that are no group map to themselves.
   */
  async groupsAndAncestors(
    groupRefs: readonly string[],
  ): Promise<Map<string, string[]>> {
    const refs = [...new Set(groupRefs.map(normalizeRef))];
    const found = new Map(refs.map(ref => [ref, new Set([ref])]));
    for (const part of chunk(refs, variableBudget(this.db) - 1)) {
      for (const row of (await this.db(ANCESTRY)
        .whereIn('descendant_ref', part)
        .select('descendant_ref', 'ancestor_ref')) as AncestryRow[]) {
        found.get(row.descendant_ref)?.add(row.ancestor_ref);
      }
    }
    return new Map([...found].map(([ref, above]) => [ref, [...above].sort()]));
  }

  /**
   * `column IN (refs)` (or NOT IN) with the refs bound as one JSON value, so
   * any number of them fits one statement on both engines.
   */
  private inRefs(
    column: string,
    refs: readonly string[],
    not?: 'not',
  ): [string, string[]] {
    const list = this.sqlite
      ? 'SELECT value FROM json_each(?)'
      : 'SELECT jsonb_array_elements_text(CAST(? AS jsonb))';
    return [
      `${column} ${not ? 'NOT IN' : 'IN'} (${list})`,
      [JSON.stringify(refs)],
    ];
  }

  /**
   * The per-owner aggregates (levels with score sums, check states) of just
   * some entities' results, keyed by `keyColumn` (`r.owner_ref`, or a joined
   * group column), computed like `rebuildAggregates` computes all of them.
   */
  private async resultAggregates(
    scorecardId: string,
    entityRefs: readonly string[],
    keyColumn: string,
    modify: (q: Knex.QueryBuilder) => void,
    options: { levelsOnly?: boolean } = {},
  ): Promise<{
    levels: (LevelCountRow & { owner: string })[];
    checks: CheckCountRow[];
  }> {
    const scoreTenths = this.sqlite
      ? 'CAST(round(r.score * 10) AS INTEGER)'
      : 'CAST(round(CAST(r.score AS numeric) * 10) AS bigint)';
    const key = `COALESCE(${keyColumn}, '')`;
    const levels = (await this.db(`${RESULTS} as r`)
      .modify(modify)
      .where('r.scorecard_id', scorecardId)
      .whereRaw(...this.inRefs('r.entity_ref', entityRefs))
      .groupByRaw(`${key}, COALESCE(r.level, '')`)
      .select(
        this.db.raw(`${key} as owner`),
        this.db.raw(`COALESCE(r.level, '') as level`),
        this.db.raw('count(*) as n'),
        this.db.raw(`COALESCE(sum(${scoreTenths}), 0) as st`),
        this.db.raw('count(r.score) as ns'),
      )) as (LevelCountRow & { owner: string })[];
    if (options.levelsOnly) {
      return { levels, checks: [] };
    }
    const { elements, element } = this.checkElements();
    const checks = (await this.db
      .from(this.db.raw(`${RESULTS} r`))
      .joinRaw(`CROSS JOIN ${elements}`)
      .modify(modify)
      .where('r.scorecard_id', scorecardId)
      .whereNotNull('r.checks')
      .whereRaw(...this.inRefs('r.entity_ref', entityRefs))
      .groupByRaw(`${key}, ${element(0)}, ${element(1)}`)
      .select(
        this.db.raw(`${key} as owner`),
        this.db.raw(`${element(0)} as check_id`),
        this.db.raw(`${element(1)} as state`),
        this.db.raw('count(*) as n'),
      )) as CheckCountRow[];
    return { levels, checks };
  }
}

async function bumpVersion(trx: Knex.Transaction) {
  await trx(VERSION).where('id', 1).increment('version', 1);
}

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
