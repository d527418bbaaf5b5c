import { JsonObject } from '@backstage/types';
import { knex } from 'knex';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { log } from './log';

/** PostgreSQL server (override with FLYWHEEL_BENCH_PG). */
export const PG_DEFAULT = 'postgresql://postgres:postgres@localhost:5432';

export const pgConnectionString = () =>
  process.env.FLYWHEEL_BENCH_PG ?? PG_DEFAULT;

/**
 * Where a run keeps every plugin's database: SQLite in memory (as Backstage
 * development setups do), SQLite in files (one per plugin; on tmpfs or on
 * disk), or scratch PostgreSQL databases `<name>_<pid>_<plugin>`.
 */
export type Storage =
  | { engine: 'sqlite-memory' }
  | { engine: 'sqlite-files'; on: 'tmpfs' | 'disk' }
  | { engine: 'pg' };

export interface ScratchDatabases {
  /** `backend.database` for the benchmark's backend. */
  config: JsonObject;
  /** The SQLite files' directory, with `sqlite-files`. */
  sqliteDirectory?: string;
  /** Drops the PostgreSQL databases or deletes the files; never throws. */
  remove(): Promise<void>;
}

/** Drops every database whose name starts with `prefix`. */
export async function dropScratchDatabases(prefix: string) {
  const admin = knex({
    client: 'pg',
    connection: {
      connectionString: pgConnectionString(),
      database: 'postgres',
    },
  });
  try {
    const { rows } = await admin.raw(
      'SELECT datname FROM pg_database WHERE starts_with(datname, ?)',
      [prefix],
    );
    for (const { datname } of rows as { datname: string }[]) {
      await admin.raw(
        `DROP DATABASE IF EXISTS "${datname.replace(/"/g, '""')}" WITH (FORCE)`,
      );
    }
  } finally {
    await admin.destroy();
  }
}

/**
 * Fresh, empty databases for one run. `name` tells them apart from another
 * benchmark's (e.g. `flywheel_bench_surveys`); the process id from another
 * run of the same benchmark.
 */
export async function createScratchDatabases(
  storage: Storage,
  name: string,
): Promise<ScratchDatabases> {
  if (storage.engine === 'sqlite-memory') {
    return {
      config: { client: 'better-sqlite3', connection: ':memory:' },
      remove: async () => {},
    };
  }
  if (storage.engine === 'sqlite-files') {
    // tmpfs when the run restarts the backend on the same data and wants no
    // disk in its figures; disk when the page cache is what is measured.
    const parent =
      storage.on === 'tmpfs' && existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
    const directory = mkdtempSync(
      join(parent, `${name.replace(/_/g, '-')}-${process.pid}-`),
    );
    return {
      config: { client: 'better-sqlite3', connection: { directory } },
      sqliteDirectory: directory,
      remove: async () => rmSync(directory, { recursive: true, force: true }),
    };
  }
  const prefix = `${name}_${process.pid}_`;
  await dropScratchDatabases(prefix);
  return {
    config: {
      client: 'pg',
      connection: pgConnectionString(),
      prefix,
      pluginDivisionMode: 'database',
    },
    remove: async () => {
      await dropScratchDatabases(prefix).catch(e =>
        log(`could not drop the scratch databases ${prefix}*: ${e}`),
      );
    },
  };
}
