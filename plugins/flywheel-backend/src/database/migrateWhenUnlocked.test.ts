import { TestDatabases } from '@backstage/backend-test-utils';
import { knex as createKnex, Knex } from 'knex';
import { migrateWhenUnlocked } from './migrate';

jest.setTimeout(120_000);

describe('migrations when replicas start together', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });
  const others: Knex[] = [];
  afterAll(() => Promise.all(others.map(k => k.destroy())));

  /** A second connection pool on the same database: another replica. */
  const anotherReplica = (knex: Knex) => {
    const other = createKnex({
      client: 'pg',
      connection: knex.client.config.connection,
    });
    others.push(other);
    return other;
  };

  it.each(databases.eachSupportedId())(
    'lets every replica start: one migrates, the others wait for it (%p)',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const replicas = [knex, anotherReplica(knex), anotherReplica(knex)];
      // knex alone fails all but one with MigrationLocked.
      await Promise.all(
        replicas.map(replica => migrateWhenUnlocked(replica, { pollMs: 50 })),
      );
      const [applied] = await knex('knex_migrations').count({ n: '*' });
      const [migrations] = await Promise.all([
        knex.migrate.list({
          directory: `${__dirname}/../../migrations`,
        }),
      ]);
      expect(Number(applied.n)).toBe(migrations[0].length);
      expect(migrations[1]).toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'takes the lock when replicas racing to create it left two lock rows (%p)',
    async databaseId => {
      const knex = await databases.init(databaseId);
      // What two replicas that both found the new lock table empty leave.
      await knex.schema.createTable('knex_migrations', table => {
        table.increments();
        table.string('name');
        table.integer('batch');
        table.timestamp('migration_time');
      });
      await knex.schema.createTable('knex_migrations_lock', table => {
        table.increments('index').primary();
        table.integer('is_locked');
      });
      await knex('knex_migrations_lock').insert([
        { is_locked: 0 },
        { is_locked: 0 },
      ]);
      await migrateWhenUnlocked(knex, { waitMs: 10_000, pollMs: 50 });
      const [, pending] = await knex.migrate.list({
        directory: `${__dirname}/../../migrations`,
      });
      expect(pending).toEqual([]);
      expect(await knex('knex_migrations_lock').select('is_locked')).toEqual([
        { is_locked: 0 },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'fails the start with what to do when a lock is left behind (%p)',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await migrateWhenUnlocked(knex);
      await knex('knex_migrations_lock').update({ is_locked: 1 });
      await expect(
        migrateWhenUnlocked(anotherReplica(knex), { waitMs: 300, pollMs: 50 }),
      ).rejects.toThrow(
        /locked by another process for over 0 s\. If no other replica is starting, a replica stopped mid-migration left the lock behind/,
      );
    },
  );
});
