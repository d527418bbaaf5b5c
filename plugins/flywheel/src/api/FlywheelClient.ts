import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  EntityProvenanceResponse,
  EntityResultsResponse,
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
  SurveyComment,
  SurveyCommentsResponse,
  SurveyCommentUpdate,
  SurveyDefinition,
  SurveyPrompt,
  SurveyPromptActionRequest,
  SurveyPromptsResponse,
  SurveyResultsResponse,
  SurveysResponse,
  SurveyWave,
} from '@flywheel/plugin-flywheel-common';
import {
  FlywheelApi,
  ScorecardEntitiesPage,
  ScorecardEntitiesQuery,
  ScorecardExemptionRequest,
  ScorecardExemptionsQuery,
  ScorecardHistoryQuery,
  SurveyCommentsQuery,
  SurveyResultsQuery,
} from './FlywheelApi';

type Query = Record<string, string | number | boolean | undefined>;

/** `/surveys/{id}…`, the id encoded as one path segment. */
function surveyPath(surveyId: string, rest = ''): string {
  return `/surveys/${encodeURIComponent(surveyId)}${rest}`;
}

/**
 * Default {@link FlywheelApi} implementation: calls the Flywheel backend with
 * the app's fetchApi, so requests carry the user's credentials.
 *
 * @public
 */
export class FlywheelClient implements FlywheelApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  getGoldenPaths(): Promise<GoldenPathsResponse> {
    return this.get('/golden-paths');
  }

  getGroupAdoption(groupRef: string): Promise<GroupAdoptionResponse> {
    return this.get('/golden-paths/adoption', { groupRef });
  }

  getEntityProvenance(entityRef: string): Promise<EntityProvenanceResponse> {
    return this.get('/golden-paths/provenance', { entityRef });
  }

  getScorecards(): Promise<ScorecardsResponse> {
    return this.get('/scorecards');
  }

  getEntityScorecardResults(entityRef: string): Promise<EntityResultsResponse> {
    return this.get('/scorecards/results', { entityRef });
  }

  refreshEntityScorecards(entityRef: string): Promise<EntityResultsResponse> {
    return this.post('/scorecards/refresh', { entityRef });
  }

  getScorecardRollup(
    groupRef?: string,
    options?: { scorecardId?: string },
  ): Promise<GroupRollupResponse> {
    return this.get('/scorecards/rollup', {
      groupRef,
      scorecardId: options?.scorecardId,
    });
  }

  getScorecardLeaderboard(scorecardId: string): Promise<LeaderboardResponse> {
    return this.get('/scorecards/leaderboard', { scorecardId });
  }

  getScorecardHistory(
    query: ScorecardHistoryQuery,
  ): Promise<ScorecardHistoryResponse> {
    return this.get('/scorecards/history', { ...query });
  }

  getScorecardEntities(
    query: ScorecardEntitiesQuery & { limit?: number; offset?: number },
  ): Promise<ScorecardEntitiesPage> {
    return this.get('/scorecards/entities', { ...query });
  }

  async exportScorecardEntitiesCsv(
    query: ScorecardEntitiesQuery,
  ): Promise<Blob> {
    const response = await this.request('/scorecards/entities', {
      ...query,
      format: 'csv',
    });
    return response.blob();
  }

  getScorecardExemptions(
    query: ScorecardExemptionsQuery = {},
  ): Promise<{ items: ScorecardExemption[] }> {
    return this.get('/scorecards/exemptions', { ...query });
  }

  requestScorecardExemption(
    request: ScorecardExemptionRequest,
  ): Promise<ScorecardExemption> {
    return this.post('/scorecards/exemptions', request);
  }

  decideScorecardExemption(
    id: string,
    decision: { decision: 'approved' | 'rejected'; note?: string },
  ): Promise<ScorecardExemption> {
    return this.post(
      `/scorecards/exemptions/${encodeURIComponent(id)}/decision`,
      decision,
    );
  }

  revokeScorecardExemption(
    id: string,
    options: { note?: string } = {},
  ): Promise<ScorecardExemption> {
    return this.post(
      `/scorecards/exemptions/${encodeURIComponent(id)}/revoke`,
      options,
    );
  }

  listSurveys(
    options: { includeArchived?: boolean } = {},
  ): Promise<SurveysResponse> {
    return this.get('/surveys', { includeArchived: options.includeArchived });
  }

  getSurvey(surveyId: string): Promise<Survey> {
    return this.get(surveyPath(surveyId));
  }

  createSurvey(
    definition: SurveyDefinition & { id?: string },
  ): Promise<Survey> {
    return this.post('/surveys', definition);
  }

  updateSurvey(
    surveyId: string,
    definition: SurveyDefinition,
  ): Promise<Survey> {
    return this.put(surveyPath(surveyId), definition);
  }

  archiveSurvey(surveyId: string): Promise<Survey> {
    return this.post(surveyPath(surveyId, '/archive'));
  }

  listSurveyWaves(surveyId: string): Promise<{ items: SurveyWave[] }> {
    return this.get(surveyPath(surveyId, '/waves'));
  }

  getSurveyPrompts(
    options: { path?: string } = {},
  ): Promise<SurveyPromptsResponse> {
    return this.get('/surveys/prompts', { path: options.path });
  }

  getSurveyForm(surveyId: string): Promise<SurveyPrompt> {
    return this.get(surveyPath(surveyId, '/form'));
  }

  previewSurvey(surveyId: string): Promise<SurveyPrompt> {
    return this.get(surveyPath(surveyId, '/preview'));
  }

  submitSurveyResponse(
    surveyId: string,
    request: SubmitSurveyResponseRequest,
  ): Promise<SubmitSurveyResponseResult> {
    return this.post(surveyPath(surveyId, '/responses'), request);
  }

  async actOnSurveyPrompt(
    surveyId: string,
    request: SurveyPromptActionRequest,
  ): Promise<void> {
    await this.send('POST', surveyPath(surveyId, '/prompt-actions'), request);
  }

  getSurveyResults(
    surveyId: string,
    query: SurveyResultsQuery = {},
  ): Promise<SurveyResultsResponse> {
    return this.get(surveyPath(surveyId, '/results'), {
      waveId: query.waveId,
      groupRef: query.groupRef,
    });
  }

  async exportSurveyResultsCsv(
    surveyId: string,
    query: SurveyResultsQuery = {},
  ): Promise<Blob> {
    const response = await this.request(surveyPath(surveyId, '/results'), {
      waveId: query.waveId,
      groupRef: query.groupRef,
      format: 'csv',
    });
    return response.blob();
  }

  getSurveyComments(
    surveyId: string,
    query: SurveyCommentsQuery = {},
  ): Promise<SurveyCommentsResponse> {
    return this.get(surveyPath(surveyId, '/comments'), {
      waveId: query.waveId,
      groupRef: query.groupRef,
      resolved: query.resolved,
      tag: query.tag,
      limit: query.limit,
      offset: query.offset,
    });
  }

  updateSurveyComment(
    surveyId: string,
    commentId: string,
    update: SurveyCommentUpdate,
  ): Promise<SurveyComment> {
    return this.patch(
      surveyPath(surveyId, `/comments/${encodeURIComponent(commentId)}`),
      update,
    );
  }

  private async get<T>(path: string, query?: Query): Promise<T> {
    const response = await this.request(path, query);
    return (await response.json()) as T;
  }

  private async post<T>(path: string, body?: object): Promise<T> {
    const response = await this.send('POST', path, body);
    return (await response.json()) as T;
  }

  private async put<T>(path: string, body: object): Promise<T> {
    const response = await this.send('PUT', path, body);
    return (await response.json()) as T;
  }

  private async patch<T>(path: string, body: object): Promise<T> {
    const response = await this.send('PATCH', path, body);
    return (await response.json()) as T;
  }

  // A write; without a body (e.g. archiving) nothing is sent, not even `{}`.
  private async send(
    method: 'POST' | 'PUT' | 'PATCH',
    path: string,
    body?: object,
  ): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('flywheel');
    const response = await this.fetchApi.fetch(
      `${baseUrl}${path}`,
      body === undefined
        ? { method }
        : {
            method,
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
          },
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }

  // Entity refs travel in the query string (never in path segments), encoded
  // by URLSearchParams so `:` and `/` arrive intact. Undefined values are
  // left out.
  private async request(path: string, query?: Query): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('flywheel');
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) {
        params.set(key, String(value));
      }
    }
    const search = params.toString() ? `?${params}` : '';
    const response = await this.fetchApi.fetch(`${baseUrl}${path}${search}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}
