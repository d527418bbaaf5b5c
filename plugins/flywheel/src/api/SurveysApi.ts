import {
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
import { FlywheelHttp } from './FlywheelHttp';

/** `/surveys/{id}…`, the id encoded as one path segment. */
function surveyPath(surveyId: string, rest = ''): string {
  return `/surveys/${encodeURIComponent(surveyId)}${rest}`;
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
 * Surveys: authoring, prompts, answers, results and comments.
 *
 * @public
 */
export interface SurveysApi {
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

/** SurveysApi over the Flywheel backend. */
export class SurveysClient implements SurveysApi {
  constructor(private readonly http: FlywheelHttp) {}

  listSurveys(
    options: { includeArchived?: boolean } = {},
  ): Promise<SurveysResponse> {
    return this.http.get('/surveys', {
      includeArchived: options.includeArchived,
    });
  }

  getSurvey(surveyId: string): Promise<Survey> {
    return this.http.get(surveyPath(surveyId));
  }

  createSurvey(
    definition: SurveyDefinition & { id?: string },
  ): Promise<Survey> {
    return this.http.post('/surveys', definition);
  }

  updateSurvey(
    surveyId: string,
    definition: SurveyDefinition,
  ): Promise<Survey> {
    return this.http.put(surveyPath(surveyId), definition);
  }

  archiveSurvey(surveyId: string): Promise<Survey> {
    return this.http.post(surveyPath(surveyId, '/archive'));
  }

  listSurveyWaves(surveyId: string): Promise<{ items: SurveyWave[] }> {
    return this.http.get(surveyPath(surveyId, '/waves'));
  }

  getSurveyPrompts(
    options: { path?: string } = {},
  ): Promise<SurveyPromptsResponse> {
    return this.http.get('/surveys/prompts', { path: options.path });
  }

  getSurveyForm(surveyId: string): Promise<SurveyPrompt> {
    return this.http.get(surveyPath(surveyId, '/form'));
  }

  previewSurvey(surveyId: string): Promise<SurveyPrompt> {
    return this.http.get(surveyPath(surveyId, '/preview'));
  }

  submitSurveyResponse(
    surveyId: string,
    request: SubmitSurveyResponseRequest,
  ): Promise<SubmitSurveyResponseResult> {
    return this.http.post(surveyPath(surveyId, '/responses'), request);
  }

  async actOnSurveyPrompt(
    surveyId: string,
    request: SurveyPromptActionRequest,
  ): Promise<void> {
    await this.http.send(
      'POST',
      surveyPath(surveyId, '/prompt-actions'),
      request,
    );
  }

  getSurveyResults(
    surveyId: string,
    query: SurveyResultsQuery = {},
  ): Promise<SurveyResultsResponse> {
    return this.http.get(surveyPath(surveyId, '/results'), {
      waveId: query.waveId,
      groupRef: query.groupRef,
    });
  }

  async exportSurveyResultsCsv(
    surveyId: string,
    query: SurveyResultsQuery = {},
  ): Promise<Blob> {
    const response = await this.http.request(surveyPath(surveyId, '/results'), {
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
    return this.http.get(surveyPath(surveyId, '/comments'), {
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
    return this.http.patch(
      surveyPath(surveyId, `/comments/${encodeURIComponent(commentId)}`),
      update,
    );
  }
}
