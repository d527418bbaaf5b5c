import { LoadResult, StatementTotal } from '../harness';
import { CampaignDbKind } from './backend';

export interface CampaignsRunOptions {
  db: CampaignDbKind;
  /** Components in the synthetic catalog. */
  entities: number;
  /** Concurrent closed-loop readers of each load. */
  readers: number;
  /** Seconds each 20-reader load runs. */
  seconds: number;
  /** Rounds of "change 100 components, evaluateEntities". */
  rounds: number;
  cpuProfileDir?: string;
}

/** Counts of a campaign's cohort, as the API shows them. */
export interface Counts {
  cohort: number;
  met: number;
  exempt: number;
}

/** One of the two campaigns the scenario creates. */
export interface CampaignSetup {
  id: string;
  /** The goal in the API's words. */
  goalText: string;
  /** `POST /campaigns`: create, then refreshAll of every open campaign. */
  createMs: number;
  /** As the API answered after the create. */
  counts: Counts;
  /** From the scorecards' stored results over the synthetic cohort. */
  expected: Counts;
}

/** The read endpoints under load, in table order. */
export const ENDPOINTS = ['campaign', 'progress', 'teams', 'items'] as const;
export type Endpoint = (typeof ENDPOINTS)[number];

export const ENDPOINT_PATH: Record<Endpoint, string> = {
  campaign: 'GET /campaigns/{id}',
  progress: 'GET /campaigns/{id}/progress',
  teams: 'GET /campaigns/{id}/teams',
  items: 'GET /campaigns/{id}/items?state=open&limit=100',
};

/** One round of the incremental step. */
export interface IncrementalRound {
  /** Revision of the 100 changed components (1, 2, …). */
  variant: number;
  changed: number;
  /** Wall time of evaluateEntities(100): scorecards, then the campaigns' refresh. */
  evaluateMs: number;
  /** The campaigns' refreshEntities inside it. */
  refreshMs: number;
  /** From evaluateEntities to both campaigns' counts right in the API. */
  untilVisibleMs: number;
  /** Member rows the refresh changed (both campaigns). */
  membersChanged: number;
  /** Results the scorecards wrote. */
  resultsWritten: number;
  /** Met before → after, per campaign, as the API answered. */
  met: { id: string; before: number; after: number; expected: number }[];
  /** Both campaigns' API counts equal the ones expected from the stored results. */
  reflected: boolean;
}

export interface CampaignsDbResult {
  db: CampaignDbKind;
  entities: number;
  catalogEntities: number;
  ingestMs: number;
  /** 1-minute load average when each part started: other work on the machine. */
  loadAverage: { setup: number; http: number; incremental: number };
  /** The scorecards' first (cold) evaluateAll of every component. */
  firstEvaluationMs: number;
  campaigns: CampaignSetup[];
  /** refreshAll with the first campaign open, then with both; nothing changed since the create. */
  refreshAll: {
    oneMs: number;
    oneChanged: number;
    bothMs: number;
    bothChanged: number;
    /** SQL statements of refreshAll with both campaigns, by total time. */
    sql: StatementTotal[];
  };
  http: {
    /** One client, after the 20-reader loads were warmed up. */
    single: Record<Endpoint, LoadResult>;
    /** `readers` clients for `seconds` each. */
    loaded: Record<Endpoint, LoadResult>;
    /** The four requests of a campaign page, interleaved (information only). */
    page: LoadResult;
  };
  incremental: {
    rounds: IncrementalRound[];
    /** SQL statements of the first round's refreshEntities, by total time. */
    refreshSql: StatementTotal[];
  };
}
