import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@flywheel/plugin-flywheel-backend',
  'migrations',
);

/**
 * Gets the plugin's database client and brings its schema up to date, unless
 * the operator manages migrations (`backend.database.skipMigrations`, or
 * `backend.database.plugin.flywheel.skipMigrations`).
 */
export async function connectDatabase(
  database: DatabaseService,
): Promise<Knex> {
  const client = await database.getClient();
  if (!database.migrations?.skip) {
    await migrateWhenUnlocked(client);
  }
  return client;
}

/**
 * knex's lock, or (on a fresh database) the race to create knex's own
 * tables that comes before it: PostgreSQL refuses the second CREATE TABLE
 * with a unique violation or "already exists".
 */
function isAnotherReplicaMigrating(error: unknown): boolean {
  const { name, code, message } = (error ?? {}) as {
    name?: string;
    code?: string;
    message?: string;
  };
  return (
    name === 'MigrationLocked' ||
    ((code === '23505' || code === '42P07') &&
      /knex_migrations/.test(message ?? ''))
  );
}

/**
 * knex inserts its lock row after finding the lock table empty, so replicas
 * creating the table together can insert one each; with two rows its lock
 * can never be taken (it must lock exactly one) and every replica would
 * wait for nothing. Keeps one: the locked one, if any.
 */
async function dropDuplicateLockRows(client: Knex): Promise<void> {
  if (!(await client.schema.hasTable('knex_migrations_lock'))) {
    return;
  }
  const rows: { index: number; is_locked: number }[] = await client(
    'knex_migrations_lock',
  )
    .select('index', 'is_locked')
    .orderBy('index');
  if (rows.length < 2) {
    return;
  }
  const keep = rows.find(row => Number(row.is_locked) === 1) ?? rows[0];
  await client('knex_migrations_lock')
    .whereNot('index', keep.index)
    .andWhere('is_locked', 0)
    .delete();
}

/** How long a replica waits for another one's migrations (ms). */
export const MIGRATION_LOCK_WAIT_MS = 5 * 60_000;

/**
 * Brings the schema up to date; when another replica holds knex's
 * migration lock (replicas started together), waits for it to finish and
 * checks again, rather than failing the start the way knex does. A lock
 * held longer than MIGRATION_LOCK_WAIT_MS (a replica killed mid-migration
 * leaves it behind) fails the start with what to do (docs/operations.md).
 */
export async function migrateWhenUnlocked(
  client: Knex,
  options: { waitMs?: number; pollMs?: number } = {},
): Promise<void> {
  const waitMs = options.waitMs ?? MIGRATION_LOCK_WAIT_MS;
  const pollMs = options.pollMs ?? 500;
  const started = Date.now();
  for (;;) {
    try {
      await client.migrate.latest({ directory: migrationsDir });
      return;
    } catch (error) {
      if (!isAnotherReplicaMigrating(error)) {
        throw error;
      }
      await dropDuplicateLockRows(client);
      if (Date.now() - started > waitMs) {
        throw new Error(
          `Flywheel's database migrations have been locked by another process for over ${Math.round(
            waitMs / 1000,
          )} s. If no other replica is starting, a replica stopped mid-migration left the lock behind: release it (docs/operations.md#a-migration-lock-left-behind)`,
        );
      }
      await new Promise(resolve => setTimeout(resolve, pollMs));
    }
  }
}
