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
  SubmitSurveyResponseRequest,
  SubmitSurveyResponseResult,
  Survey,
  SurveyCommentsResponse,
  SurveyComment,
  SurveyCommentUpdate,
  SurveyDefinition,
  SurveyPrompt,
  SurveyPromptActionRequest,
  SurveyPromptsResponse,
  SurveyResultsResponse,
  SurveysResponse,
  SurveyWave,
} from '@flywheel/plugin-flywheel-common';

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

/** Which results `GET /surveys/{id}/results` returns. @public */
export interface SurveyResultsQuery {
  /** A wave of the survey; the open or latest wave when absent. */
  waveId?: string;
  /** A team: its results with its sub-teams as the breakdown. */
  groupRef?: string;
}

/** @public */
export interface SurveyCommentsQuery extends SurveyResultsQuery {
  resolved?: boolean;
  tag?: string;
  limit?: number;
  offset?: number;
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

  /** Every active survey (archived ones too when asked). */
  listSurveys(options?: {
    includeArchived?: boolean;
  }): Promise<SurveysResponse>;

  getSurvey(surveyId: string): Promise<Survey>;

  /** Creates a survey. Needs `flywheel.surveys.manage`. */
  createSurvey(definition: SurveyDefinition & { id?: string }): Promise<Survey>;

  /**
   * Replaces a survey's definition. Questions cannot change once a wave has
   * responses (409). Needs `flywheel.surveys.manage`.
   */
  updateSurvey(surveyId: string, definition: SurveyDefinition): Promise<Survey>;

  /** Archives a survey: no new waves, results kept. */
  archiveSurvey(surveyId: string): Promise<Survey>;

  /** The survey's waves, oldest first. */
  listSurveyWaves(surveyId: string): Promise<{ items: SurveyWave[] }>;

  /**
   * Surveys the current user should be asked now, after throttling, sampling
   * and triggers; `path` is the page the user is on (route triggers).
   */
  getSurveyPrompts(options?: { path?: string }): Promise<SurveyPromptsResponse>;

  /**
   * The survey's open wave as a form for the current user (e.g. from a
   * notification), with their earlier answers; 404 when none is open for them.
   */
  getSurveyForm(surveyId: string): Promise<SurveyPrompt>;

  /** The survey as its audience will see it; nothing answered is stored. */
  previewSurvey(surveyId: string): Promise<SurveyPrompt>;

  /** Submits or changes the current user's response to a wave. */
  submitSurveyResponse(
    surveyId: string,
    request: SubmitSurveyResponseRequest,
  ): Promise<SubmitSurveyResponseResult>;

  /** Snoozes or dismisses a prompt. */
  actOnSurveyPrompt(
    surveyId: string,
    request: SurveyPromptActionRequest,
  ): Promise<void>;

  /** Results of one wave with trend and team breakdown, within anonymity rules. */
  getSurveyResults(
    surveyId: string,
    query?: SurveyResultsQuery,
  ): Promise<SurveyResultsResponse>;

  /** The same aggregates as CSV, hidden teams left out. */
  exportSurveyResultsCsv(
    surveyId: string,
    query?: SurveyResultsQuery,
  ): Promise<Blob>;

  /** The comments inbox of a survey, newest first. */
  getSurveyComments(
    surveyId: string,
    query?: SurveyCommentsQuery,
  ): Promise<SurveyCommentsResponse>;

  /** Tags or resolves a comment. Needs `flywheel.surveys.manage`. */
  updateSurveyComment(
    surveyId: string,
    commentId: string,
    update: SurveyCommentUpdate,
  ): Promise<SurveyComment>;
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
