/**
 * The kinds of question a survey can ask.
 *
 * - `nps`: 0–10 "how likely are you to recommend…", with an optional "why?"
 *   follow-up answered as free text.
 * - `csat`: 1–5 satisfaction; 4 and 5 count as satisfied (top two box).
 * - `rating`: a whole-number scale, `scale.min`–`scale.max` (at most 0–10).
 * - `single-choice` / `multiple-choice`: one or several of `options`.
 * - `text`: free text, shown in the comments inbox.
 *
 * @public
 */
export type SurveyQuestionType =
  | 'nps'
  | 'csat'
  | 'rating'
  | 'single-choice'
  | 'multiple-choice'
  | 'text';

/** @public */
export const SURVEY_QUESTION_TYPES: readonly SurveyQuestionType[] = [
  'nps',
  'csat',
  'rating',
  'single-choice',
  'multiple-choice',
  'text',
];

/** One question of a survey. @public */
export interface SurveyQuestion {
  /** Stable id within the survey: lowercase letters, digits and dashes. */
  id: string;
  type: SurveyQuestionType;
  title: string;
  /** Whether an answer is required; defaults to true for nps and csat. */
  required?: boolean;
  /** For `nps`: the "why?" follow-up prompt, answered as free text. */
  followUp?: string;
  /** For `rating`: the scale's bounds and labels. */
  scale?: { min: number; max: number; minLabel?: string; maxLabel?: string };
  /** For `single-choice` and `multiple-choice`: the options, 2–20. */
  options?: string[];
}

/**
 * Who a survey asks. Users are the catalog's User entities; a group includes
 * its sub-groups; golden-path owners are the members of the groups owning a
 * Component created from one of the templates.
 *
 * @public
 */
export type SurveyAudience =
  | { type: 'everyone' }
  | { type: 'groups'; groupRefs: string[] }
  | { type: 'golden-path-owners'; templateRefs: string[] };

/**
 * When a survey's waves open. A one-off survey has one wave from `opensAt`
 * to `closesAt`; a recurring one opens a new wave every month or quarter
 * from `opensAt`, each open for `waveDays`.
 *
 * @public
 */
export interface SurveySchedule {
  /** ISO date-time the first wave opens. */
  opensAt: string;
  /** ISO date-time a one-off survey closes. */
  closesAt?: string;
  recurrence: 'none' | 'monthly' | 'quarterly';
  /** How long each recurring wave stays open; default 14. */
  waveDays?: number;
}

/**
 * What makes a survey prompt a person while a wave is open.
 *
 * - `wave-open`: anyone in the audience, as soon as the wave opens.
 * - `event`: only after a backend event for that person, e.g.
 *   `scaffolder.run.completed` or `deployment.first-production`.
 * - `route`: only when the person visits a page under `pathPrefix`.
 *
 * @public
 */
export type SurveyTrigger =
  | { type: 'wave-open' }
  | { type: 'event'; event: string }
  | { type: 'route'; pathPrefix: string };

/** What a platform PM writes to create or edit a survey. @public */
export interface SurveyDefinition {
  title: string;
  description?: string;
  /** Anonymous surveys store no user identity with the answers. */
  anonymous: boolean;
  questions: SurveyQuestion[];
  audience: SurveyAudience;
  schedule: SurveySchedule;
  /** Defaults to `[{ type: 'wave-open' }]`. */
  triggers: SurveyTrigger[];
  /** Share of the eligible audience that is asked, 1–100; default 100. */
  samplingPercent: number;
  /** Which ready-made template it started from, if any. */
  template?: string;
}

/** A wave: one round of a survey, with its own responses. @public */
export interface SurveyWave {
  id: string;
  surveyId: string;
  /** 1 for the first wave. */
  number: number;
  opensAt: string;
  closesAt: string;
  status: 'scheduled' | 'open' | 'closed';
  /** People in the audience when the wave opened, if known. */
  audienceSize?: number;
  /** People invited when the wave opened: in the sample and not throttled then. */
  invitedSize?: number;
  responseCount: number;
}

/** A survey as the API returns it. @public */
export interface Survey extends SurveyDefinition {
  id: string;
  /** Config-defined surveys are edited in config, not through the API. */
  source: 'config' | 'api';
  status: 'active' | 'archived';
  createdBy?: string;
  createdAt: string;
  updatedAt: string;
  /** The open wave, or else the latest one. */
  currentWave?: SurveyWave;
  /** True once any wave has responses: questions can no longer change. */
  questionsLocked: boolean;
}

/** @public */
export interface SurveysResponse {
  items: Survey[];
}

/**
 * One answer. `value` is a number for nps, csat and rating; an option for
 * single-choice; a list of options for multiple-choice; text for text.
 * `comment` answers an nps question's "why?".
 *
 * @public
 */
export interface SurveyAnswer {
  questionId: string;
  value: number | string | string[];
  comment?: string;
}

/** `POST /surveys/{id}/responses`. @public */
export interface SubmitSurveyResponseRequest {
  waveId: string;
  answers: SurveyAnswer[];
  /**
   * Anonymous surveys only, to change an answer: the receipt the first
   * submission returned.
   */
  editToken?: string;
}

/** @public */
export interface SubmitSurveyResponseResult {
  surveyId: string;
  waveId: string;
  /** `updated` when the person changed an earlier answer in this wave. */
  status: 'created' | 'updated';
  submittedAt: string;
  /**
   * Anonymous surveys only: a receipt for this answer, for the browser that
   * gave it to keep. Sending it back changes the answer; the server stores
   * only its hash and never who holds it.
   */
  editToken?: string;
}

/** A survey the current user is asked to answer now. @public */
export interface SurveyPrompt {
  surveyId: string;
  waveId: string;
  title: string;
  description?: string;
  anonymous: boolean;
  questions: SurveyQuestion[];
  closesAt: string;
  /** The user's earlier answers in this wave, if any (identified surveys). */
  previousAnswers?: SurveyAnswer[];
  /** When the earlier answers were last given: ISO date-time or a day. */
  answeredAt?: string;
  /** Preview for the author: nothing is stored, throttling is ignored. */
  preview?: boolean;
}

/** @public */
export interface SurveyPromptsResponse {
  items: SurveyPrompt[];
}

/** `POST /surveys/{id}/prompt-actions`. @public */
export interface SurveyPromptActionRequest {
  waveId: string;
  /** Snooze asks again after a few days; dismiss skips this wave. */
  action: 'snooze' | 'dismiss';
}

/** An estimate with its 95% interval. @public */
export interface Estimate {
  value: number;
  low: number;
  high: number;
}

/** NPS of one set of answers. @public */
export interface NpsSummary {
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** −100…100 with its adjusted-Wald 95% interval. */
  nps: Estimate;
  /** Whether the finite-population correction narrowed the interval. */
  finitePopulationCorrected: boolean;
  /**
   * Everyone in the population answered: the NPS is exact and its interval
   * has no width.
   */
  census: boolean;
  /** Answers per score, index 0–10. */
  distribution: number[];
}

/** CSAT of one set of answers. @public */
export interface CsatSummary {
  responses: number;
  satisfied: number;
  /** Top-two-box share in percent with its Wilson 95% interval. */
  csat: Estimate;
  /** Answers per score, index 0 for score 1 … 4 for score 5. */
  distribution: number[];
}

/** Results of one question. @public */
export interface SurveyQuestionResult {
  questionId: string;
  type: SurveyQuestionType;
  title: string;
  responses: number;
  nps?: NpsSummary;
  csat?: CsatSummary;
  /** rating: mean and count per value. */
  rating?: { mean: number; distribution: { value: number; count: number }[] };
  /** choice questions: count per option. */
  choices?: { option: string; count: number }[];
  /** text and nps follow-ups: how many wrote something. */
  comments?: number;
}

/** One wave's headline numbers, for the trend. @public */
export interface SurveyTrendPoint {
  waveId: string;
  number: number;
  opensAt: string;
  responses: number;
  /** Responses ÷ people invited, a share 0–1 (never above 1). */
  responseRate?: number;
  nps?: Estimate;
  csat?: Estimate;
  /** Change from the previous wave and whether it is significant at 95%. */
  change?: { delta: number; significant: boolean; pValue: number };
}

/** Why a segment's numbers are not shown. @public */
export type SurveyHiddenReason = 'below-minimum' | 'protects-another-group';

/** One team of a breakdown, sub-teams included. @public */
export interface SurveyTeamResult {
  groupRef: string;
  /** 0 for the teams directly under the scope. */
  depth: number;
  parentRef?: string;
  /**
   * The team's people (sub-teams included) in the audience when the wave
   * opened, along today's hierarchy; absent for waves that opened before
   * Flywheel froze audiences.
   */
  audienceSize?: number;
  /** Of those, the people invited: in the sample and not throttled then. */
  invitedSize?: number;
  /** Present only when shown. */
  responses?: number;
  /** Responses ÷ people invited, a share 0–1 (never above 1). */
  responseRate?: number;
  nps?: Estimate;
  csat?: Estimate;
  /** Everyone in the team's audience answered: the NPS is exact, not an estimate. */
  census?: boolean;
  hidden?: SurveyHiddenReason;
}

/** `GET /surveys/{id}/results`. @public */
export interface SurveyResultsResponse {
  surveyId: string;
  wave: SurveyWave;
  /** The team in scope (`?groupRef=`); absent for the whole audience. */
  groupRef?: string;
  /** People in the scope's audience when the wave opened. */
  audienceSize?: number;
  /** Of those, the people invited: in the sample and not throttled then. */
  invitedSize?: number;
  responses: number;
  /** Responses ÷ people invited, a share 0–1 (never above 1). */
  responseRate?: number;
  /** Set when the scope itself is below the minimum group size. */
  hidden?: SurveyHiddenReason;
  questions: SurveyQuestionResult[];
  trend: SurveyTrendPoint[];
  teams: SurveyTeamResult[];
  thresholds: { minGroupSize: number; minCommentGroupSize: number };
}

/** A free-text answer in the comments inbox. @public */
export interface SurveyComment {
  id: string;
  surveyId: string;
  waveId: string;
  questionId: string;
  text: string;
  /**
   * The smallest team whose comments are shown that includes the respondent
   * (their own team or one above it); absent when none is.
   */
  groupRef?: string;
  /**
   * The day it was written, in identified surveys only: anonymous ones keep
   * no time, only the wave, so nothing matches a comment to its author.
   */
  submittedOn?: string;
  tags: string[];
  resolved: boolean;
  resolvedBy?: string;
  resolvedAt?: string;
}

/** @public */
export interface SurveyCommentsResponse {
  items: SurveyComment[];
  totalCount: number;
  /**
   * How many comments the scope holds back; said only where the scope's
   * numbers are shown (0 otherwise).
   */
  withheld: number;
  /**
   * Set when the scope's comments are withheld: the scope is below the
   * comment threshold, or showing it would let its comments be worked out
   * by subtracting another team's.
   */
  withheldReason?: SurveyHiddenReason;
}

/** `PATCH /surveys/comments/{id}`: tag and resolve. @public */
export interface SurveyCommentUpdate {
  tags?: string[];
  resolved?: boolean;
}

/** A ready-made survey a PM can start from. @public */
export interface SurveyTemplate {
  id: string;
  title: string;
  description: string;
  definition: SurveyDefinition;
}
