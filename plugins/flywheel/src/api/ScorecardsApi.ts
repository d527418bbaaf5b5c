import {
  EntityResultsResponse,
  EntityScorecardResult,
  ExemptionStatus,
  GroupRollupResponse,
  LeaderboardResponse,
  ScorecardExemption,
  ScorecardHistoryResponse,
  ScorecardsResponse,
} from '@flywheel/plugin-flywheel-common';
import { FlywheelHttp } from './FlywheelHttp';

/**
 * Which of a scorecard's entity results to list or export.
 *
 * @public
 */
export interface ScorecardEntitiesQuery {
  scorecardId: string;
  /** Only the entities of this group's subtree. */
  groupRef?: string;
  /** Only the entities this check counts against (fail, warn, unknown). */
  failingCheck?: string;
}

/**
 * One page of `GET /scorecards/entities`: entity results without their
 * checks, by entity ref.
 *
 * @public
 */
export interface ScorecardEntitiesPage {
  items: Omit<EntityScorecardResult, 'checks'>[];
  /** How many entities match in all, across pages. */
  totalCount: number;
}

/**
 * Which history `GET /scorecards/history` returns: one entity, a team with
 * its sub-teams, or the whole catalog.
 *
 * @public
 */
export interface ScorecardHistoryQuery {
  scorecardId: string;
  scope: 'entity' | 'group' | 'scorecard';
  /** The entity or group ref; required unless the scope is `scorecard`. */
  ref?: string;
  /** How many days back, 1–730 (the backend's default is 90). */
  days?: number;
}

/** @public */
export interface ScorecardExemptionsQuery {
  entityRef?: string;
  scorecardId?: string;
  /** Exemptions of entities owned by the group or one of its sub-teams. */
  groupRef?: string;
  status?: ExemptionStatus;
}

/** @public */
export interface ScorecardExemptionRequest {
  entityRef: string;
  scorecardId: string;
  checkId: string;
  /** Why the check does not apply or cannot pass yet; at least 10 characters. */
  justification: string;
  /** ISO date-time, in the future and at most 366 days ahead. */
  expiresAt: string;
}

/**
 * Scorecards: results, rollups, leaderboard, history, exemptions.
 *
 * @public
 */
export interface ScorecardsApi {
  /** Every scorecard with its levels and checks. */
  getScorecards(): Promise<ScorecardsResponse>;

  /** The latest result of every scorecard that applies to an entity. */
  getEntityScorecardResults(entityRef: string): Promise<EntityResultsResponse>;

  /**
   * Re-evaluates an entity's scorecards now and returns the new results.
   * Needs `flywheel.scorecards.refresh`.
   */
  refreshEntityScorecards(entityRef: string): Promise<EntityResultsResponse>;

  /**
   * Scorecards rolled up over a team and all its sub-teams, or without a
   * group over the whole catalog (the top-level groups as sub-teams, entities
   * without a group owner in the totals); every scorecard unless one is named.
   *
   * @param groupRef - entity ref of a Group; leave it out for the whole catalog
   */
  getScorecardRollup(
    groupRef?: string,
    options?: { scorecardId?: string },
  ): Promise<GroupRollupResponse>;

  /** Every team (its subtree included) for one scorecard, best first. */
  getScorecardLeaderboard(scorecardId: string): Promise<LeaderboardResponse>;

  /** Daily snapshots of a scorecard, oldest first. */
  getScorecardHistory(
    query: ScorecardHistoryQuery,
  ): Promise<ScorecardHistoryResponse>;

  /** One page of a scorecard's entity results, optionally in a team's subtree. */
  getScorecardEntities(
    query: ScorecardEntitiesQuery & { limit?: number; offset?: number },
  ): Promise<ScorecardEntitiesPage>;

  /**
   * All of a scorecard's entity results (in a team's subtree) as CSV. The
   * export needs the user's credentials, so it is fetched rather than linked.
   */
  exportScorecardEntitiesCsv(query: ScorecardEntitiesQuery): Promise<Blob>;

  /** Exemptions, newest first. */
  getScorecardExemptions(
    query?: ScorecardExemptionsQuery,
  ): Promise<{ items: ScorecardExemption[] }>;

  /**
   * Requests an exemption from one check for one entity. Needs
   * `flywheel.scorecards.exemption.request`.
   */
  requestScorecardExemption(
    request: ScorecardExemptionRequest,
  ): Promise<ScorecardExemption>;

  /**
   * Approves or rejects a pending exemption. Needs
   * `flywheel.scorecards.exemption.decide`.
   */
  decideScorecardExemption(
    id: string,
    decision: { decision: 'approved' | 'rejected'; note?: string },
  ): Promise<ScorecardExemption>;

  /**
   * Ends an approved exemption early. Needs
   * `flywheel.scorecards.exemption.decide`.
   */
  revokeScorecardExemption(
    id: string,
    options?: { note?: string },
  ): Promise<ScorecardExemption>;
}

/** ScorecardsApi over the Flywheel backend. */
export class ScorecardsClient implements ScorecardsApi {
  constructor(private readonly http: FlywheelHttp) {}

  getScorecards(): Promise<ScorecardsResponse> {
    return this.http.get('/scorecards');
  }

  getEntityScorecardResults(entityRef: string): Promise<EntityResultsResponse> {
    return this.http.get('/scorecards/results', { entityRef });
  }

  refreshEntityScorecards(entityRef: string): Promise<EntityResultsResponse> {
    return this.http.post('/scorecards/refresh', { entityRef });
  }

  getScorecardRollup(
    groupRef?: string,
    options?: { scorecardId?: string },
  ): Promise<GroupRollupResponse> {
    return this.http.get('/scorecards/rollup', {
      groupRef,
      scorecardId: options?.scorecardId,
    });
  }

  getScorecardLeaderboard(scorecardId: string): Promise<LeaderboardResponse> {
    return this.http.get('/scorecards/leaderboard', { scorecardId });
  }

  getScorecardHistory(
    query: ScorecardHistoryQuery,
  ): Promise<ScorecardHistoryResponse> {
    return this.http.get('/scorecards/history', { ...query });
  }

  getScorecardEntities(
    query: ScorecardEntitiesQuery & { limit?: number; offset?: number },
  ): Promise<ScorecardEntitiesPage> {
    return this.http.get('/scorecards/entities', { ...query });
  }

  async exportScorecardEntitiesCsv(
    query: ScorecardEntitiesQuery,
  ): Promise<Blob> {
    const response = await this.http.request('/scorecards/entities', {
      ...query,
      format: 'csv',
    });
    return response.blob();
  }

  getScorecardExemptions(
    query: ScorecardExemptionsQuery = {},
  ): Promise<{ items: ScorecardExemption[] }> {
    return this.http.get('/scorecards/exemptions', { ...query });
  }

  requestScorecardExemption(
    request: ScorecardExemptionRequest,
  ): Promise<ScorecardExemption> {
    return this.http.post('/scorecards/exemptions', request);
  }

  decideScorecardExemption(
    id: string,
    decision: { decision: 'approved' | 'rejected'; note?: string },
  ): Promise<ScorecardExemption> {
    return this.http.post(
      `/scorecards/exemptions/${encodeURIComponent(id)}/decision`,
      decision,
    );
  }

  revokeScorecardExemption(
    id: string,
    options: { note?: string } = {},
  ): Promise<ScorecardExemption> {
    return this.http.post(
      `/scorecards/exemptions/${encodeURIComponent(id)}/revoke`,
      options,
    );
  }
}
