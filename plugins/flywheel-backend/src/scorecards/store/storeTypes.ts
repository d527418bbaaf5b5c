import {
  CheckState,
  CheckStateCounts,
  ExemptionStatus,
  LeaderboardResponse,
  LevelDistribution,
  ScorecardExemption,
  ScorecardHistoryPoint,
  ScorecardRollup as CommonScorecardRollup,
} from '@flywheel/plugin-flywheel-common';

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
