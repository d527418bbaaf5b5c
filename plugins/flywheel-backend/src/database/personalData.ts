import { Knex } from 'knex';

/**
 * The prefix of every pseudonym Flywheel writes in place of a person: a
 * user entity ref in a namespace no catalog uses, so code that parses refs
 * keeps working and nothing links it back.
 */
export const ERASED_PREFIX = 'user:flywheel-erased/';

/** Puts `pseudonym` in place of a person in one column; returns rows changed. */
export function replacePerson(
  db: Knex | Knex.Transaction,
  table: string,
  column: string,
  userRef: string,
  pseudonym: string,
): Promise<number> {
  return db(table)
    .whereRaw('lower(??) = ?', [column, userRef.toLocaleLowerCase('en-US')])
    .update({ [column]: pseudonym });
}

/** Deletes a person's rows from one table; returns rows deleted. */
export function deletePerson(
  db: Knex | Knex.Transaction,
  table: string,
  column: string,
  userRef: string,
): Promise<number> {
  return db(table)
    .whereRaw('lower(??) = ?', [column, userRef.toLocaleLowerCase('en-US')])
    .delete();
}

/**
 * Detaches the people from rows older than a cutoff: each row gets a
 * pseudonym of its own (from the row's id), so old rows no longer link to
 * a person or to each other. Rows already pseudonymised are left alone.
 */
export function pseudonymiseBefore(
  db: Knex | Knex.Transaction,
  options: {
    table: string;
    column: string;
    idColumn: string;
    /** Rows where this is before the cutoff (a timestamp column). */
    timeColumn: string;
    /** A Date for timestamp columns, a YYYY-MM-DD string for day columns. */
    cutoff: Date | string;
    /** Narrows the rows further. */
    where?: (query: Knex.QueryBuilder) => Knex.QueryBuilder;
  },
): Promise<number> {
  const { table, column, idColumn, timeColumn, cutoff } = options;
  const narrow = options.where ?? (query => query);
  return narrow(db(table))
    .where(timeColumn, '<', cutoff)
    .whereNotNull(column)
    .whereNot(column, 'like', `${ERASED_PREFIX}%`)
    .update({ [column]: db.raw(`? || ??`, [ERASED_PREFIX, idColumn]) });
}
