import { Knex } from 'knex';
import { Figure, Profile, ScratchRun, sqlRecorder } from '../harness';
import { MetricsDbKind } from './backend';
import { MetricsCatalog } from './catalogData';

/** The scenarios a run may choose with `--scenarios`. */
export type ScenarioId = 'ingest' | 'usage' | 'series';

export interface MetricsRunOptions {
  db: MetricsDbKind;
  /** Catalog Components. */
  services: number;
  /** Mean deployments per deploying service per week. */
  perWeek: number;
  /** Years of deployment history (the longest window read). */
  years: number;
  /** Deployments sent through HTTP (the ingest scenario), each twice. */
  deployments: number;
  /** Deployments per POST. */
  batch: number;
  /** Concurrent CI clients posting deployments. */
  ingestClients: number;
  /** Deployments per DeploymentStore.write when seeding. */
  seedBatch: number;
  /** Concurrent readers of metric series. */
  readers: number;
  /** Seconds the mixed series load runs. */
  seriesSeconds: number;
  /** Usage events posted (the usage scenario). */
  usageEvents: number;
  /** Mean usage events per post (each post 1 to 2× − 1 of it, at most 500). */
  usageBatch: number;
  /** Distinct signed-in people sending them. */
  usagePeople: number;
  /** Concurrent clients posting usage events. */
  usageClients: number;
  scenarios: ScenarioId[];
  cpuProfileDir?: string;
}

/** The deployments every scenario agrees on, from the catalog's plans. */
export interface Dataset {
  /** Deployment times end here (the run's start). */
  now: number;
  /** The history starts here (`years` before now). */
  from: number;
  total: number;
  commits: number;
  /** Whether the i-th deployment (in generation order) goes through HTTP. */
  viaHttp(i: number): boolean;
  /** How many go through HTTP. */
  httpCount: number;
}

/** What a scenario gets: the backend, its catalog and the shared dataset. */
export interface MetricsContext {
  options: MetricsRunOptions;
  run: ScratchRun;
  catalog: MetricsCatalog;
  dataset: Dataset;
  /** The Flywheel plugin's own database client. */
  knex: Knex;
  recorder: ReturnType<typeof sqlRecorder>;
  profile: Profile;
  /** Set by the ingest scenario once its deployments are stored. */
  httpIngested: boolean;
}

/**
 * One scenario of the metrics benchmark: it runs on the prepared backend
 * and gives its result and its figures (see scenarios.ts).
 */
export interface MetricsScenario<R> {
  id: ScenarioId;
  title: string;
  run(context: MetricsContext): Promise<R>;
  figures(options: ReportOptions): Figure<R>[];
  /** Lines after the table (e.g. where the time went). */
  notes?(result: R, dbTitle: string): string[];
  /** Figures that fail the run (exit code 1). */
  failed?(result: R): boolean;
}

/** The options the figures' labels name. */
export type ReportOptions = Pick<
  MetricsRunOptions,
  | 'services'
  | 'deployments'
  | 'batch'
  | 'ingestClients'
  | 'readers'
  | 'seriesSeconds'
  | 'years'
  | 'perWeek'
  | 'usageEvents'
  | 'usageBatch'
  | 'usagePeople'
  | 'usageClients'
>;

export interface MetricsDbResult {
  db: MetricsDbKind;
  services: number;
  groups: number;
  catalogEntities: number;
  catalogIngestMs: number;
  dataset: { total: number; commits: number; httpCount: number };
  loadAverage: number;
  scenarios: Partial<Record<ScenarioId, unknown>>;
}
