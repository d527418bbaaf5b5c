/**
 * The outcome of one check for one entity.
 *
 * - `pass`: the check holds.
 * - `warn`: a check of severity `warn` does not hold; it does not block levels.
 * - `fail`: the check does not hold; it blocks its level and those above.
 * - `not-applicable`: the check does not concern this entity.
 * - `unknown`: a fact the check needs is missing; blocks levels like a failure
 *   but says so instead of guessing.
 * - `exempt`: an approved, unexpired exemption covers the check; counts as
 *   passing for levels and is left out of the percentage.
 *
 * @public
 */
export type CheckState =
  | 'pass'
  | 'warn'
  | 'fail'
  | 'not-applicable'
  | 'unknown'
  | 'exempt';

/** @public */
export const CHECK_STATES: readonly CheckState[] = [
  'pass',
  'warn',
  'fail',
  'not-applicable',
  'unknown',
  'exempt',
];

/** One rung of a scorecard's level ladder, lowest first. @public */
export interface ScorecardLevel {
  id: string;
  title: string;
  description?: string;
}

/** A check as the API describes it. @public */
export interface ScorecardCheckInfo {
  id: string;
  title: string;
  description?: string;
  /** The check type, e.g. `catalog.annotation` or `goldenPath.currentVersion`. */
  type: string;
  /** Id of the level this check belongs to. */
  level: string;
  category?: string;
  weight: number;
  severity: 'error' | 'warn';
  /**
   * A short text telling a developer how to make the check pass. Older
   * configurations put a link here; a value that is only an http(s) URL is
   * shown as a link.
   */
  howToFix?: string;
  /**
   * Where to read how to make the check pass: an absolute http(s) URL or a
   * path in the Backstage app starting with `/`, e.g. `/create`.
   */
  howToFixUrl?: string;
}

/** A scorecard as `GET /scorecards` returns it. @public */
export interface ScorecardInfo {
  id: string;
  title: string;
  description?: string;
  /** Entity ref of the group that owns the scorecard. */
  owner?: string;
  levels: ScorecardLevel[];
  checks: ScorecardCheckInfo[];
  /** Whether it comes from configuration or is the built-in default. */
  source: 'config' | 'default';
}

/** A check's counts per state. @public */
export type CheckStateCounts = Record<CheckState, number>;

/** One check's latest result for one entity. @public */
export interface CheckResult {
  checkId: string;
  state: CheckState;
  /** A human reason: why it passed, failed, or could not be decided. */
  reason: string;
  /** The observed value, when the check compares one (metric, fact, version). */
  value?: string | number | boolean | null;
}

/** A scorecard's result for one entity. @public */
export interface EntityScorecardResult {
  scorecardId: string;
  entityRef: string;
  ownerRef?: string;
  /** The highest level reached, or undefined when not even the first. */
  level?: string;
  /** Percentage of weighted checks passed (0–100), or null when none count. */
  score: number | null;
  counts: CheckStateCounts;
  checks: CheckResult[];
  evaluatedAt: string;
}

/** `GET /scorecards`. @public */
export interface ScorecardsResponse {
  items: ScorecardInfo[];
}

/** `GET /scorecards/results?entityRef=`: every scorecard that applies. @public */
export interface EntityResultsResponse {
  entityRef: string;
  results: EntityScorecardResult[];
}

/** A level distribution: level id, or `none`, to the number of entities. @public */
export type LevelDistribution = Record<string, number>;

/** A scorecard rolled up over a team and all its sub-teams. @public */
export interface ScorecardRollup {
  scorecardId: string;
  entityCount: number;
  averageScore: number | null;
  levels: LevelDistribution;
  /** Per check: counts and pass rate (pass ÷ pass, warn, fail, unknown). */
  checks: {
    checkId: string;
    counts: CheckStateCounts;
    passRate: number | null;
  }[];
  /**
   * Each direct sub-team with its own subtree; for the whole catalog, the
   * top-level groups.
   */
  subTeams: {
    groupRef: string;
    entityCount: number;
    averageScore: number | null;
    levels: LevelDistribution;
    checks: { checkId: string; passRate: number | null }[];
  }[];
}

/**
 * `GET /scorecards/rollup?groupRef=`: a team with its sub-teams, or without
 * `groupRef` the whole catalog (entities without a group owner included).
 * @public
 */
export interface GroupRollupResponse {
  /** Absent for the whole catalog. */
  groupRef?: string;
  rollups: ScorecardRollup[];
}

/** `GET /scorecards/leaderboard?scorecardId=`: every team, its subtree included. @public */
export interface LeaderboardResponse {
  scorecardId: string;
  items: {
    groupRef: string;
    /** The parent group, absent for a top-level group. */
    parentRef?: string;
    /** 0 for a top-level group, 1 for its sub-teams, and so on. */
    depth: number;
    entityCount: number;
    averageScore: number | null;
    levels: LevelDistribution;
  }[];
}

/** One day of a scorecard's history in a scope. @public */
export interface ScorecardHistoryPoint {
  day: string;
  entityCount: number;
  averageScore: number | null;
  passRate: number | null;
  levels: LevelDistribution;
}

/** `GET /scorecards/history`. @public */
export interface ScorecardHistoryResponse {
  scorecardId: string;
  scope: 'entity' | 'group' | 'scorecard';
  ref?: string;
  points: ScorecardHistoryPoint[];
  /**
   * Set when the series is withheld because the scope holds entities the
   * caller may not see in the catalog: why, in words (then `points` is empty).
   */
  withheld?: string;
}

/** @public */
export type ExemptionStatus = 'pending' | 'approved' | 'rejected' | 'revoked';

/** An exemption from one check for one entity; its history is kept. @public */
export interface ScorecardExemption {
  id: string;
  entityRef: string;
  scorecardId: string;
  checkId: string;
  justification: string;
  requestedBy: string;
  requestedAt: string;
  expiresAt: string;
  status: ExemptionStatus;
  decidedBy?: string;
  decidedAt?: string;
  decisionNote?: string;
  /** Who ended an approved exemption early; the approval stays recorded. */
  revokedBy?: string;
  revokedAt?: string;
  revokeNote?: string;
  /** Approved but past its expiry: the check counts again. */
  expired: boolean;
  /**
   * Whether the caller may approve, reject or revoke it (set by the API
   * for the caller; absent elsewhere).
   */
  canDecide?: boolean;
  /** When `canDecide` is false: why, in words to show the caller. */
  cannotDecideReason?: string;
}
