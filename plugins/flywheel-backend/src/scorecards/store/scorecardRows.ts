import { createHash } from 'node:crypto';
import {
  CHECK_STATES,
  CheckResult,
  CheckState,
  CheckStateCounts,
  EntityScorecardResult,
  ExemptionStatus,
  LevelDistribution,
} from '@flywheel/plugin-flywheel-common';
import { num, numOrNull, toDate, toIso } from '../../database/rows';
import type { Exemption, SnapshotScope, StoredCheckResult } from './storeTypes';

/*
 * The scorecard tables as stored: their names, typed rows, columns, and the
 * conversions between rows and what the stores hand out.
 */

/** The key of a level in level distributions when no level is reached. */
export const NO_LEVEL = 'none';

export const RESULTS = 'scorecard_entity_results';
export const OWNER_CHECKS = 'scorecard_owner_checks';
export const OWNER_LEVELS = 'scorecard_owner_levels';
export const VERSION = 'scorecard_results_version';
export const TRANSITIONS = 'scorecard_transitions';
export const SNAPSHOTS = 'scorecard_snapshots';
export const ANCESTRY = 'group_ancestry';
export const EXEMPTIONS = 'scorecard_exemptions';

export type PackedCheck =
  | [checkId: string, state: CheckState, reason: string]
  | [
      checkId: string,
      state: CheckState,
      reason: string,
      value: StoredCheckResult['value'],
    ];

export type OwnerCheckRow = {
  scorecard_id: string;
  owner_ref: string;
  check_id: string;
  state: string;
  n: number;
};

export type OwnerLevelRow = {
  scorecard_id: string;
  owner_ref: string;
  level: string;
  n: number;
  score_tenths: number;
  scored: number;
};

export type ResultRow = {
  entity_ref: string;
  scorecard_id: string;
  owner_ref: string | null;
  level: string | null;
  level_rank: number;
  score: number | null;
  count_pass: number;
  count_warn: number;
  count_fail: number;
  count_not_applicable: number;
  count_unknown: number;
  count_exempt: number;
  input_hash: string | null;
  /** JSON of `PackedCheck[]`, by check id. */
  checks: string | null;
  evaluated_at: Date | string | number;
  changed_at: Date | string | number;
};

export type TransitionRow = {
  entity_ref: string;
  scorecard_id: string;
  check_id: string | null;
  from_state: string | null;
  to_state: string;
  at: Date | string | number;
};

export type SnapshotRow = {
  day: string;
  scope: SnapshotScope;
  scope_ref: string;
  scorecard_id: string;
  entity_count: number;
  avg_score: number | null;
  levels: string;
  pass_rate: number | null;
  written_at: Date | string | number;
};

export type AncestryRow = {
  ancestor_ref: string;
  descendant_ref: string;
  depth: number;
};

export type ExemptionRow = {
  id: string;
  entity_ref: string;
  scorecard_id: string;
  check_id: string;
  justification: string;
  requested_by: string;
  requested_at: Date | string | number;
  expires_at: Date | string | number;
  status: ExemptionStatus;
  decided_by: string | null;
  decided_at: Date | string | number | null;
  decision_note: string | null;
  revoked_by: string | null;
  revoked_at: Date | string | number | null;
  revoke_note: string | null;
};

export const COUNT_COLUMNS: Record<CheckState, keyof ResultRow> = {
  pass: 'count_pass',
  warn: 'count_warn',
  fail: 'count_fail',
  'not-applicable': 'count_not_applicable',
  unknown: 'count_unknown',
  exempt: 'count_exempt',
};

export const SCORED_STATES: readonly CheckState[] = [
  'pass',
  'warn',
  'fail',
  'unknown',
];

export const RESULT_COLUMNS: readonly (keyof ResultRow)[] = [
  'entity_ref',
  'scorecard_id',
  'owner_ref',
  'level',
  'level_rank',
  'score',
  'count_pass',
  'count_warn',
  'count_fail',
  'count_not_applicable',
  'count_unknown',
  'count_exempt',
  'input_hash',
  'checks',
  'evaluated_at',
  'changed_at',
];
/** The result columns without `checks`, for reads that do not need them. */
export const SUMMARY_COLUMNS = RESULT_COLUMNS.filter(c => c !== 'checks');
/** What an entity's results show (`toResult` and the checks). */
export const ENTITY_RESULT_COLUMNS: readonly (keyof ResultRow)[] = [
  'entity_ref',
  'scorecard_id',
  'owner_ref',
  'level',
  'score',
  ...(Object.values(COUNT_COLUMNS) as (keyof ResultRow)[]),
  'checks',
  'evaluated_at',
];
/** Stored results of a round's entities: one statement for any number of them. */
export const OLD_RESULTS_SQLITE = `SELECT ${RESULT_COLUMNS.join(
  ', ',
)} FROM ${RESULTS} WHERE scorecard_id = ? AND entity_ref IN (SELECT value FROM json_each(?))`;
export const ENTITY_RESULTS_SQLITE = `SELECT ${ENTITY_RESULT_COLUMNS.join(
  ', ',
)} FROM ${RESULTS} WHERE entity_ref = ? ORDER BY scorecard_id`;
export const OWNER_CHECK_COLUMNS: readonly (keyof OwnerCheckRow)[] = [
  'scorecard_id',
  'owner_ref',
  'check_id',
  'state',
  'n',
];
export const OWNER_LEVEL_COLUMNS: readonly (keyof OwnerLevelRow)[] = [
  'scorecard_id',
  'owner_ref',
  'level',
  'n',
  'score_tenths',
  'scored',
];

/**
 * Serialises the writes of results and their aggregates across backend
 * replicas (PostgreSQL advisory lock; SQLite serialises writes anyway): the
 * aggregates are kept by adding differences, which must be computed from
 * what no other writer is changing at the same time.
 */
export const WRITE_LOCK_KEY = 7_126_251_800;
export const TRANSITION_COLUMNS: readonly (keyof TransitionRow)[] = [
  'entity_ref',
  'scorecard_id',
  'check_id',
  'from_state',
  'to_state',
  'at',
];
export const SNAPSHOT_COLUMNS: readonly (keyof SnapshotRow)[] = [
  'day',
  'scope',
  'scope_ref',
  'scorecard_id',
  'entity_count',
  'avg_score',
  'levels',
  'pass_rate',
  'written_at',
];

export function emptyCounts(): CheckStateCounts {
  return Object.fromEntries(CHECK_STATES.map(s => [s, 0])) as CheckStateCounts;
}

export function countsFromRow(row: ResultRow): CheckStateCounts {
  const counts = emptyCounts();
  for (const state of CHECK_STATES) {
    counts[state] = num(row[COUNT_COLUMNS[state]]);
  }
  return counts;
}

export function passRate(counts: CheckStateCounts): number | null {
  const scored = SCORED_STATES.reduce((sum, s) => sum + counts[s], 0);
  return scored === 0
    ? null
    : Math.round((counts.pass / scored) * 10000) / 10000;
}

export function packChecks(checks: Iterable<StoredCheckResult>): PackedCheck[] {
  const packed: PackedCheck[] = [];
  for (const c of checks) {
    packed.push([c.checkId, c.state, c.reason, c.value ?? null]);
  }
  return packed;
}

/**
 * The `checks` column of a result: its check results in the given order.
 * The engine's input hash covers this same text, so it is built once.
 */
export function checksJson(checks: Iterable<StoredCheckResult>): string {
  return JSON.stringify(packChecks(checks));
}

export function unpackChecks(json: string | null): PackedCheck[] {
  return json ? (JSON.parse(json) as PackedCheck[]) : [];
}

export function toCheckResult(check: PackedCheck): CheckResult {
  const result: CheckResult = {
    checkId: check[0],
    state: check[1],
    reason: check[2],
  };
  if (check.length > 3 && check[3] !== null) {
    result.value = check[3];
  }
  return result;
}

export function pairKey(a: string, b: string): string {
  return `${a}\u0000${b}`;
}

export function toResult(
  row: ResultRow,
): Omit<EntityScorecardResult, 'checks'> {
  return {
    scorecardId: row.scorecard_id,
    entityRef: row.entity_ref,
    ownerRef: row.owner_ref ?? undefined,
    level: row.level ?? undefined,
    score: numOrNull(row.score),
    counts: countsFromRow(row),
    evaluatedAt: toIso(row.evaluated_at),
  };
}

export function toExemption(row: ExemptionRow, now: Date): Exemption {
  const expiresAt = toDate(row.expires_at);
  return {
    id: row.id,
    entityRef: row.entity_ref,
    scorecardId: row.scorecard_id,
    checkId: row.check_id,
    justification: row.justification,
    requestedBy: row.requested_by,
    requestedAt: toIso(row.requested_at),
    expiresAt: expiresAt.toISOString(),
    status: row.status,
    decidedBy: row.decided_by ?? undefined,
    decidedAt: row.decided_at === null ? undefined : toIso(row.decided_at),
    decisionNote: row.decision_note ?? undefined,
    revokedBy: row.revoked_by ?? undefined,
    revokedAt: row.revoked_at === null ? undefined : toIso(row.revoked_at),
    revokeNote: row.revoke_note ?? undefined,
    expired: expiresAt.getTime() <= now.getTime(),
  };
}

/** A row of level counts: `st` sums the scores in tenths, `ns` counts them. */
export type LevelCountRow = {
  level: string | null;
  n: unknown;
  st: unknown;
  ns: unknown;
};

/** A row of check state counts per owner (or group). */
export type CheckCountRow = {
  owner: string;
  check_id: string;
  state: CheckState;
  n: unknown;
};

/**
 * The part of a cache key that tells callers who see different entities
 * apart: nothing when nothing is hidden.
 */
export function hiddenKey(hidden: readonly string[]): string {
  if (hidden.length === 0) {
    return '';
  }
  const hash = createHash('sha256');
  for (const ref of hidden) {
    hash.update(ref).update('\u0000');
  }
  return `\u0000hidden:${hash.digest('hex')}`;
}

/** Accumulates entity counts, scores and levels of rollup rows. */
export class Tally {
  entityCount = 0;
  private scoreTenths = 0;
  private scoreCount = 0;
  private readonly counts: LevelDistribution = {};

  /** Rows may be negative: the results of hidden entities taken out. */
  add(row: LevelCountRow, sign: 1 | -1 = 1) {
    const n = sign * num(row.n);
    this.entityCount += n;
    this.scoreTenths += sign * num(row.st);
    this.scoreCount += sign * num(row.ns);
    const level = row.level || NO_LEVEL;
    this.counts[level] = (this.counts[level] ?? 0) + n;
  }

  /** Entities per level; levels nobody (left) holds are not named. */
  get levels(): LevelDistribution {
    const levels: LevelDistribution = {};
    for (const [level, n] of Object.entries(this.counts)) {
      if (n !== 0) {
        levels[level] = n;
      }
    }
    return levels;
  }

  get averageScore(): number | null {
    // One decimal, like entity scores: more would be false precision.
    return this.scoreCount === 0
      ? null
      : Math.round(this.scoreTenths / this.scoreCount) / 10;
  }
}
