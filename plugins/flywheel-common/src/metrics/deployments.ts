/**
 * A deployment as CI/CD posts it: the JSON shape of Apache DevLake's
 * deployment webhook, so callers that already feed DevLake need nothing new.
 * Flywheel adds `entityRef` (else the commits' `repoUrl` names the service
 * through its catalog source location) and each commit's `authoredDate`
 * (lead time for changes needs it).
 *
 * @public
 */
export interface DeploymentInput {
  /** Unique per deployment: a retried POST with the same id counts once. */
  id: string;
  entityRef?: string;
  /** DevLake's values; PRODUCTION when left out, as in DevLake. */
  environment?: 'PRODUCTION' | 'STAGING' | 'TESTING' | 'DEVELOPMENT';
  /** DevLake's values; SUCCESS when left out. */
  result?: 'SUCCESS' | 'FAILURE' | 'ABORT' | 'MANUAL';
  createdDate?: string;
  startedDate: string;
  finishedDate: string;
  name?: string;
  displayTitle?: string;
  url?: string;
  deploymentCommits?: DeploymentCommitInput[];
}

/** A commit a deployment ships (DevLake's `deploymentCommits`). @public */
export interface DeploymentCommitInput {
  repoUrl: string;
  commitSha: string;
  refName?: string;
  commitMsg?: string;
  /** When the commit was authored: lead time runs from here. */
  authoredDate?: string;
  startedDate?: string;
  finishedDate?: string;
  displayTitle?: string;
  name?: string;
}

/** What a deployment ingest did. @public */
export interface DeploymentIngestResponse {
  received: number;
  /** Deployment ids not seen before. */
  created: number;
  /** Ids seen before whose content changed (the new content replaces the old). */
  updated: number;
  /** Ids seen before with the same content: nothing counted twice. */
  unchanged: number;
}
