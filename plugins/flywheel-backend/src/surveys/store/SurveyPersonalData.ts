import { Knex } from 'knex';
import {
  deletePerson,
  pseudonymiseBefore,
  replacePerson,
} from '../../database/personalData';
import { PersonalDataHolder, RowCounts } from '../../interfaces/personalData';
import {
  COMMENTS,
  DEFINITIONS,
  PARTICIPATION,
  PROMPT_STATES,
  RESPONSES,
  TRIGGER_EVENTS,
  WAVES,
} from './surveyRows';

const DAY_MS = 86_400_000;

/**
 * The people in the survey tables: who answered which wave (participation),
 * the person on identified answers, snoozed and dismissed prompts, the
 * events that trigger surveys, who authored surveys and resolved comments.
 * Answers, comments and counts carry no person and are never touched, so
 * results stay as they were.
 */
export class SurveyPersonalData implements PersonalDataHolder {
  constructor(
    private readonly db: Knex,
    private readonly participationDays: number,
  ) {}

  async erase(trx: Knex.Transaction, userRef: string, pseudonym: string) {
    const replace = (table: string, column: string) =>
      replacePerson(trx, table, column, userRef, pseudonym);
    // Participation is pseudonymised, not deleted: response rates count it.
    return {
      [PARTICIPATION]: await replace(PARTICIPATION, 'user_ref'),
      [RESPONSES]: await replace(RESPONSES, 'user_ref'),
      [PROMPT_STATES]: await deletePerson(
        trx,
        PROMPT_STATES,
        'user_ref',
        userRef,
      ),
      [TRIGGER_EVENTS]: await deletePerson(
        trx,
        TRIGGER_EVENTS,
        'user_ref',
        userRef,
      ),
      [DEFINITIONS]: await replace(DEFINITIONS, 'created_by'),
      [COMMENTS]: await replace(COMMENTS, 'resolved_by'),
    };
  }

  /**
   * Once a wave has been closed for `participationDays`: who answered it
   * and who snoozed or dismissed it are deleted (nobody can answer it any
   * more, and throttling looks back less far), and its identified answers
   * lose their person. Trigger events older than that are deleted.
   */
  async purge(now: Date): Promise<RowCounts> {
    const cutoff = new Date(now.getTime() - this.participationDays * DAY_MS);
    const closedWaves = () =>
      this.db(WAVES).where('closes_at', '<', cutoff).select('id');
    return {
      [PARTICIPATION]: await this.db(PARTICIPATION)
        .whereIn('wave_id', closedWaves())
        .delete(),
      [PROMPT_STATES]: await this.db(PROMPT_STATES)
        .whereIn('wave_id', closedWaves())
        .delete(),
      [RESPONSES]: await pseudonymiseBefore(this.db, {
        table: RESPONSES,
        column: 'user_ref',
        idColumn: 'id',
        timeColumn: 'submitted_on',
        cutoff: cutoff.toISOString().slice(0, 10),
        where: query => query.whereIn('wave_id', closedWaves()),
      }),
      [TRIGGER_EVENTS]: await this.db(TRIGGER_EVENTS)
        .where('fired_at', '<', cutoff)
        .delete(),
    };
  }
}
