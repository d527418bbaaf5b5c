import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  SurveyAnswer,
  SurveyDefinition,
  SurveyQuestion,
} from '@flywheel/plugin-flywheel-common';
import { normalizeRef } from '../../catalog/entityRefs';
import { isPostgres, isSqlite } from '../../database/engines';
import { chunk, num, numOrNull, toDate } from '../../database/rows';
import { bulkWrite } from '../../database/statements';

import { WaveAudienceStore } from './WaveAudienceStore';

const DEFINITIONS = 'survey_definitions';
const WAVES = 'survey_waves';
const PARTICIPATION = 'survey_participation';
const RESPONSES = 'survey_responses';
const ANSWERS = 'survey_answers';
const COMMENTS = 'survey_comments';
const PROMPT_STATES = 'survey_prompt_states';
const TRIGGER_EVENTS = 'survey_trigger_events';

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

type DateValue = Date | string | number;

type SurveyRow = {
  id: string;
  source: string;
  definition: string;
  status: string;
  created_by: string | null;
  created_at: DateValue;
  updated_at: DateValue;
};

type WaveRow = {
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

const WAVE_COLUMNS: readonly (keyof WaveRow)[] = [
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

type ParticipationRow = {
  wave_id: string;
  survey_id: string;
  user_ref: string;
  responded_at: DateValue;
  asked_nps: boolean | number;
};

type ResponseRow = {
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

type AnswerRow = {
  response_id: string;
  wave_id: string;
  question_id: string;
  group_ref: string | null;
  value_num: number | null;
  value_text: string | null;
};

type CommentRow = {
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

type PromptStateRow = {
  user_ref: string;
  wave_id: string;
  state: string;
  until: DateValue | null;
};

type TriggerEventRow = {
  user_ref: string;
  event: string;
  fired_at: DateValue;
  context: string | null;
};

const PARTICIPATION_COLUMNS: readonly (keyof ParticipationRow)[] = [
  'wave_id',
  'survey_id',
  'user_ref',
  'responded_at',
  'asked_nps',
];
const RESPONSE_COLUMNS: readonly (keyof ResponseRow)[] = [
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
const ANSWER_COLUMNS: readonly (keyof AnswerRow)[] = [
  'response_id',
  'wave_id',
  'question_id',
  'group_ref',
  'value_num',
  'value_text',
];
const COMMENT_COLUMNS: readonly (keyof CommentRow)[] = [
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

function optionalDate(value: DateValue | null | undefined): Date | undefined {
  return value === null || value === undefined ? undefined : toDate(value);
}

/** The UTC day of a time, 'YYYY-MM-DD'. */
function dayOf(time: Date): string {
  return time.toISOString().slice(0, 10);
}

function optionalRef(ref: string | undefined | null): string | null {
  return ref ? normalizeRef(ref) : null;
}

function surveyFromRow(row: SurveyRow): StoredSurvey {
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

function waveFromRow(row: WaveRow): StoredWave {
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

function commentFromRow(row: CommentRow): StoredComment {
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
function responseRows(r: NewSurveyResponse): {
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

function answerRows(
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

function commentRows(
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

function participationRow(r: NewSurveyResponse): ParticipationRow {
  return {
    wave_id: r.waveId,
    survey_id: r.surveyId,
    user_ref: r.userRef,
    responded_at: r.now,
    asked_nps: r.asksNps,
  };
}

/** Persistence of surveys, waves, responses, comments and prompt state. */
export class SurveyStore {
  /** Waves' audiences, frozen when each opens. */
  readonly audiences: WaveAudienceStore;
  private readonly sqlite: boolean;
  private readonly postgres: boolean;

  constructor(private readonly db: Knex) {
    this.audiences = new WaveAudienceStore(db);
    this.sqlite = isSqlite(db);
    this.postgres = isPostgres(db);
  }

  // ---------------------------------------------------------------------
  // Definitions

  /** Surveys ordered by creation; archived ones only when asked for. */
  async listSurveys(
    options: { includeArchived?: boolean } = {},
  ): Promise<StoredSurvey[]> {
    const query = this.db<SurveyRow>(DEFINITIONS)
      .select('*')
      .orderBy([{ column: 'created_at' }, { column: 'id' }]);
    if (!options.includeArchived) {
      query.where('status', 'active');
    }
    return (await query).map(surveyFromRow);
  }

  async getSurvey(id: string): Promise<StoredSurvey | undefined> {
    const row = await this.db<SurveyRow>(DEFINITIONS).where({ id }).first();
    return row ? surveyFromRow(row) : undefined;
  }

  /** Creates an active survey; ConflictError when the id is taken. */
  async createSurvey(survey: {
    id: string;
    source: 'config' | 'api';
    definition: SurveyDefinition;
    createdBy?: string;
    now: Date;
  }): Promise<StoredSurvey> {
    const row: SurveyRow = {
      id: survey.id,
      source: survey.source,
      definition: JSON.stringify(survey.definition),
      status: 'active',
      created_by: survey.createdBy ?? null,
      created_at: survey.now,
      updated_at: survey.now,
    };
    const inserted = await this.db<SurveyRow>(DEFINITIONS)
      .insert(row)
      .onConflict('id')
      .ignore()
      .returning('id');
    if (inserted.length === 0) {
      throw new ConflictError(`Survey '${survey.id}' already exists`);
    }
    return surveyFromRow(row);
  }

  /** Replaces a survey's definition; NotFoundError when there is none. */
  async updateSurvey(
    id: string,
    definition: SurveyDefinition,
    now: Date,
  ): Promise<StoredSurvey> {
    return this.updateSurveyRow(id, {
      definition: JSON.stringify(definition),
      updated_at: now,
    });
  }

  async setSurveyStatus(
    id: string,
    status: 'active' | 'archived',
    now: Date,
  ): Promise<StoredSurvey> {
    return this.updateSurveyRow(id, { status, updated_at: now });
  }

  private async updateSurveyRow(
    id: string,
    changes: Partial<SurveyRow>,
  ): Promise<StoredSurvey> {
    const [row] = await this.db<SurveyRow>(DEFINITIONS)
      .where({ id })
      .update(changes)
      .returning('*');
    if (!row) {
      throw new NotFoundError(`Survey '${id}' not found`);
    }
    return surveyFromRow(row as SurveyRow);
  }

  /**
   * Makes the config-defined surveys match config: creates the new ones,
   * updates (and reactivates) the changed ones and archives those no longer
   * listed. Throws ConflictError, writing nothing, when a config survey's id
   * is taken by a survey created through the API.
   */
  async syncConfigSurveys(
    surveys: { id: string; definition: SurveyDefinition }[],
    now: Date,
  ): Promise<ConfigSyncResult> {
    return this.db.transaction(async trx => {
      const existing = new Map(
        (await trx<SurveyRow>(DEFINITIONS).select('*')).map(row => [
          row.id,
          row,
        ]),
      );
      const clashes = surveys
        .filter(s => existing.get(s.id)?.source === 'api')
        .map(s => s.id);
      if (clashes.length > 0) {
        throw new ConflictError(
          `Config survey id${clashes.length > 1 ? 's' : ''} ${clashes
            .map(id => `'${id}'`)
            .join(', ')} already used by ${
            clashes.length > 1 ? 'surveys' : 'a survey'
          } created through the API`,
        );
      }
      const result: ConfigSyncResult = {
        created: [],
        updated: [],
        archived: [],
      };
      const listed = new Set<string>();
      for (const survey of surveys) {
        listed.add(survey.id);
        const definition = JSON.stringify(survey.definition);
        const row = existing.get(survey.id);
        if (!row) {
          // Another replica may sync at the same time: same content.
          await trx<SurveyRow>(DEFINITIONS)
            .insert({
              id: survey.id,
              source: 'config',
              definition,
              status: 'active',
              created_by: null,
              created_at: now,
              updated_at: now,
            })
            .onConflict('id')
            .ignore();
          result.created.push(survey.id);
        } else if (row.definition !== definition || row.status !== 'active') {
          await trx<SurveyRow>(DEFINITIONS)
            .where({ id: survey.id, source: 'config' })
            .update({ definition, status: 'active', updated_at: now });
          result.updated.push(survey.id);
        }
      }
      for (const row of existing.values()) {
        if (
          row.source === 'config' &&
          row.status === 'active' &&
          !listed.has(row.id)
        ) {
          await trx<SurveyRow>(DEFINITIONS)
            .where({ id: row.id, source: 'config' })
            .update({ status: 'archived', updated_at: now });
          result.archived.push(row.id);
        }
      }
      return result;
    });
  }

  // ---------------------------------------------------------------------
  // Waves

  /** Waves, without response counts: those are asked for separately. */
  private waves() {
    return this.db<WaveRow>(`${WAVES} as w`).select('w.*');
  }

  /**
   * How many responses each wave has (every id is a key). A count over the
   * wave's responses: callers cache it rather than ask on every request.
   */
  async responseCounts(waveIds: string[]): Promise<Map<string, number>> {
    const result = new Map<string, number>(waveIds.map(id => [id, 0]));
    if (waveIds.length === 0) {
      return result;
    }
    const rows = (await this.db(RESPONSES)
      .select('wave_id')
      .count({ count: '*' })
      .whereIn('wave_id', waveIds)
      .groupBy('wave_id')) as { wave_id: string; count: unknown }[];
    for (const row of rows) {
      result.set(row.wave_id, num(row.count));
    }
    return result;
  }

  /** Whether a wave has any response: one index probe, not a count. */
  async hasResponses(waveId: string): Promise<boolean> {
    const row = await this.db(RESPONSES)
      .where('wave_id', waveId)
      .first(this.db.raw('1 as found'));
    return row !== undefined;
  }

  /** A survey's waves, oldest first. */
  async listWaves(surveyId: string): Promise<StoredWave[]> {
    const rows = await this.waves()
      .where('w.survey_id', surveyId)
      .orderBy('w.number');
    return rows.map(waveFromRow);
  }

  /** The waves of several surveys, oldest first, by survey id (every id is a key). */
  async listWavesOfSurveys(
    surveyIds: string[],
  ): Promise<Map<string, StoredWave[]>> {
    const result = new Map<string, StoredWave[]>(surveyIds.map(id => [id, []]));
    if (surveyIds.length === 0) {
      return result;
    }
    const rows = await this.waves()
      .whereIn('w.survey_id', [...new Set(surveyIds)])
      .orderBy([{ column: 'w.survey_id' }, { column: 'w.number' }]);
    for (const row of rows) {
      result.get(row.survey_id)!.push(waveFromRow(row));
    }
    return result;
  }

  /**
   * A survey and one of its waves, read in one query (a submission's first
   * step); the wave is missing when it is not one of this survey's.
   */
  async getSurveyWave(
    surveyId: string,
    waveId: string,
  ): Promise<{ survey?: StoredSurvey; wave?: StoredWave }> {
    const row = await this.db(`${DEFINITIONS} as d`)
      .leftJoin(`${WAVES} as w`, join =>
        join.on('w.survey_id', 'd.id').andOnVal('w.id', waveId),
      )
      .where('d.id', surveyId)
      .first('d.*', ...WAVE_COLUMNS.map(c => `w.${c} as wave_${c}`));
    if (!row) {
      return {};
    }
    const waveRow = Object.fromEntries(
      WAVE_COLUMNS.map(c => [c, row[`wave_${c}`]]),
    ) as WaveRow;
    return {
      survey: surveyFromRow(row),
      wave: waveRow.id ? waveFromRow(waveRow) : undefined,
    };
  }

  async getWave(waveId: string): Promise<StoredWave | undefined> {
    const row = await this.waves().where('w.id', waveId).first();
    return row ? waveFromRow(row) : undefined;
  }

  /**
   * The wave `number` of a survey, created with these values unless it
   * exists already (then returned unchanged). Safe against concurrent
   * callers: one insert wins, every caller reads the same wave.
   */
  async ensureWave(wave: {
    surveyId: string;
    number: number;
    opensAt: Date;
    closesAt: Date;
    questions: SurveyQuestion[];
    audienceSize?: number;
  }): Promise<StoredWave> {
    if (!(await this.db(DEFINITIONS).where({ id: wave.surveyId }).first())) {
      throw new NotFoundError(`Survey '${wave.surveyId}' not found`);
    }
    await this.db<WaveRow>(WAVES)
      .insert({
        id: randomUUID(),
        survey_id: wave.surveyId,
        number: wave.number,
        opens_at: wave.opensAt,
        closes_at: wave.closesAt,
        questions: JSON.stringify(wave.questions),
        audience_size: wave.audienceSize ?? null,
        invited_size: null,
        audience_snapshot_at: null,
        notified_at: null,
      })
      .onConflict(['survey_id', 'number'])
      .ignore();
    const row = await this.waves()
      .where('w.survey_id', wave.surveyId)
      .where('w.number', wave.number)
      .first();
    return waveFromRow(row);
  }

  /**
   * Replaces a wave's questions unless it has responses (ConflictError):
   * one conditional statement, so no response slips in between a check and
   * the update.
   */
  async updateWaveQuestions(
    waveId: string,
    questions: SurveyQuestion[],
  ): Promise<void> {
    const updated = await this.db<WaveRow>(WAVES)
      .where('id', waveId)
      .whereNotExists(
        this.db(RESPONSES).select(this.db.raw('1')).where('wave_id', waveId),
      )
      .update({ questions: JSON.stringify(questions) });
    if (updated === 0) {
      await this.requireWave(waveId);
      throw new ConflictError(
        `The questions of wave '${waveId}' are locked because the wave has responses`,
      );
    }
  }

  async markWaveNotified(waveId: string, at: Date): Promise<void> {
    await this.updateWaveRow(waveId, { notified_at: at });
  }

  private async updateWaveRow(
    waveId: string,
    changes: Partial<WaveRow>,
  ): Promise<void> {
    const updated = await this.db<WaveRow>(WAVES)
      .where('id', waveId)
      .update(changes);
    if (updated === 0) {
      throw new NotFoundError(`Survey wave '${waveId}' not found`);
    }
  }

  private async requireWave(waveId: string): Promise<void> {
    if (!(await this.db(WAVES).where('id', waveId).first('id'))) {
      throw new NotFoundError(`Survey wave '${waveId}' not found`);
    }
  }

  /** Waves of active surveys open at `now` whose audience is not yet notified. */
  async wavesToNotify(now: Date): Promise<StoredWave[]> {
    const rows = await this.waves()
      .join(`${DEFINITIONS} as d`, 'd.id', 'w.survey_id')
      .where('d.status', 'active')
      .where('w.opens_at', '<=', now)
      .where('w.closes_at', '>', now)
      .whereNull('w.notified_at')
      .orderBy([{ column: 'w.opens_at' }, { column: 'w.id' }]);
    return rows.map(waveFromRow);
  }

  // ---------------------------------------------------------------------
  // Responses

  /**
   * Stores a response, in one transaction. A person's second response to a
   * wave replaces the first in identified surveys (`updated`) and is
   * rejected in anonymous ones (ConflictError, nothing stored). Concurrent
   * submissions of one person serialise on the participation row.
   */
  async submitResponse(r: NewSurveyResponse): Promise<'created' | 'updated'> {
    if (this.postgres && (await this.insertFirstResponse(r))) {
      return 'created';
    }
    return this.db.transaction(async trx => {
      if (r.checkedAgainst) {
        const current = await this.checkedSurveyQuery(trx, r).first();
        if (!current) {
          throw new StaleSurveyError(r.surveyId);
        }
      }
      // ON CONFLICT DO NOTHING: a conflict does not abort the transaction on
      // PostgreSQL, and a concurrent insert of the same row makes this wait
      // for it to commit (then do nothing) or roll back (then insert).
      const inserted = await trx<ParticipationRow>(PARTICIPATION)
        .insert(participationRow(r))
        .onConflict(['wave_id', 'user_ref'])
        .ignore()
        .returning('wave_id');
      if (inserted.length > 0) {
        const rows = responseRows(r);
        await trx<ResponseRow>(RESPONSES).insert(rows.response);
        await this.insertChildren(trx, rows.answers, rows.comments);
        return 'created';
      }
      if (r.anonymous && !r.receipt?.presented) {
        throw new ConflictError(
          'You have already answered this wave. Anonymous answers can be changed only from the browser they were given in.',
        );
      }
      const groupRef = optionalRef(r.groupRef);
      // Locks the response row: concurrent replacements run one by one. An
      // anonymous response keeps no time, so nothing dates the change.
      const [updated] = await trx<ResponseRow>(RESPONSES)
        .where(
          r.anonymous
            ? {
                wave_id: r.waveId,
                user_ref: null,
                edit_token_hash: r.receipt!.presented!,
              }
            : { wave_id: r.waveId, user_ref: r.userRef },
        )
        .update({
          answers: JSON.stringify(r.answers),
          group_ref: groupRef,
          updated_at: r.anonymous ? null : r.now,
          // Its rewritten rows sit where new rows go: shuffle them again.
          pending_mix: r.anonymous,
        })
        .returning('id');
      if (!updated && r.anonymous) {
        throw new ConflictError(
          'You have already answered this wave, and this browser holds no receipt for that answer. Anonymous answers can be changed only from the browser they were given in.',
        );
      }
      if (!updated) {
        // Answered while the survey was anonymous: that answer has no owner.
        throw new ConflictError(
          'You have already answered this wave anonymously. Anonymous answers cannot be changed.',
        );
      }
      const responseId = (updated as { id: string }).id;
      await trx(ANSWERS).where('response_id', responseId).delete();
      await trx(COMMENTS).where('response_id', responseId).delete();
      await this.insertChildren(
        trx,
        answerRows(responseId, r, groupRef),
        commentRows(responseId, r, groupRef, r.anonymous ? null : dayOf(r.now)),
      );
      if (!r.anonymous) {
        await trx<ParticipationRow>(PARTICIPATION)
          .where({ wave_id: r.waveId, user_ref: r.userRef })
          .update({ responded_at: r.now, asked_nps: r.asksNps });
      }
      return 'updated';
    });
  }

  /**
   * PostgreSQL: a person's first response to a wave in one statement, the
   * rows as data-modifying CTEs that write only when the participation row
   * is new. One statement is atomic, and it saves the five round trips of a
   * transaction, which bound how many submissions a backend takes a second.
   * False, writing nothing, when the person has taken part already.
   */
  private async insertFirstResponse(r: NewSurveyResponse): Promise<boolean> {
    const rows = responseRows(r);
    const insert = (table: string, columns: readonly string[]) => {
      const list = columns.map(c => `"${c}"`).join(', ');
      return `INSERT INTO "${table}" (${list}) SELECT ${list} FROM json_populate_recordset(NULL::"${table}", ?::json)`;
    };
    const ifNew = 'WHERE EXISTS (SELECT 1 FROM p)';
    // g: one row while the survey is as the answers were checked against.
    const checked = r.checkedAgainst
      ? this.checkedSurveyQuery(this.db, r)
      : this.db.select(this.db.raw('1'));
    const [result] = (
      await this.db.raw(
        `WITH g AS (SELECT 1 FROM ? AS checked),
         p AS (${insert(PARTICIPATION, PARTICIPATION_COLUMNS)}
           WHERE EXISTS (SELECT 1 FROM g)
           ON CONFLICT ("wave_id", "user_ref") DO NOTHING RETURNING 1),
         r AS (${insert(RESPONSES, RESPONSE_COLUMNS)} ${ifNew}),
         a AS (${insert(ANSWERS, ANSWER_COLUMNS)} ${ifNew}),
         c AS (${insert(COMMENTS, COMMENT_COLUMNS)} ${ifNew})
         SELECT (SELECT count(*) FROM p)::int AS created,
           EXISTS (SELECT 1 FROM g) AS current`,
        [
          checked,
          JSON.stringify([participationRow(r)]),
          JSON.stringify([rows.response]),
          JSON.stringify(rows.answers),
          JSON.stringify(rows.comments),
        ],
      )
    ).rows as { created: number; current: boolean }[];
    if (!result.current) {
      throw new StaleSurveyError(r.surveyId);
    }
    return result.created > 0;
  }

  /** A row when the survey and wave are still as the answers were checked against. */
  private checkedSurveyQuery(db: Knex, r: NewSurveyResponse) {
    return db(`${WAVES} as w`)
      .join(`${DEFINITIONS} as d`, 'd.id', 'w.survey_id')
      .where('w.id', r.waveId)
      .where('d.id', r.surveyId)
      .where('d.status', 'active')
      .where('d.definition', JSON.stringify(r.checkedAgainst!.definition))
      .where('w.questions', JSON.stringify(r.checkedAgainst!.questions))
      .select(db.raw('1 as found'));
  }

  private async insertChildren(
    trx: Knex.Transaction,
    answers: AnswerRow[],
    comments: CommentRow[],
  ): Promise<void> {
    if (answers.length > 0) {
      await trx<AnswerRow>(ANSWERS).insert(answers);
    }
    if (comments.length > 0) {
      await trx<CommentRow>(COMMENTS).insert(comments);
    }
  }

  /**
   * Inserts many new responses in one transaction, with few statements (for
   * demo data and benchmarks). Fails, inserting nothing, when a person has
   * already answered one of the waves.
   */
  async bulkInsertResponses(responses: NewSurveyResponse[]): Promise<void> {
    if (responses.length === 0) {
      return;
    }
    const participation: ParticipationRow[] = [];
    const responseList: ResponseRow[] = [];
    const answers: AnswerRow[] = [];
    const comments: CommentRow[] = [];
    for (const r of responses) {
      const rows = responseRows(r);
      participation.push(participationRow(r));
      responseList.push(rows.response);
      answers.push(...rows.answers);
      comments.push(...rows.comments);
    }
    await this.db.transaction(async trx => {
      await bulkWrite(trx, PARTICIPATION, PARTICIPATION_COLUMNS, participation);
      await bulkWrite(trx, RESPONSES, RESPONSE_COLUMNS, responseList);
      await bulkWrite(trx, ANSWERS, ANSWER_COLUMNS, answers);
      await bulkWrite(trx, COMMENTS, COMMENT_COLUMNS, comments);
    });
  }

  /** A person's response to a wave of an identified survey. */
  async getResponse(
    waveId: string,
    userRef: string,
  ): Promise<StoredResponse | undefined> {
    const row = await this.db<ResponseRow>(RESPONSES)
      .where({ wave_id: waveId, user_ref: userRef })
      .first();
    if (!row) {
      return undefined;
    }
    return {
      answers: JSON.parse(row.answers),
      // Identified responses always keep their day.
      submittedOn: String(row.submitted_on),
      updatedAt: optionalDate(row.updated_at),
    };
  }

  /**
   * Rewrites the anonymous responses still in arrival order, each wave's
   * with up to `sample` of its older ones drawn at random, in a shuffled
   * order, with their answers and comments. Rows are stored, and read back
   * by a plain SELECT, in the order they were written: new responses sit in
   * the order of the participation rows that name their authors, and on
   * PostgreSQL share their transaction id. Rewritten, a new response is one
   * of a block of rows in random order, written by one transaction.
   * Returns how many responses were rewritten.
   */
  async mixAnonymousResponses(
    options: { sample?: number; random?: () => number } = {},
  ): Promise<number> {
    const sample = options.sample ?? 50;
    const random = options.random ?? Math.random;
    const shuffle = <T>(items: T[]): T[] => {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [items[i], items[j]] = [items[j], items[i]];
      }
      return items;
    };
    const waves = (await this.db<ResponseRow>(RESPONSES)
      .where('pending_mix', true)
      .distinct('wave_id')) as { wave_id: string }[];
    let mixed = 0;
    for (const { wave_id: waveId } of waves) {
      mixed += await this.db.transaction(async trx => {
        if (this.postgres) {
          // Submissions wait for the few milliseconds this takes, rather
          // than change a row that is being moved.
          await trx.raw(
            `LOCK TABLE "${RESPONSES}", "${ANSWERS}", "${COMMENTS}" IN EXCLUSIVE MODE`,
          );
        }
        const pending = await trx<ResponseRow>(RESPONSES).where({
          wave_id: waveId,
          pending_mix: true,
        });
        if (pending.length === 0) {
          return 0;
        }
        const older = await trx<ResponseRow>(RESPONSES)
          .where({ wave_id: waveId, pending_mix: false })
          .whereNull('user_ref')
          .orderByRaw('random()')
          .limit(sample);
        const responses = shuffle([...pending, ...older]).map(row => ({
          ...row,
          pending_mix: false,
        }));
        const ids = responses.map(row => row.id);
        const answers: AnswerRow[] = [];
        const comments: CommentRow[] = [];
        for (const part of chunk(ids, 500)) {
          answers.push(
            ...(await trx<AnswerRow>(ANSWERS).whereIn('response_id', part)),
          );
          comments.push(
            ...(await trx<CommentRow>(COMMENTS).whereIn('response_id', part)),
          );
          await trx(ANSWERS).whereIn('response_id', part).delete();
          await trx(COMMENTS).whereIn('response_id', part).delete();
          await trx(RESPONSES).whereIn('id', part).delete();
        }
        await bulkWrite(trx, RESPONSES, RESPONSE_COLUMNS, responses);
        await bulkWrite(trx, ANSWERS, ANSWER_COLUMNS, shuffle(answers));
        await bulkWrite(trx, COMMENTS, COMMENT_COLUMNS, shuffle(comments));
        return pending.length;
      });
    }
    return mixed;
  }

  // ---------------------------------------------------------------------
  // Participation

  /**
   * Everyone's answers in a time range (from inclusive, to exclusive), by
   * person (refs lowercased): throttling a whole audience at once when a
   * wave opens.
   */
  async participationBetween(
    from: Date,
    to: Date,
  ): Promise<Map<string, Participation[]>> {
    const rows = await this.db<ParticipationRow>(PARTICIPATION)
      .where('responded_at', '>=', from)
      .where('responded_at', '<', to);
    const result = new Map<string, Participation[]>();
    for (const row of rows) {
      const user = row.user_ref.toLocaleLowerCase('en-US');
      const list = result.get(user) ?? [];
      list.push({
        surveyId: row.survey_id,
        waveId: row.wave_id,
        respondedAt: toDate(row.responded_at),
        askedNps: Boolean(row.asked_nps),
      });
      result.set(user, list);
    }
    return result;
  }

  /** The waves a person answered since a time, oldest first. */
  async participationSince(
    userRef: string,
    since: Date,
  ): Promise<Participation[]> {
    const rows = await this.db<ParticipationRow>(PARTICIPATION)
      .where('user_ref', userRef)
      .where('responded_at', '>=', since)
      .orderBy([{ column: 'responded_at' }, { column: 'wave_id' }]);
    return rows.map(row => ({
      surveyId: row.survey_id,
      waveId: row.wave_id,
      respondedAt: toDate(row.responded_at),
      askedNps: Boolean(row.asked_nps),
    }));
  }

  /** Which of these waves a person has answered. */
  async participatedWaves(
    userRef: string,
    waveIds: string[],
  ): Promise<Set<string>> {
    if (waveIds.length === 0) {
      return new Set();
    }
    const rows = await this.db<ParticipationRow>(PARTICIPATION)
      .where('user_ref', userRef)
      .whereIn('wave_id', waveIds)
      .select('wave_id');
    return new Set(rows.map(row => row.wave_id));
  }

  // ---------------------------------------------------------------------
  // Prompt states and trigger events

  async setPromptState(
    userRef: string,
    waveId: string,
    state: 'snoozed' | 'dismissed',
    until?: Date,
  ): Promise<void> {
    await this.db<PromptStateRow>(PROMPT_STATES)
      .insert({
        user_ref: userRef,
        wave_id: waveId,
        state,
        until: until ?? null,
      })
      .onConflict(['user_ref', 'wave_id'])
      .merge(['state', 'until']);
  }

  async promptStates(
    userRef: string,
    waveIds: string[],
  ): Promise<Map<string, PromptState>> {
    const result = new Map<string, PromptState>();
    if (waveIds.length === 0) {
      return result;
    }
    const rows = await this.db<PromptStateRow>(PROMPT_STATES)
      .where('user_ref', userRef)
      .whereIn('wave_id', waveIds);
    for (const row of rows) {
      result.set(row.wave_id, {
        state: row.state as PromptState['state'],
        until: optionalDate(row.until),
      });
    }
    return result;
  }

  /** Records an event for a person, keeping the latest of each event. */
  async recordTriggerEvent(
    userRef: string,
    event: string,
    firedAt: Date,
    context?: object,
  ): Promise<void> {
    await this.db<TriggerEventRow>(TRIGGER_EVENTS)
      .insert({
        user_ref: userRef,
        event,
        fired_at: firedAt,
        context: context === undefined ? null : JSON.stringify(context),
      })
      .onConflict(['user_ref', 'event'])
      .merge(['fired_at', 'context'])
      .where(`${TRIGGER_EVENTS}.fired_at`, '<', firedAt);
  }

  /** When each event last fired for a person. */
  async triggerEvents(userRef: string): Promise<Map<string, Date>> {
    const rows = await this.db<TriggerEventRow>(TRIGGER_EVENTS)
      .where('user_ref', userRef)
      .select('event', 'fired_at');
    return new Map(rows.map(row => [row.event, toDate(row.fired_at)]));
  }

  // ---------------------------------------------------------------------
  // Results

  /** Answers counted per wave, question, team and value. */
  async answerCounts(waveIds: string[]): Promise<AnswerCount[]> {
    if (waveIds.length === 0) {
      return [];
    }
    const columns = [
      'wave_id',
      'question_id',
      'group_ref',
      'value_num',
      'value_text',
    ];
    const rows = (await this.db(ANSWERS)
      .select(columns)
      .count({ count: '*' })
      .whereIn('wave_id', waveIds)
      .groupBy(columns)
      .orderBy(columns)) as (AnswerRow & { count: unknown })[];
    return rows.map(row => ({
      waveId: row.wave_id,
      questionId: row.question_id,
      groupRef: row.group_ref,
      valueNum: numOrNull(row.value_num),
      valueText: row.value_text,
      count: num(row.count),
    }));
  }

  /** Responses counted per wave and team. */
  async responseCountsByGroup(
    waveIds: string[],
  ): Promise<{ waveId: string; groupRef: string | null; count: number }[]> {
    if (waveIds.length === 0) {
      return [];
    }
    const rows = (await this.db(RESPONSES)
      .select('wave_id', 'group_ref')
      .count({ count: '*' })
      .whereIn('wave_id', waveIds)
      .groupBy('wave_id', 'group_ref')
      .orderBy(['wave_id', 'group_ref'])) as {
      wave_id: string;
      group_ref: string | null;
      count: unknown;
    }[];
    return rows.map(row => ({
      waveId: row.wave_id,
      groupRef: row.group_ref,
      count: num(row.count),
    }));
  }

  // ---------------------------------------------------------------------
  // Comments

  /** How many comments each question of a wave has, optionally of some teams. */
  async commentCounts(
    surveyId: string,
    waveId: string,
    groupRefs?: string[],
  ): Promise<Map<string, number>> {
    if (groupRefs?.length === 0) {
      return new Map();
    }
    const query = this.db<CommentRow>(COMMENTS)
      .where({ survey_id: surveyId, wave_id: waveId })
      .select('question_id')
      .count({ n: '*' })
      .groupBy('question_id');
    if (groupRefs) {
      query.whereIn('group_ref', groupRefs.map(normalizeRef));
    }
    const rows = (await query) as unknown as {
      question_id: string;
      n: number | string;
    }[];
    return new Map(rows.map(r => [r.question_id, Number(r.n)]));
  }

  /** Comments, newest first, with how many match in all. */
  async listComments(
    q: CommentQuery,
  ): Promise<{ items: StoredComment[]; total: number }> {
    if (q.waveIds.length === 0 || q.groupRefs?.length === 0) {
      return { items: [], total: 0 };
    }
    const filtered = () => {
      const query = this.db<CommentRow>(COMMENTS)
        .where('survey_id', q.surveyId)
        .whereIn('wave_id', q.waveIds);
      if (q.groupRefs) {
        query.whereIn('group_ref', q.groupRefs.map(normalizeRef));
      }
      if (q.resolved === true) {
        query.whereNotNull('resolved_at');
      } else if (q.resolved === false) {
        query.whereNull('resolved_at');
      }
      if (q.tag !== undefined) {
        // An element of the JSON list equal to the tag, not a substring.
        if (this.sqlite) {
          query.whereRaw(
            `exists (select 1 from json_each(${COMMENTS}.tags) where json_each.value = ?)`,
            [q.tag],
          );
        } else {
          query.whereRaw(`${COMMENTS}.tags::jsonb @> ?::jsonb`, [
            JSON.stringify([q.tag]),
          ]);
        }
      }
      return query;
    };
    const [rows, [{ total }]] = await Promise.all([
      filtered()
        .select('*')
        .orderBy([
          { column: 'submitted_on', order: 'desc' },
          { column: 'id', order: 'asc' },
        ])
        .limit(q.limit)
        .offset(q.offset),
      filtered().count({ total: '*' }),
    ]);
    return { items: rows.map(commentFromRow), total: num(total) };
  }

  async getComment(id: string): Promise<StoredComment | undefined> {
    const row = await this.db<CommentRow>(COMMENTS).where({ id }).first();
    return row ? commentFromRow(row) : undefined;
  }

  /**
   * Tags or resolves a comment; resolving an already resolved comment keeps
   * who resolved it first. Undefined when there is no such comment.
   */
  async updateComment(
    id: string,
    update: { tags?: string[]; resolved?: boolean; by: string; now: Date },
  ): Promise<StoredComment | undefined> {
    return this.db.transaction(async trx => {
      const row = await trx<CommentRow>(COMMENTS)
        .where({ id })
        .modify(query => {
          if (!this.sqlite) {
            query.forUpdate();
          }
        })
        .first();
      if (!row) {
        return undefined;
      }
      const changes: Partial<CommentRow> = {};
      if (update.tags !== undefined) {
        changes.tags = JSON.stringify(update.tags);
      }
      if (update.resolved === true && row.resolved_at === null) {
        changes.resolved_by = update.by;
        changes.resolved_at = update.now;
      } else if (update.resolved === false) {
        changes.resolved_by = null;
        changes.resolved_at = null;
      }
      if (Object.keys(changes).length === 0) {
        return commentFromRow(row);
      }
      await trx<CommentRow>(COMMENTS).where({ id }).update(changes);
      return commentFromRow({ ...row, ...changes });
    });
  }
}
