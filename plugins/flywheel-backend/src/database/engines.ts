import { Knex } from 'knex';

/** The knex client's name as configured, or its dialect. */
function clientName(db: Knex): string {
  const client = db.client.config?.client;
  return String(typeof client === 'string' ? client : db.client.dialect);
}

export function isSqlite(db: Knex): boolean {
  return clientName(db).includes('sqlite');
}

export function isPostgres(db: Knex): boolean {
  return ['pg', 'postgres', 'postgresql'].includes(clientName(db));
}

/**
 * How many bound values one statement may carry: SQLite builds may be
 * compiled with a limit of 999; PostgreSQL allows 65535 and prefers fewer,
 * larger statements.
 */
export function variableBudget(db: Knex): number {
  return isSqlite(db) ? 999 : 16_000;
}
