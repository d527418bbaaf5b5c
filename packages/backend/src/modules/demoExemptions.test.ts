import {
  createBackendPlugin,
  resolvePackagePath,
  SchedulerServiceTaskInvocationDefinition,
} from '@backstage/backend-plugin-api';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  DEMO_EXEMPTION,
  flywheelModuleDemoExemptions,
  seedDemoExemptions,
} from './demoExemptions';

jest.setTimeout(120_000);

type Knex = Awaited<ReturnType<TestDatabases['init']>>;

const migrations = resolvePackagePath(
  '@flywheel/plugin-flywheel-backend',
  'migrations',
);

const NOW = new Date('2026-12-06T09:00:00.000Z');
const DAY_MS = 86_400_000;

/** PostgreSQL hands back Dates, SQLite what was bound (epoch milliseconds). */
const time = (value: unknown) =>
  value === null
    ? null
    : new Date(value instanceof Date ? value : Number(value)).toISOString();

async function readExemptions(knex: Knex) {
  const rows = await knex('scorecard_exemptions').orderBy('id');
  return rows.map(row => ({
    ...row,
    requested_at: time(row.requested_at),
    expires_at: time(row.expires_at),
    decided_at: time(row.decided_at),
    revoked_at: time(row.revoked_at),
  }));
}

describe('demo exemptions', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function migrated(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: migrations });
    return knex;
  }

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    it('waits for the table, then writes one pending request, once', async () => {
      const knex = await databases.init(databaseId);
      expect(await seedDemoExemptions(knex, { now: NOW })).toEqual({
        status: 'waiting',
        reason: 'no table scorecard_exemptions yet',
      });

      await knex.migrate.latest({ directory: migrations });
      expect(await seedDemoExemptions(knex, { now: NOW })).toEqual({
        status: 'done',
        inserted: 1,
      });
      const seeded = await readExemptions(knex);
      expect(seeded).toEqual([
        {
          id: DEMO_EXEMPTION.id,
          entity_ref: 'component:default/checkout-api',
          scorecard_id: 'golden-path-adoption',
          check_id: 'current-template-version',
          justification: DEMO_EXEMPTION.justification,
          requested_by: 'user:default/liam.obrien',
          requested_at: new Date(NOW.getTime() - 2 * DAY_MS).toISOString(),
          expires_at: new Date(NOW.getTime() + 90 * DAY_MS).toISOString(),
          status: 'pending',
          decided_by: null,
          decided_at: null,
          decision_note: null,
          revoked_by: null,
          revoked_at: null,
          revoke_note: null,
        },
      ]);
      // A justification Flywheel would accept (at least 10 characters).
      expect(DEMO_EXEMPTION.justification.trim().length).toBeGreaterThan(10);

      // Again, later: nothing.
      const later = new Date(NOW.getTime() + DAY_MS);
      expect(await seedDemoExemptions(knex, { now: later })).toEqual({
        status: 'done',
        inserted: 0,
        reason: 'already seeded',
      });
      expect(await readExemptions(knex)).toEqual(seeded);

      // Nor once it has been decided: the demo asks once.
      await knex('scorecard_exemptions').where('id', DEMO_EXEMPTION.id).update({
        status: 'rejected',
        decided_by: 'user:default/guest',
        decided_at: later,
        decision_note: 'Upgrade first',
      });
      expect(await seedDemoExemptions(knex, { now: later })).toMatchObject({
        status: 'done',
        inserted: 0,
      });
      expect(await readExemptions(knex)).toHaveLength(1);
    });

    it('writes nothing when the check already has an exemption', async () => {
      const knex = await migrated(databaseId);
      // The guest asked first (approved and since revoked, even).
      const theirs = {
        id: '00000000-0000-4000-8000-000000000001',
        entity_ref: DEMO_EXEMPTION.entityRef,
        scorecard_id: DEMO_EXEMPTION.scorecardId,
        check_id: DEMO_EXEMPTION.checkId,
        justification: 'Waiting for the cut-over',
        requested_by: 'user:default/guest',
        requested_at: NOW,
        expires_at: new Date(NOW.getTime() + 30 * DAY_MS),
        status: 'revoked',
        decided_by: 'user:default/zara.ahmed',
        decided_at: NOW,
        decision_note: null,
        revoked_by: 'user:default/zara.ahmed',
        revoked_at: NOW,
        revoke_note: null,
      };
      await knex('scorecard_exemptions').insert(theirs);
      expect(await seedDemoExemptions(knex, { now: NOW })).toEqual({
        status: 'done',
        inserted: 0,
        reason: `the check already has exemption ${theirs.id}`,
      });
      expect((await readExemptions(knex)).map(row => row.id)).toEqual([
        theirs.id,
      ]);

      // Another check of the entity, or another entity, does not count.
      const other = await migrated(databaseId);
      await other('scorecard_exemptions').insert([
        { ...theirs, check_id: 'has-techdocs', status: 'pending' },
        {
          ...theirs,
          id: '00000000-0000-4000-8000-000000000002',
          entity_ref: 'component:default/cart-service',
          status: 'pending',
        },
      ]);
      expect(await seedDemoExemptions(other, { now: NOW })).toEqual({
        status: 'done',
        inserted: 1,
      });
      expect(await readExemptions(other)).toHaveLength(3);
    });

    it('runs as a task when enabled, and stops once done', async () => {
      const knex = await databases.init(databaseId);
      const tasks: SchedulerServiceTaskInvocationDefinition[] = [];
      const scheduler = mockServices.scheduler.mock({
        scheduleTask: async task => {
          tasks.push(task);
        },
      });
      const flywheel = createBackendPlugin({
        pluginId: 'flywheel',
        register(env) {
          env.registerInit({ deps: {}, async init() {} });
        },
      });
      const features = (data: object) => [
        flywheel,
        flywheelModuleDemoExemptions,
        mockServices.database.factory({ knex }),
        scheduler.factory,
        mockServices.rootConfig.factory({ data }),
      ];
      const backend = await startTestBackend({
        features: features({ flywheelExample: { demoExemptions: true } }),
      });
      expect(tasks).toHaveLength(1);
      // Before Flywheel has migrated: keeps trying.
      await tasks[0].fn(new AbortController().signal);
      expect(tasks[0].signal?.aborted).toBe(false);
      await knex.migrate.latest({ directory: migrations });
      await tasks[0].fn(new AbortController().signal);
      expect(tasks[0].signal?.aborted).toBe(true);
      expect(await readExemptions(knex)).toMatchObject([
        { id: DEMO_EXEMPTION.id, status: 'pending' },
      ]);
      await backend.stop();

      const disabled = await startTestBackend({ features: features({}) });
      expect(tasks).toHaveLength(1);
      await disabled.stop();
    });
  });
});
