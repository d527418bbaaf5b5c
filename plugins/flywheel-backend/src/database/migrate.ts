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
    await client.migrate.latest({ directory: migrationsDir });
  }
  return client;
}
