import { Knex } from 'knex';
import { toDate } from '../../database/rows';
import {
  PARTICIPATION,
  PROMPT_STATES,
  ParticipationRow,
  PromptStateRow,
  TRIGGER_EVENTS,
  TriggerEventRow,
  optionalDate,
} from './surveyRows';
import { Participation, PromptState } from './surveyTypes';

/**
 * Who answered which wave and when, snoozed and dismissed prompts, and
 * trigger events: what decides whom to ask.
 */
export class ParticipationStore {
  constructor(private readonly db: Knex) {}

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
}
