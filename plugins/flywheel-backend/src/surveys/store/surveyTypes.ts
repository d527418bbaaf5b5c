import { ConflictError } from '@backstage/errors';
import {
  SurveyAnswer,
  SurveyDefinition,
  SurveyQuestion,
} from '@flywheel/plugin-flywheel-common';

/** A survey as stored. */
export interface StoredSurvey {
  id: string;
  source: 'config' | 'api';
  definition: SurveyDefinition;
  status: 'active' | 'archived';
  createdBy?: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A wave as stored, with how many responses it has. */
export interface StoredWave {
  id: string;
  surveyId: string;
  number: number;
  opensAt: Date;
  closesAt: Date;
  questions: SurveyQuestion[];
  /** People in the audience when the wave opened (or, before it was frozen, last counted). */
  audienceSize?: number;
  /** People invited when the wave opened: sampled, and not throttled then. */
  invitedSize?: number;
  /** When the audience was frozen (see WaveAudienceStore). */
  audienceFrozenAt?: Date;
  notifiedAt?: Date;
}

/** One scored or chosen answer, as aggregated. */
export interface ScoredAnswer {
  questionId: string;
  valueNum?: number;
  valueText?: string;
}

/** A response to store; validated by the service beforehand. */
export interface NewSurveyResponse {
  surveyId: string;
  waveId: string;
  anonymous: boolean;
  /** The survey asks an NPS question (for the 90-day limit). */
  asksNps: boolean;
  userRef: string;
  groupRef?: string;
  answers: SurveyAnswer[];
  scored: ScoredAnswer[];
  comments: { questionId: string; text: string }[];
  now: Date;
  /**
   * Anonymous surveys: SHA-256 hashes of receipts. `issued` is stored with a
   * new response; `presented` finds the response to change on a repeat
   * submission, the only way to change an answer that names no one.
   */
  receipt?: { issued: string; presented?: string };
  /**
   * The survey definition and wave questions the answers were checked
   * against: when given, nothing is stored if the survey is no longer
   * active or either has changed since (StaleSurveyError).
   */
  checkedAgainst?: {
    definition: SurveyDefinition;
    questions: SurveyQuestion[];
  };
}

/** The survey or wave changed between checking answers and storing them. */
export class StaleSurveyError extends ConflictError {
  constructor(surveyId: string) {
    super(
      `Survey '${surveyId}' changed while the answers were being stored; nothing was stored`,
    );
  }
}

/** Count of answers per wave, question, team and value. */
export interface AnswerCount {
  waveId: string;
  questionId: string;
  groupRef: string | null;
  valueNum: number | null;
  valueText: string | null;
  count: number;
}

/** A comment as stored. */
export interface StoredComment {
  id: string;
  surveyId: string;
  waveId: string;
  questionId: string;
  groupRef: string | null;
  text: string;
  /** 'YYYY-MM-DD'; none in anonymous surveys, which keep only the wave. */
  submittedOn?: string;
  tags: string[];
  resolvedBy?: string;
  resolvedAt?: Date;
}

/** Which comments to list. */
export interface CommentQuery {
  surveyId: string;
  /** Only comments of these waves (an empty list matches none). */
  waveIds: string[];
  /** Only comments of these teams; all when absent. */
  groupRefs?: string[];
  resolved?: boolean;
  tag?: string;
  limit: number;
  offset: number;
}

/** A person's answer to one wave, as recorded for throttling. */
export interface Participation {
  surveyId: string;
  waveId: string;
  respondedAt: Date;
  askedNps: boolean;
}

/** An identified person's stored response to a wave. */
export interface StoredResponse {
  answers: SurveyAnswer[];
  /** 'YYYY-MM-DD' (UTC). */
  submittedOn: string;
  updatedAt?: Date;
}

/** A snoozed or dismissed prompt. */
export interface PromptState {
  state: 'snoozed' | 'dismissed';
  until?: Date;
}

/** What `syncConfigSurveys` changed, by survey id. */
export interface ConfigSyncResult {
  created: string[];
  updated: string[];
  archived: string[];
}
