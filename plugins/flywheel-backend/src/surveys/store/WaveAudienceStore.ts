import { Knex } from 'knex';
import { num } from '../../database/rows';
import { bulkWrite } from '../../database/statements';

const WAVES = 'survey_waves';
const AUDIENCES = 'survey_wave_audiences';
const PARTICIPATION = 'survey_participation';
const PROMPT_STATES = 'survey_prompt_states';

/** How many of a team's own members were in a wave's audience, and invited. */
export interface TeamAudience {
  audience: number;
  invited: number;
}

/**
 * A wave's audience as frozen when it opened: per team, own members only;
 * the key `null` holds people in no team.
 */
export type WaveAudience = Map<string | null, TeamAudience>;

type AudienceRow = {
  wave_id: string;
  group_ref: string;
  audience: number;
  invited: number;
};

const COLUMNS: readonly (keyof AudienceRow)[] = [
  'wave_id',
  'group_ref',
  'audience',
  'invited',
];

/** Survey waves' audiences, frozen once when each wave opens. */
export class WaveAudienceStore {
  constructor(private readonly db: Knex) {}

  /**
   * Freezes a wave's audience and sets its audience and invited totals,
   * unless it is frozen already: then nothing changes and the result is
   * false. One transaction, so replicas racing to freeze it freeze it once.
   */
  async freeze(
    waveId: string,
    audience: WaveAudience,
    at: Date,
  ): Promise<boolean> {
    let audienceSize = 0;
    let invitedSize = 0;
    const rows: AudienceRow[] = [];
    for (const [groupRef, counts] of audience) {
      audienceSize += counts.audience;
      invitedSize += counts.invited;
      rows.push({ wave_id: waveId, group_ref: groupRef ?? '', ...counts });
    }
    return this.db.transaction(async trx => {
      const updated = await trx(WAVES)
        .where('id', waveId)
        .whereNull('audience_snapshot_at')
        .update({
          audience_size: audienceSize,
          invited_size: invitedSize,
          audience_snapshot_at: at,
        });
      if (updated === 0) {
        return false;
      }
      await bulkWrite(trx, AUDIENCES, COLUMNS, rows);
      return true;
    });
  }

  /** The frozen audiences of waves; a wave not frozen has no entry. */
  async audiences(waveIds: string[]): Promise<Map<string, WaveAudience>> {
    const result = new Map<string, WaveAudience>();
    if (waveIds.length === 0) {
      return result;
    }
    const rows = await this.db<AudienceRow>(AUDIENCES).whereIn(
      'wave_id',
      waveIds,
    );
    for (const row of rows) {
      const audience = result.get(row.wave_id) ?? new Map();
      audience.set(row.group_ref || null, {
        audience: num(row.audience),
        invited: num(row.invited),
      });
      result.set(row.wave_id, audience);
    }
    return result;
  }

  /**
   * People not to invite to a wave now (refs lowercased): they answered it,
   * dismissed it, or snoozed it until after `now`.
   */
  async notToInvite(waveId: string, now: Date): Promise<Set<string>> {
    const [answered, declined] = await Promise.all([
      this.db(PARTICIPATION).where('wave_id', waveId).select('user_ref'),
      this.db(PROMPT_STATES)
        .where('wave_id', waveId)
        .where(q =>
          q
            .where('state', 'dismissed')
            .orWhere(s => s.where('state', 'snoozed').where('until', '>', now)),
        )
        .select('user_ref'),
    ]);
    return new Set(
      [...answered, ...declined].map((row: { user_ref: string }) =>
        row.user_ref.toLocaleLowerCase('en-US'),
      ),
    );
  }
}
