import { createApiRef } from '@backstage/frontend-plugin-api';
import {
  EntityProvenanceResponse,
  EntityResultsResponse,
  EntityScorecardResult,
  ExemptionStatus,
  GoldenPathsResponse,
  GroupAdoptionResponse,
  GroupRollupResponse,
  LeaderboardResponse,
  ScorecardExemption,
  ScorecardHistoryResponse,
  ScorecardsResponse,
} from '@flywheel/plugin-flywheel-common';

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
 * Client for the Flywheel backend (`/api/flywheel`).
 *
 * @public
 */
export interface FlywheelApi {
  /** Every golden path with its adoption, runs, drift and trend. */
  getGoldenPaths(): Promise<GoldenPathsResponse>;

  /**
   * Golden-path adoption of a team and its sub-teams.
   *
   * @param groupRef - entity ref of a Group, e.g. `group:default/payments`
   */
  getGroupAdoption(groupRef: string): Promise<GroupAdoptionResponse>;

  /**
   * Which golden path an entity was created from, and whether it drifted.
   *
   * @param entityRef - entity ref, e.g. `component:default/checkout`
   */
  getEntityProvenance(entityRef: string): Promise<EntityProvenanceResponse>;

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
  getScorecardEntities(query: {
    scorecardId: string;
    groupRef?: string;
    limit?: number;
    offset?: number;
  }): Promise<ScorecardEntitiesPage>;

  /**
   * All of a scorecard's entity results (in a team's subtree) as CSV. The
   * export needs the user's credentials, so it is fetched rather than linked.
   */
  exportScorecardEntitiesCsv(query: {
    scorecardId: string;
    groupRef?: string;
  }): Promise<Blob>;

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

/**
 * API reference for {@link FlywheelApi}.
 *
 * @public
 */
export const flywheelApiRef = createApiRef<FlywheelApi>().with({
  id: 'plugin.flywheel.api',
  pluginId: 'flywheel',
});
