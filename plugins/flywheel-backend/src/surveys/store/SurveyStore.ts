import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  SurveyDefinition,
  SurveyQuestion,
} from '@flywheel/plugin-flywheel-common';
import { num, numOrNull } from '../../database/rows';
import { delegate } from '../../lang/delegate';
import { CommentStore } from './CommentStore';
import { ParticipationStore } from './ParticipationStore';
import { ResponseStore } from './ResponseStore';
import {
  ANSWERS,
  AnswerRow,
  DEFINITIONS,
  RESPONSES,
  SurveyRow,
  WAVES,
  WAVE_COLUMNS,
  WaveRow,
  surveyFromRow,
  waveFromRow,
} from './surveyRows';
import { WaveAudienceStore } from './WaveAudienceStore';
import {
  ConfigSyncResult,
  AnswerCount,
  StoredSurvey,
  StoredWave,
} from './surveyTypes';

export * from './surveyTypes';

/**
 * Persistence of surveys and waves, and the survey domain's other stores
 * (audiences, responses, participation and prompt state, comments) as one
 * object: their methods are bound here, so services and tests call
 * `store.submitResponse(…)` as before.
 */
const RESPONSE_METHODS = [
  'submitResponse',
  'bulkInsertResponses',
  'getResponse',
  'mixAnonymousResponses',
] as const;
const PARTICIPATION_METHODS = [
  'participationBetween',
  'participationSince',
  'participatedWaves',
  'setPromptState',
  'promptStates',
  'recordTriggerEvent',
  'triggerEvents',
] as const;
const COMMENT_METHODS = [
  'commentCounts',
  'listComments',
  'getComment',
  'updateComment',
] as const;

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface SurveyStore
  extends Pick<ResponseStore, (typeof RESPONSE_METHODS)[number]>,
    Pick<ParticipationStore, (typeof PARTICIPATION_METHODS)[number]>,
    Pick<CommentStore, (typeof COMMENT_METHODS)[number]> {}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class SurveyStore {
  /** Waves' audiences, frozen when each opens. */
  readonly audiences: WaveAudienceStore;
  readonly responses: ResponseStore;
  readonly participation: ParticipationStore;
  readonly comments: CommentStore;

  constructor(private readonly db: Knex) {
    this.audiences = new WaveAudienceStore(db);
    this.responses = new ResponseStore(db);
    this.participation = new ParticipationStore(db);
    this.comments = new CommentStore(db);
    Object.assign(
      this,
      delegate(this.responses, RESPONSE_METHODS),
      delegate(this.participation, PARTICIPATION_METHODS),
      delegate(this.comments, COMMENT_METHODS),
    );
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
}
