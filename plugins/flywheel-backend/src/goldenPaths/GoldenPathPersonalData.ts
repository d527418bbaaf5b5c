import { Knex } from 'knex';
import { pseudonymiseBefore, replacePerson } from '../database/personalData';
import { PersonalDataHolder } from '../interfaces/personalData';

const RUNS = 'flywheel_scaffolder_runs';
const DAY_MS = 86_400_000;

/**
 * Who ran a golden-path template. The runs stay (adoption and success
 * rates count them); the person is replaced on erasure and detached after
 * `runDays`.
 */
export class GoldenPathPersonalData implements PersonalDataHolder {
  constructor(private readonly db: Knex, private readonly runDays: number) {}

  async erase(trx: Knex.Transaction, userRef: string, pseudonym: string) {
    return {
      [RUNS]: await replacePerson(trx, RUNS, 'user_ref', userRef, pseudonym),
    };
  }

  async purge(now: Date) {
    const cutoff = new Date(now.getTime() - this.runDays * DAY_MS);
    // A run is dated by when it finished, or started if it never did.
    const finished = await pseudonymiseBefore(this.db, {
      table: RUNS,
      column: 'user_ref',
      idColumn: 'task_id',
      timeColumn: 'completed_at',
      cutoff,
    });
    const unfinished = await pseudonymiseBefore(this.db, {
      table: RUNS,
      column: 'user_ref',
      idColumn: 'task_id',
      timeColumn: 'started_at',
      cutoff,
      where: query => query.whereNull('completed_at'),
    });
    return { [RUNS]: finished + unfinished };
  }
}
