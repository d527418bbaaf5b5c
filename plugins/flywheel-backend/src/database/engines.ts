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

/**
 * `column IN (values)` (or NOT IN) with the values bound as one JSON array,
 * so any number of them fits one statement on both engines.
 */
export function inList(
  sqlite: boolean,
  column: string,
  values: readonly string[],
  not?: 'not',
): [string, string[]] {
  const list = sqlite
    ? 'SELECT value FROM json_each(?)'
    : 'SELECT jsonb_array_elements_text(CAST(? AS jsonb))';
  return [
    `${column} ${not ? 'NOT IN' : 'IN'} (${list})`,
    [JSON.stringify(values)],
  ];
}
