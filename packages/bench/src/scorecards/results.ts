import { CpuUse, LoadResult } from '../harness';
import { ScorecardDbKind } from './backend';
import { EvaluationStats, PhaseProfile, SqlTiming } from './flywheel';

/** Everything one database's run measured. */
export interface DbResult {
  db: ScorecardDbKind;
  entities: number;
  catalogEntities: number;
  ingestMs: number;
  catalogReadMs: number[];
  catalogReadMedianMs: number;
  cold: Evaluation;
  warm: Evaluation;
  changedEntities: number;
  incremental: Evaluation;
  warmAfterChange: Evaluation;
  snapshotsMs: number;
  /** Stored check results by state after the run (for comparing with Tech Insights). */
  flywheelStates: Record<string, number>;
  rss: {
    beforeEvaluationMb: number;
    peakDuringEvaluationMb: number;
    processMaxRssMb: number;
    peakDuringTechInsightsMb?: number;
  };
  http: {
    listScorecards: LoadResult;
    entityResultsSingle: LoadResult;
    entityResults: LoadResult;
    rollupSingle: LoadResult;
    rollupOneScorecard: LoadResult;
    rollupAllScorecards: LoadResult;
  };
  techInsights?: TechInsightsResult;
  techInsightsError?: string;
  /**
   * CPU used by the backend process and the PostgreSQL server: one baseline
   * read (the mean of three), the cold and the warm evaluation. Absent in
   * reports saved before it was measured.
   */
  cpu?: { cores: number; read: CpuUse; cold: CpuUse; warm: CpuUse };
  /** 1-minute load average when each part started: other work on the machine. */
  loadAverage: { evaluation: number; http: number; techInsights?: number };
}

export interface Evaluation {
  wallMs: number;
  stats: EvaluationStats;
  profile: PhaseProfile;
  sql: SqlTiming[];
}

export interface TechInsightsResult {
  retrieval: { retrieverId: string; ms: number; facts: number }[];
  retrievalMs: number;
  checksMs: number;
  totalMs: number;
  /** Check results: true, false, skipped for missing facts; entities that failed. */
  results: {
    true: number;
    false: number;
    skipped: number;
    errors: number;
    entities: number;
  };
}
