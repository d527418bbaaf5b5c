/*
 * What each domain declares about the people in its tables, so that one
 * erasure (a data-subject request) and one retention task cover them all:
 * the privacy service in the base layer calls every holder, and a domain
 * with people in its tables registers one in plugin.ts.
 */
import { Knex } from 'knex';

/** Rows changed per table: `{ survey_participation: 3 }`. */
export type RowCounts = Record<string, number>;

export interface PersonalDataHolder {
  /**
   * Removes what the domain holds about one person (their user entity ref,
   * matched case-insensitively) or puts `pseudonym` in its place where a
   * record must stay for the domain's aggregates or audit trail. Runs inside
   * the erasure's transaction, so an erasure lands whole or not at all.
   */
  erase(
    trx: Knex.Transaction,
    userRef: string,
    pseudonym: string,
  ): Promise<RowCounts>;
  /**
   * Deletes or pseudonymises what is older than the domain's retention
   * settings. Absent when a domain has no retention of its own here.
   */
  purge?(now: Date): Promise<RowCounts>;
}
