import {
  LatencySummary,
  LoadResult,
  RecordedQuery,
  statementTotals,
} from '../harness';
import { SurveyDbKind } from './backend';

export interface SurveyRunOptions {
  db: SurveyDbKind;
  responses: number;
  teams: number;
  waves: number;
  usersPerTeam: number;
  /** Closed-loop clients reading results. */
  clients: number;
  /** Concurrent respondents. */
  respondents: number;
  /** Distinct people submitting in the throughput phase. */
  submissions: number;
  /** Seconds each results load runs. */
  phaseSeconds: number;
  /** The throughput phase stops after this many seconds at the latest. */
  submitSeconds: number;
  /** Rounds of "submit, wait for the open wave's view to expire, read". */
  invalidatedRounds: number;
  cpuProfileDir?: string;
}

/** Where the time of the cache-defeated results requests went. */
export interface SqlProfile {
  /** Mean request time, and the part of it with a query in flight. */
  requestMs: number;
  sqlInFlightMs: number;
  statements: { statement: string; count: number; meanMs: number }[];
}

/** Statements per request (or submission) and their mean time. */
export function statementsPer(
  queries: RecordedQuery[],
  per: number,
): SqlProfile['statements'] {
  return statementTotals(queries).map(s => ({
    statement: s.statement,
    count: s.count / Math.max(1, per),
    meanMs: s.ms / s.count,
  }));
}

export interface SurveyDbResult {
  db: SurveyDbKind;
  teams: number;
  users: number;
  waves: number;
  responses: number;
  responsesRequested: number;
  seededOpenWave: number;
  catalogEntities: number;
  ingestMs: number;
  seedMs: number;
  seedRowsPerSecond: number;
  vacuumMs?: number;
  databaseMb?: number;
  restartMs: number;
  cold: {
    /** Reading the directory's entities from the catalog, for reference. */
    directoryReadMs: number;
    openWaveMs: number;
    openWaveSecondMs: number;
    closedWaveFirstMs: number;
    teamScopeFirstMs: number;
    bytes: number;
    teamsInBreakdown: number;
    hiddenTeams: number;
    trendPoints: number;
  };
  /** Open wave recomputed (view expired), one request at a time. */
  invalidated: LatencySummary & { cached: LatencySummary; sql: SqlProfile };
  http: {
    openWave: LoadResult;
    openWaveInvalidated: LoadResult;
    /** Submissions during openWaveInvalidated: one every this many ms. */
    backgroundIntervalMs: number;
    closedWave: LoadResult;
    teamScope: LoadResult;
  };
  submissions: LoadResult & {
    respondents: number;
    unique: number;
    duplicates: number;
    created: number;
    conflicts: number;
    otherErrors: number;
    /** People with more than one accepted (201) response: must be 0. */
    acceptedTwice: number;
    /** Duplicate pairs where neither call was accepted. */
    neitherAccepted: number;
    createdPerSecond: number;
    /** Share of the phase with a query in flight; statements per request. */
    sql: { inFlightShare: number; statements: SqlProfile['statements'] };
  };
  rows: RowCheck;
  loadAverage: { seed: number; http: number; submissions: number };
}

export interface RowCheck {
  expectedResponses: number;
  responses: number;
  participation: number;
  answers: number;
  expectedAnswers: number;
  comments: number;
  expectedComments: number;
  /** Participation rows of the benchmark's catalog users (= people accepted). */
  benchParticipation: number;
  acceptedPeople: number;
  duplicateParticipation: number;
  allWavesResponses: number;
  expectedAllWavesResponses: number;
  lost: number;
  ok: boolean;
}
