import { TestDatabases } from '@backstage/backend-test-utils';
import { connectDatabase } from '../database/migrate';
import { ScaffolderRunStore } from './ScaffolderRunStore';

jest.setTimeout(60_000);

describe('ScaffolderRunStore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    const db = await connectDatabase({ getClient: async () => knex });
    return { knex: db, store: new ScaffolderRunStore(db) };
  }

  it.each(databases.eachSupportedId())(
    'stores, normalises and lists runs, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.upsert({
        taskId: 't1',
        templateRef: 'template:default/TS-Service',
        templateVersion: '1.2.0',
        entityRef: 'component:default/Checkout',
        ownerRef: 'group:default/payments',
        userRef: 'user:default/ada',
        startedAt: '2026-11-02T10:00:00.000Z',
        completedAt: '2026-11-02T10:02:05.000Z',
        outcome: 'succeeded',
      });
      await store.upsert({
        taskId: 't2',
        templateRef: 'template:default/web-app',
        outcome: 'failed',
      });

      const runs = await store.list();
      expect(runs).toEqual([
        {
          taskId: 't1',
          templateRef: 'template:default/ts-service',
          templateVersion: '1.2.0',
          entityRef: 'component:default/checkout',
          ownerRef: 'group:default/payments',
          userRef: 'user:default/ada',
          startedAt: new Date('2026-11-02T10:00:00.000Z'),
          completedAt: new Date('2026-11-02T10:02:05.000Z'),
          outcome: 'succeeded',
        },
        {
          taskId: 't2',
          templateRef: 'template:default/web-app',
          templateVersion: undefined,
          entityRef: undefined,
          ownerRef: undefined,
          userRef: undefined,
          startedAt: undefined,
          completedAt: undefined,
          outcome: 'failed',
        },
      ]);
      expect(
        (await store.list({ templateRefs: ['template:default/web-app'] })).map(
          r => r.taskId,
        ),
      ).toEqual(['t2']);
    },
  );

  it.each(databases.eachSupportedId())(
    'treats a second record of the same task as an update, %p',
    async databaseId => {
      const { store, knex } = await createStore(databaseId);
      const run = {
        taskId: 't1',
        templateRef: 'template:default/ts-service',
        outcome: 'failed' as const,
      };
      await store.upsert(run);
      await store.upsert({ ...run, outcome: 'succeeded' });

      const [{ count }] = await knex('flywheel_scaffolder_runs').count({
        count: '*',
      });
      expect(Number(count)).toBe(1);
      expect((await store.list())[0].outcome).toBe('succeeded');
    },
  );

  it.each(databases.eachSupportedId())(
    'never overwrites a recorded run with a synced one, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.upsert({
        taskId: 't1',
        templateRef: 'template:default/ts-service',
        outcome: 'succeeded',
        completedAt: '2026-11-02T10:02:05.000Z',
      });
      expect(
        await store.insertIfAbsent({
          taskId: 't1',
          templateRef: 'template:default/ts-service',
          outcome: 'failed',
        }),
      ).toBe(false);
      expect(
        await store.insertIfAbsent({
          taskId: 't2',
          templateRef: 'template:default/ts-service',
          outcome: 'failed',
        }),
      ).toBe(true);
      const runs = await store.list();
      expect(runs.map(r => [r.taskId, r.outcome])).toEqual([
        ['t1', 'succeeded'],
        ['t2', 'failed'],
      ]);
    },
  );
});
