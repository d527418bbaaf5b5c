import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { CatalogReader } from '../catalog/CatalogReader';
import { connectDatabase } from '../database/migrate';
import { testEntities } from '../__testUtils__/testCatalog';
import { GoldenPathCatalog } from './GoldenPathCatalog';
import { GoldenPathService } from './GoldenPathService';
import { testGoldenPathService } from '../__testUtils__/goldenPathService';
import { ScaffolderRunStore } from './ScaffolderRunStore';

jest.setTimeout(60_000);

describe('GoldenPathCatalog', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  async function setup() {
    const knex = await databases.init('SQLITE_3');
    const runs = new ScaffolderRunStore(
      await connectDatabase({ getClient: async () => knex }),
    );
    const reader = new CatalogReader(
      catalogServiceMock({ entities: testEntities }),
    );
    const listComponents = jest.spyOn(reader, 'listComponents');
    const goldenPaths: GoldenPathService = testGoldenPathService({
      catalog: reader,
      runs,
    });
    const catalog = new GoldenPathCatalog({
      catalog: reader,
      auth: mockServices.auth(),
      insights: goldenPaths,
      ttlMs: 0,
    });
    return { catalog, listComponents, runs };
  }

  it('reads the catalog with the plugin’s own credentials, each component with its origin', async () => {
    const { catalog, listComponents } = await setup();
    const snapshot = await catalog.snapshot();
    expect(listComponents.mock.calls[0][0].principal).toMatchObject({
      type: 'service',
    });
    expect(snapshot.templates.map(t => t.metadata.name)).toEqual([
      'ts-service',
      'web-app',
    ]);
    expect(
      snapshot.byPath
        .get('template:default/ts-service')
        ?.map(c => c.entityRef)
        .sort(),
    ).toEqual([
      'component:default/checkout',
      'component:default/ledger',
      'component:default/refunds',
    ]);
    expect(
      snapshot.components.find(c => c.entityRef === 'component:default/portal')
        ?.origin,
    ).toMatchObject({
      isGoldenPath: true,
      templateRef: 'template:default/web-app',
    });
  });

  it('gives the same object while nothing changed, and a new one after a run is recorded', async () => {
    const { catalog, runs } = await setup();
    const first = await catalog.snapshot();
    expect(await catalog.snapshot()).toBe(first);
    await runs.upsert({
      taskId: 't-1',
      templateRef: 'template:default/ts-service',
      entityRef: 'component:default/handmade',
      outcome: 'succeeded',
      userRef: 'user:default/ada',
      startedAt: '2026-11-02T10:00:00Z',
      completedAt: '2026-11-02T10:01:00Z',
    });
    const second = await catalog.snapshot();
    expect(second).not.toBe(first);
    expect(
      second.components.find(c => c.entityRef === 'component:default/handmade')
        ?.origin,
    ).toMatchObject({ createdBy: 'user:default/ada' });
  });
});
