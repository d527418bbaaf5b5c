import { createHash } from 'node:crypto';
import { Knex } from 'knex';
import { isSqlite } from './engines';
import { chunk } from './rows';

/** Rows per SQLite statement with one JSON parameter: only memory bounds it. */
const SQLITE_JSON_ROWS = 5_000;

/**
 * Rows per PostgreSQL insert. Measured on this project's machine inserting
 * 85,000 result rows of about 900 bytes: prepared statements of 200-500 rows
 * took 1.3-1.4 s (0.8 s of server CPU); one `json_populate_recordset`
 * parameter per 5,000 rows 4.5 s (3.3 s), per 100 rows 2.4 s; unprepared
 * VALUES statements grow slower per row with their length (1,000 rows: 5 s).
 */
const PG_ROWS = 500;

/**
 * Inserts rows, or upserts them with `onConflict`, in as few round trips as
 * the database handles fastest (knex's multi-row insert measured 3-4x slower
 * on both engines for the 200,000 rows of a cold evaluation: SQLite caps a
 * statement at 999 variables, and knex builds and binds every statement
 * anew):
 * - PostgreSQL: prepared multi-row VALUES statements of `PG_ROWS` rows;
 * - SQLite in a transaction on better-sqlite3 (Backstage's SQLite driver):
 *   one prepared statement run per row, with no JSON to build or parse;
 * - SQLite otherwise: one statement per `SQLITE_JSON_ROWS` rows carrying
 *   them as one JSON parameter read with `json_each`.
 * Dates are written as epoch milliseconds on SQLite, the same as knex binds
 * them, so comparisons with bound Dates keep working.
 */
export async function bulkWrite(
  db: Knex,
  table: string,
  columns: readonly string[],
  rows: readonly object[],
  onConflict?: {
    keys: readonly string[];
    /** Columns to update on conflict; default: all but the keys. */
    update?: readonly string[];
    /** SQL expressions for some updated columns instead of `excluded.<column>`. */
    set?: Record<string, string>;
  },
  /**
   * Text columns whose values are JSON already: SQLite's JSON parameter
   * embeds them as JSON rather than as strings, which spares escaping them
   * on the way out and unescaping them in the database.
   */
  jsonColumns: readonly string[] = [],
): Promise<void> {
  if (rows.length === 0) {
    return;
  }
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const head = `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')})`;
  let conflict = '';
  if (onConflict) {
    const update =
      onConflict.update ?? columns.filter(c => !onConflict.keys.includes(c));
    conflict = ` ON CONFLICT (${onConflict.keys.map(quote).join(', ')}) ${
      update.length === 0
        ? 'DO NOTHING'
        : `DO UPDATE SET ${update
            .map(
              c =>
                `${quote(c)} = ${
                  onConflict.set?.[c] ?? `excluded.${quote(c)}`
                }`,
            )
            .join(', ')}`
    }`;
  }
  if (!isSqlite(db)) {
    await pgInsert(db, head, columns, rows, conflict);
    return;
  }
  const connection = await sqliteConnection(db);
  if (connection) {
    const statement = connection.prepare(
      `${head} VALUES (${columns.map(() => '?').join(', ')})${conflict}`,
    );
    // One values array for every row: binding copies them synchronously.
    const values: unknown[] = new Array(columns.length);
    for (const item of rows) {
      const row = item as Record<string, unknown>;
      for (let i = 0; i < columns.length; i++) {
        values[i] = sqliteValue(row[columns[i]]);
      }
      statement.run(values);
    }
    return;
  }
  // Each row a JSON array, with the JSON columns last.
  const plain = columns.filter(c => !jsonColumns.includes(c));
  const order = [...plain, ...jsonColumns];
  const sql = `${head} SELECT ${columns
    .map(c => `json_extract(value, '$[${order.indexOf(c)}]')`)
    .join(', ')} FROM json_each(?) WHERE true${conflict}`;
  const encode = (item: object): string => {
    const row = item as Record<string, unknown>;
    const text = JSON.stringify(
      plain.map(c => {
        const value = row[c];
        return value instanceof Date ? value.valueOf() : value ?? null;
      }),
    );
    // The JSON columns go in before the closing bracket (the key columns
    // are never JSON, so the array is not empty).
    return jsonColumns.length === 0
      ? text
      : `${text.slice(0, -1)},${jsonColumns
          .map(c => row[c] ?? 'null')
          .join(',')}]`;
  };
  for (const part of chunk(rows, SQLITE_JSON_ROWS)) {
    await db.raw(sql, [`[${part.map(encode).join(',')}]`]);
  }
}

type PgConnection = {
  query(config: {
    name?: string;
    text: string;
    values: unknown[];
  }): Promise<unknown>;
};

/** The full-size statement of each head and conflict clause, named. */
const pgStatements = new Map<string, { name: string; text: string }>();

function pgValuesSql(
  head: string,
  columnCount: number,
  rowCount: number,
  conflict: string,
): string {
  const tuples: string[] = [];
  for (let r = 0; r < rowCount; r++) {
    const base = r * columnCount;
    tuples.push(
      `(${Array.from({ length: columnCount }, (_, c) => `$${base + c + 1}`)})`,
    );
  }
  return `${head} VALUES ${tuples.join(', ')}${conflict}`;
}

function pgFullStatement(
  head: string,
  columnCount: number,
  conflict: string,
): { name: string; text: string } {
  const key = `${head}\u0000${conflict}`;
  let statement = pgStatements.get(key);
  if (!statement) {
    const text = pgValuesSql(head, columnCount, PG_ROWS, conflict);
    // Named by its text: the driver prepares a name once per connection and
    // refuses the same name for another text.
    const name = `flywheel_${createHash('sha1')
      .update(text)
      .digest('hex')
      .slice(0, 40)}`;
    statement = { name, text };
    pgStatements.set(key, statement);
  }
  return statement;
}

/**
 * Inserts rows on PostgreSQL in prepared statements of `PG_ROWS` rows, the
 * remainder in one unprepared statement, on the transaction's connection or
 * on one taken from the pool and given back.
 */
async function pgInsert(
  db: Knex,
  /** `INSERT INTO "table" ("column", ...)` */
  head: string,
  columns: readonly string[],
  rows: readonly object[],
  conflict: string,
): Promise<void> {
  const connection = (await db.client.acquireConnection()) as PgConnection;
  try {
    for (let start = 0; start < rows.length; start += PG_ROWS) {
      const count = Math.min(PG_ROWS, rows.length - start);
      const values: unknown[] = new Array(count * columns.length);
      let v = 0;
      for (let r = start; r < start + count; r++) {
        const row = rows[r] as Record<string, unknown>;
        for (const column of columns) {
          values[v++] = row[column] ?? null;
        }
      }
      await connection.query(
        count === PG_ROWS
          ? { ...pgFullStatement(head, columns.length, conflict), values }
          : {
              text: pgValuesSql(head, columns.length, count, conflict),
              values,
            },
      );
    }
  } finally {
    // A transaction's client hands out its own connection and ignores this.
    await db.client.releaseConnection(connection);
  }
}

/** What better-sqlite3 binds: numbers, strings, bigints, buffers, null. */
function sqliteValue(value: unknown): unknown {
  if (value instanceof Date) {
    return value.valueOf(); // as knex binds Dates
  }
  if (typeof value === 'boolean') {
    return value ? 1 : 0;
  }
  return value ?? null;
}

type PreparingConnection = {
  prepare(sql: string): {
    run(values: unknown[]): unknown;
    all(values: unknown[]): unknown[];
  };
};

type PreparedStatement = ReturnType<PreparingConnection['prepare']>;

/** Statements prepared once per better-sqlite3 connection, by SQL text. */
const preparedReads = new WeakMap<object, Map<string, PreparedStatement>>();

/**
 * Runs a read on better-sqlite3 as a statement prepared once per connection,
 * or returns undefined on any other driver (the caller then goes through
 * knex). For small reads on hot paths: knex builds and prepares every
 * statement anew, which cost as much as the read itself for an entity's
 * results (docs/performance.md).
 */
export async function sqlitePreparedRead<T>(
  db: Knex,
  sql: string,
  values: unknown[],
): Promise<T[] | undefined> {
  if (!isSqlite(db)) {
    return undefined;
  }
  const connection = (await db.client.acquireConnection()) as
    | Partial<PreparingConnection>
    | undefined;
  try {
    if (typeof connection?.prepare !== 'function') {
      return undefined;
    }
    let statements = preparedReads.get(connection);
    if (!statements) {
      statements = new Map();
      preparedReads.set(connection, statements);
    }
    let statement = statements.get(sql);
    if (!statement) {
      statement = connection.prepare(sql);
      statements.set(sql, statement);
    }
    return statement.all(values.map(sqliteValue)) as T[];
  } finally {
    // A transaction's client hands out its own connection and ignores this.
    await db.client.releaseConnection(connection);
  }
}

/**
 * The better-sqlite3 connection of a knex transaction, or undefined
 * elsewhere (outside a transaction the connection would have to be taken
 * from and given back to the pool; another SQLite driver has no `prepare`).
 */
async function sqliteConnection(
  db: Knex,
): Promise<PreparingConnection | undefined> {
  if (!(db as Knex.Transaction).isTransaction) {
    return undefined;
  }
  const connection = (await db.client.acquireConnection()) as
    | Partial<PreparingConnection>
    | undefined;
  return typeof connection?.prepare === 'function'
    ? (connection as PreparingConnection)
    : undefined;
}
