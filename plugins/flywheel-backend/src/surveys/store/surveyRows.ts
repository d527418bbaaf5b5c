import type {
  NewSurveyResponse,
  StoredComment,
  StoredSurvey,
  StoredWave,
} from './surveyTypes';
import { normalizeRef } from '../../catalog/entityRefs';
import { numOrNull, toDate } from '../../database/rows';
import { randomUUID } from 'node:crypto';

/*
 * The survey tables as stored: their names, typed rows, columns, and the
 * conversions between rows and what the stores hand out.
 */

export const DEFINITIONS = 'survey_definitions';
export const WAVES = 'survey_waves';
export const PARTICIPATION = 'survey_participation';
export const RESPONSES = 'survey_responses';
export const ANSWERS = 'survey_answers';
export const COMMENTS = 'survey_comments';
export const PROMPT_STATES = 'survey_prompt_states';
export const TRIGGER_EVENTS = 'survey_trigger_events';

export type DateValue = Date | string | number;

export type SurveyRow = {
  id: string;
  source: string;
  definition: string;
  status: string;
  created_by: string | null;
  created_at: DateValue;
  updated_at: DateValue;
};

export type WaveRow = {
  id: string;
  survey_id: string;
  number: number;
  opens_at: DateValue;
  closes_at: DateValue;
  questions: string;
  audience_size: number | null;
  invited_size: number | null;
  audience_snapshot_at: DateValue | null;
  notified_at: DateValue | null;
};

export const WAVE_COLUMNS: readonly (keyof WaveRow)[] = [
  'id',
  'survey_id',
  'number',
  'opens_at',
  'closes_at',
  'questions',
  'audience_size',
  'invited_size',
  'audience_snapshot_at',
  'notified_at',
];

export type ParticipationRow = {
  wave_id: string;
  survey_id: string;
  user_ref: string;
  responded_at: DateValue;
  asked_nps: boolean | number;
};

export type ResponseRow = {
  id: string;
  survey_id: string;
  wave_id: string;
  user_ref: string | null;
  group_ref: string | null;
  answers: string;
  submitted_on: string | null;
  updated_at: DateValue | null;
  edit_token_hash: string | null;
  pending_mix: boolean | number;
};

export type AnswerRow = {
  response_id: string;
  wave_id: string;
  question_id: string;
  group_ref: string | null;
  value_num: number | null;
  value_text: string | null;
};

export type CommentRow = {
  id: string;
  response_id: string;
  survey_id: string;
  wave_id: string;
  question_id: string;
  group_ref: string | null;
  text: string;
  submitted_on: string | null;
  tags: string;
  resolved_by: string | null;
  resolved_at: DateValue | null;
};

export type PromptStateRow = {
  user_ref: string;
  wave_id: string;
  state: string;
  until: DateValue | null;
};

export type TriggerEventRow = {
  user_ref: string;
  event: string;
  fired_at: DateValue;
  context: string | null;
};

export const PARTICIPATION_COLUMNS: readonly (keyof ParticipationRow)[] = [
  'wave_id',
  'survey_id',
  'user_ref',
  'responded_at',
  'asked_nps',
];
export const RESPONSE_COLUMNS: readonly (keyof ResponseRow)[] = [
  'id',
  'survey_id',
  'wave_id',
  'user_ref',
  'group_ref',
  'answers',
  'submitted_on',
  'updated_at',
  'edit_token_hash',
  'pending_mix',
];
export const ANSWER_COLUMNS: readonly (keyof AnswerRow)[] = [
  'response_id',
  'wave_id',
  'question_id',
  'group_ref',
  'value_num',
  'value_text',
];
export const COMMENT_COLUMNS: readonly (keyof CommentRow)[] = [
  'id',
  'response_id',
  'survey_id',
  'wave_id',
  'question_id',
  'group_ref',
  'text',
  'submitted_on',
  'tags',
  'resolved_by',
  'resolved_at',
];

export function optionalDate(
  value: DateValue | null | undefined,
): Date | undefined {
  return value === null || value === undefined ? undefined : toDate(value);
}

/** The UTC day of a time, 'YYYY-MM-DD'. */
export function dayOf(time: Date): string {
  return time.toISOString().slice(0, 10);
}

export function optionalRef(ref: string | undefined | null): string | null {
  return ref ? normalizeRef(ref) : null;
}

export function surveyFromRow(row: SurveyRow): StoredSurvey {
  return {
    id: row.id,
    source: row.source as StoredSurvey['source'],
    definition: JSON.parse(row.definition),
    status: row.status as StoredSurvey['status'],
    createdBy: row.created_by ?? undefined,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

export function waveFromRow(row: WaveRow): StoredWave {
  return {
    id: row.id,
    surveyId: row.survey_id,
    number: Number(row.number),
    opensAt: toDate(row.opens_at),
    closesAt: toDate(row.closes_at),
    questions: JSON.parse(row.questions),
    audienceSize: numOrNull(row.audience_size) ?? undefined,
    invitedSize: numOrNull(row.invited_size) ?? undefined,
    audienceFrozenAt: optionalDate(row.audience_snapshot_at),
    notifiedAt: optionalDate(row.notified_at),
  };
}

export function commentFromRow(row: CommentRow): StoredComment {
  return {
    id: row.id,
    surveyId: row.survey_id,
    waveId: row.wave_id,
    questionId: row.question_id,
    groupRef: row.group_ref,
    text: row.text,
    submittedOn: row.submitted_on ?? undefined,
    tags: JSON.parse(row.tags),
    resolvedBy: row.resolved_by ?? undefined,
    resolvedAt: optionalDate(row.resolved_at),
  };
}

/** The rows of one new response: the response, its answers and comments. */
export function responseRows(r: NewSurveyResponse): {
  response: ResponseRow;
  answers: AnswerRow[];
  comments: CommentRow[];
} {
  const id = randomUUID();
  const groupRef = optionalRef(r.groupRef);
  // Anonymous: no identity and no time, only the wave, and marked to be
  // shuffled out of arrival order, so nothing matches the response to the
  // participation row that names the person.
  const day = r.anonymous ? null : dayOf(r.now);
  return {
    response: {
      id,
      survey_id: r.surveyId,
      wave_id: r.waveId,
      user_ref: r.anonymous ? null : r.userRef,
      group_ref: groupRef,
      answers: JSON.stringify(r.answers),
      submitted_on: day,
      updated_at: r.anonymous ? null : r.now,
      edit_token_hash: r.anonymous ? r.receipt?.issued ?? null : null,
      pending_mix: r.anonymous,
    },
    answers: answerRows(id, r, groupRef),
    comments: commentRows(id, r, groupRef, day),
  };
}

export function answerRows(
  responseId: string,
  r: NewSurveyResponse,
  groupRef: string | null,
): AnswerRow[] {
  return r.scored.map(a => ({
    response_id: responseId,
    wave_id: r.waveId,
    question_id: a.questionId,
    group_ref: groupRef,
    value_num: a.valueNum ?? null,
    value_text: a.valueText ?? null,
  }));
}

export function commentRows(
  responseId: string,
  r: NewSurveyResponse,
  groupRef: string | null,
  day: string | null,
): CommentRow[] {
  return r.comments.map(c => ({
    id: randomUUID(),
    response_id: responseId,
    survey_id: r.surveyId,
    wave_id: r.waveId,
    question_id: c.questionId,
    group_ref: groupRef,
    text: c.text,
    submitted_on: day,
    tags: '[]',
    resolved_by: null,
    resolved_at: null,
  }));
}

export function participationRow(r: NewSurveyResponse): ParticipationRow {
  return {
    wave_id: r.waveId,
    survey_id: r.surveyId,
    user_ref: r.userRef,
    responded_at: r.now,
    asked_nps: r.asksNps,
  };
}
