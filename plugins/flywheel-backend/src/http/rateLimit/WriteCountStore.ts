import { Knex } from 'knex';
import type { IncrementResponse, Store } from 'express-rate-limit';
import { deletePerson } from '../../database/personalData';
import { PersonalDataHolder } from '../../interfaces/personalData';

const TABLE = 'flywheel_write_counts';

/**
 * express-rate-limit's counter in the plugin's database: fixed windows,
 * one row per caller and window, so all replicas share one budget per
 * person. Each increment is one upsert; old windows are deleted once per
 * window by whichever replica first sees it roll over.
 */
export class WriteCountStore implements Store {
  /** Counts are shared with the other replicas, not kept in this process. */
  readonly localKeys = false;
  private prunedBefore = 0;

  constructor(
    private readonly db: Knex,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async increment(key: string): Promise<IncrementResponse> {
    const windowStart = this.windowStart();
    const [row] = await this.db(TABLE)
      .insert({ caller: key, window_start: windowStart, hits: 1 })
      .onConflict(['caller', 'window_start'])
      .merge({ hits: this.db.raw('?? + 1', [`${TABLE}.hits`]) })
      .returning('hits');
    await this.pruneOldWindows(windowStart);
    return {
      totalHits: Number(row.hits),
      resetTime: new Date(windowStart + this.windowMs),
    };
  }

  async get(key: string): Promise<IncrementResponse | undefined> {
    const windowStart = this.windowStart();
    const row = await this.db(TABLE)
      .where({ caller: key, window_start: windowStart })
      .first('hits');
    return row
      ? {
          totalHits: Number(row.hits),
          resetTime: new Date(windowStart + this.windowMs),
        }
      : undefined;
  }

  async decrement(key: string): Promise<void> {
    await this.db(TABLE)
      .where({ caller: key, window_start: this.windowStart() })
      .where('hits', '>', 0)
      .decrement('hits', 1);
  }

  async resetKey(key: string): Promise<void> {
    await this.db(TABLE).where({ caller: key }).delete();
  }

  private windowStart(): number {
    const now = this.now();
    return now - (now % this.windowMs);
  }

  private async pruneOldWindows(windowStart: number) {
    if (windowStart <= this.prunedBefore) {
      return;
    }
    this.prunedBefore = windowStart;
    await this.db(TABLE).where('window_start', '<', windowStart).delete();
  }
}

/** The write counts of a person: deleted on erasure (they age out in two minutes anyway). */
export const writeCountPersonalData: PersonalDataHolder = {
  async erase(trx, userRef) {
    return { [TABLE]: await deletePerson(trx, TABLE, 'caller', userRef) };
  },
};
