import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { DateTime } from 'luxon';
import { connectDatabase } from '../database/migrate';
import { ScaffolderRunStore } from './ScaffolderRunStore';
import { ScaffolderTask, ScaffolderTaskSync } from './ScaffolderTaskSync';

const task = (
  id: string,
  status: string,
  templateRef: string,
  createdAt = '2026-11-20T10:00:00.000Z',
): ScaffolderTask => ({
  id,
  status,
  createdAt,
  lastHeartbeatAt: '2026-11-20T10:00:30.000Z',
  createdBy: 'user:default/ada',
  spec: {
    templateInfo: {
      entityRef: templateRef,
      entity: {
        metadata: { annotations: { 'flywheel.dev/template-version': '1.2.0' } },
      },
    },
    parameters: { name: id, owner: 'group:default/payments' },
  },
});

describe('ScaffolderTaskSync', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  // The sync writes runs through the store: on every engine.
  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('adds failed and unrecorded runs of golden paths only, once', async () => {
      const knex = await databases.init(databaseId);
      const runs = new ScaffolderRunStore(
        await connectDatabase({ getClient: async () => knex }),
      );
      await runs.upsert({
        taskId: 'recorded',
        templateRef: 'template:default/ts-service',
        outcome: 'succeeded',
        startedAt: '2026-11-20T10:00:00.000Z',
        completedAt: '2026-11-20T10:00:12.000Z',
      });
      const tasks: Record<string, ScaffolderTask[]> = {
        failed: [
          task('broken', 'failed', 'template:default/ts-service'),
          task('other', 'failed', 'template:default/not-a-golden-path'),
        ],
        completed: [
          task('recorded', 'completed', 'template:default/ts-service'),
          task('unrecorded', 'completed', 'template:default/TS-Service'),
        ],
      };
      const fetchTasks = jest.fn(async ({ status, offset }) =>
        offset === 0 ? tasks[status] : [],
      );
      const sync = new ScaffolderTaskSync(
        runs,
        fetchTasks,
        mockServices.logger.mock(),
        () => DateTime.fromISO('2026-11-25T00:00:00Z'),
      );

      const golden = new Set(['template:default/ts-service']);
      expect(await sync.sync(golden)).toBe(2);
      expect(await sync.sync(golden)).toBe(0);

      const stored = await runs.list();
      expect(stored.map(r => [r.taskId, r.outcome])).toEqual([
        ['broken', 'failed'],
        ['recorded', 'succeeded'],
        ['unrecorded', 'succeeded'],
      ]);
      expect(stored.find(r => r.taskId === 'broken')).toMatchObject({
        templateVersion: '1.2.0',
        ownerRef: 'group:default/payments',
        userRef: 'user:default/ada',
        startedAt: new Date('2026-11-20T10:00:00.000Z'),
        completedAt: new Date('2026-11-20T10:00:30.000Z'),
      });
      // the action's exact completion time is kept
      expect(stored.find(r => r.taskId === 'recorded')?.completedAt).toEqual(
        new Date('2026-11-20T10:00:12.000Z'),
      );
    });

    it('pages until tasks are older than the look-back window', async () => {
      const knex = await databases.init(databaseId);
      const runs = new ScaffolderRunStore(
        await connectDatabase({ getClient: async () => knex }),
      );
      const page = (offset: number, createdAt: string) =>
        Array.from({ length: 100 }, (_, i) =>
          task(`t${offset + i}`, 'completed', 'template:default/x', createdAt),
        );
      const fetchTasks = jest.fn(async ({ status, offset }) => {
        if (status === 'failed') return [];
        if (offset === 0) return page(0, '2026-11-01T00:00:00.000Z');
        if (offset === 100) return page(100, '2025-01-01T00:00:00.000Z');
        throw new Error('paged past the look-back window');
      });
      const sync = new ScaffolderTaskSync(
        runs,
        fetchTasks,
        mockServices.logger.mock(),
        () => DateTime.fromISO('2026-11-25T00:00:00Z'),
      );
      expect(await sync.sync(new Set(['template:default/x']))).toBe(200);
      expect(fetchTasks).toHaveBeenCalledTimes(3);
    });
  });

  // Errors of the scaffolder's API: the engine does not matter.

  it('warns once and syncs nothing when the scaffolder is not installed', async () => {
    const knex = await databases.init('SQLITE_3');
    const runs = new ScaffolderRunStore(
      await connectDatabase({ getClient: async () => knex }),
    );
    const logger = mockServices.logger.mock();
    const fetchMock = jest
      .spyOn(global, 'fetch')
      .mockResolvedValue(new Response('Not found', { status: 404 }));
    try {
      const sync = ScaffolderTaskSync.fromDiscovery({
        runs,
        discovery: mockServices.discovery(),
        auth: mockServices.auth(),
        logger,
      });
      const added = [
        await sync.sync(new Set(['template:default/x'])),
        await sync.sync(new Set(['template:default/x'])),
      ];
      expect({
        added,
        url: String(fetchMock.mock.calls[0][0]),
        warnings: logger.warn.mock.calls.map(c => c[0]),
      }).toEqual({
        added: [0, 0],
        url: expect.stringMatching(
          /\/api\/scaffolder\/v2\/tasks\?status=failed/,
        ),
        warnings: [expect.stringContaining('scaffolder backend answered 404')],
      });
    } finally {
      fetchMock.mockRestore();
    }
  });

  it('fails the sync on other scaffolder errors', async () => {
    const knex = await databases.init('SQLITE_3');
    const runs = new ScaffolderRunStore(
      await connectDatabase({ getClient: async () => knex }),
    );
    const fetchMock = jest.spyOn(global, 'fetch').mockResolvedValue(
      new Response(
        JSON.stringify({ error: { name: 'Error', message: 'down' } }),
        {
          status: 503,
          headers: { 'content-type': 'application/json' },
        },
      ),
    );
    try {
      const sync = ScaffolderTaskSync.fromDiscovery({
        runs,
        discovery: mockServices.discovery(),
        auth: mockServices.auth(),
        logger: mockServices.logger.mock(),
      });
      await expect(sync.sync(new Set(['template:default/x']))).rejects.toThrow(
        /503/,
      );
    } finally {
      fetchMock.mockRestore();
    }
  });
});
