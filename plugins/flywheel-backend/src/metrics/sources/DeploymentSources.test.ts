import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  FlywheelDeploymentSource,
  flywheelMetricsExtensionPoint,
} from '@flywheel/plugin-flywheel-node';
import request from 'supertest';
import { connectDatabase } from '../../database/migrate';
import { flywheelPlugin } from '../../plugin';
import { testEntities } from '../../__testUtils__/testCatalog';
import { DeploymentSources } from './DeploymentSources';

jest.setTimeout(60_000);

const deployment = (id: string, finished: string) => ({
  id,
  entityRef: 'component:default/checkout',
  startedDate: finished,
  finishedDate: finished,
});

describe('DeploymentSources', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  it('pulls from the cursor it left, and a failed pull keeps it', async () => {
    const knex = await databases.init('SQLITE_3');
    const db = await connectDatabase({ getClient: async () => knex });
    const stored: string[][] = [];
    const cursors: (string | undefined)[] = [];
    let fail = false;
    const source: FlywheelDeploymentSource = {
      id: 'argo',
      async pull({ cursor }) {
        cursors.push(cursor);
        if (fail) {
          throw new Error('Argo CD is down');
        }
        const n = Number(cursor ?? 0) + 1;
        return {
          deployments: [deployment(`argo-${n}`, '2026-11-04T10:00:00Z')],
          cursor: String(n),
        };
      },
    };
    const sources = new DeploymentSources({
      db,
      ingest: {
        ingestFromSource: async deployments => {
          stored.push(deployments.map(d => d.id));
          return {
            received: deployments.length,
            created: deployments.length,
            updated: 0,
            unchanged: 0,
          };
        },
      },
      logger: mockServices.logger.mock(),
    });
    await sources.pull(source);
    await sources.pull(source);
    fail = true;
    expect(await sources.pull(source)).toBeUndefined();
    fail = false;
    await sources.pull(source);
    expect(cursors).toEqual([undefined, '1', '2', '2']);
    expect(stored).toEqual([['argo-1'], ['argo-2'], ['argo-3']]);
  });

  it('refuses bad and repeated source ids at start', () => {
    const pull = async () => ({ deployments: [] });
    expect(() => DeploymentSources.validate([{ id: 'Argo CD', pull }])).toThrow(
      /lowercase/,
    );
    expect(() =>
      DeploymentSources.validate([
        { id: 'a', pull },
        { id: 'a', pull },
      ]),
    ).toThrow(/added twice/);
  });

  it('stores what a backend module’s source pulls, as posted deployments', async () => {
    const module = createBackendModule({
      pluginId: 'flywheel',
      moduleId: 'test-deployments',
      register(env) {
        env.registerInit({
          deps: { metrics: flywheelMetricsExtensionPoint },
          async init({ metrics }) {
            metrics.addDeploymentSource({
              id: 'test-source',
              async pull() {
                return {
                  deployments: [
                    deployment('src-1', '2026-11-04T10:00:00Z'),
                    deployment('src-2', '2026-11-05T10:00:00Z'),
                  ],
                  cursor: 'done',
                };
              },
            });
          },
        });
      },
    });
    const scheduler = mockServices.scheduler.mock();
    const { server } = await startTestBackend({
      features: [
        flywheelPlugin,
        module,
        scheduler.factory,
        catalogServiceMock.factory({ entities: testEntities }),
      ],
    });
    // The scheduler runs the task once across replicas; here, once by hand.
    const task = scheduler.scheduleTask.mock.calls
      .map(([t]) => t)
      .find(t => t.id === 'flywheel-metrics-source-test-source');
    expect(task?.frequency).toEqual({ minutes: 15 });
    await task!.fn(new AbortController().signal);
    const res = await request(server)
      .get(
        '/api/flywheel/metrics/valueStream.deployments/series?from=2026-11-01&to=2026-12-01&interval=month',
      )
      .set('Authorization', mockCredentials.user.header());
    expect(res.body.total).toMatchObject({ value: 2, sampleSize: 2 });
  });
});
