/** Table names and typed rows of the deployment store. */

export const DEPLOYMENTS = 'metric_deployments';
export const COMMITS = 'metric_deployment_commits';
export const FIRST_DEPLOYMENTS = 'metric_first_deployments';
export const DATA_VERSIONS = 'metric_data_versions';
/** The row of DATA_VERSIONS that deployment writes raise. */
export const DEPLOYMENTS_VERSION = 'deployments';

/** The advisory lock that orders concurrent deployment writes (PostgreSQL). */
export const DEPLOYMENT_LOCK_KEY = 7_304_211;

export type Timestamp = Date | string | number;

export interface DeploymentRow {
  deployment_id: string;
  entity_ref: string;
  environment: string;
  result: string;
  started_at: Timestamp;
  finished_at: Timestamp;
  created_date: Timestamp | null;
  name: string | null;
  display_title: string | null;
  url: string | null;
  content_hash: string;
  ingested_at: Timestamp;
  ingest_version: number | string;
}

export const DEPLOYMENT_COLUMNS = [
  'deployment_id',
  'entity_ref',
  'environment',
  'result',
  'started_at',
  'finished_at',
  'created_date',
  'name',
  'display_title',
  'url',
  'content_hash',
  'ingested_at',
  'ingest_version',
] as const;

export interface CommitRow {
  deployment_id: string;
  commit_sha: string;
  repo_url: string;
  authored_at: Timestamp | null;
  entity_ref: string;
  deployed_at: Timestamp;
  production_success: boolean | number;
}

export const COMMIT_COLUMNS = [
  'deployment_id',
  'commit_sha',
  'repo_url',
  'authored_at',
  'entity_ref',
  'deployed_at',
  'production_success',
] as const;

export interface FirstDeploymentRow {
  entity_ref: string;
  deployment_id: string;
  deployed_at: Timestamp;
}
