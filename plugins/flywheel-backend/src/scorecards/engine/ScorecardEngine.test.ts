import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { FlywheelFactProvider } from '@flywheel/plugin-flywheel-node';
import { CatalogReader } from '../../catalog/CatalogReader';
import { connectDatabase } from '../../database/migrate';
import { GoldenPathInsights } from '../../goldenPaths/GoldenPathService';
import { testEntities } from '../../goldenPaths/testData';
import { builtinCheckTypes, checkTypesById } from '../checks';
import { parseScorecards } from '../config';
import { ScorecardStore } from '../store/ScorecardStore';
import { ScorecardEngine } from './ScorecardEngine';

jest.setTimeout(120_000);

const checkTypes = checkTypesById(builtinCheckTypes);
const scorecards = parseScorecards(
  [
    {
      id: 'ops',
      title: 'Ops',
      checks: [
        {
          id: 'owner',
          title: 'Owner',
          type: 'catalog.relation',
          relation: 'ownedBy',
        },
        {
          id: 'docs',
          title: 'Docs',
          type: 'catalog.annotation',
          annotation: 'backstage.io/techdocs-ref',
          level: 'silver',
        },
        {
          id: 'oncall',
          title: 'On call',
          type: 'fact',
          provider: 'oncall',
          fact: 'rotation',
          level: 'gold',
        },
      ],
    },
  ],
  {
    checkTypes,
    validation: { factProviders: new Set(['oncall']), metrics: new Set() },
  },
);

const noInsights: GoldenPathInsights = {
  provenance: () => undefined,
  metric: () => undefined,
};

describe('ScorecardEngine', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function setup(
    databaseId: Parameters<typeof databases.init>[0],
    provider: FlywheelFactProvider,
  ) {
    const knex = await databases.init(databaseId);
    const db = await connectDatabase({ getClient: async () => knex });
    const store = new ScorecardStore(db);
    let entities: Entity[] = testEntities;
    const catalog = {
      streamEntities: (...args: any[]) =>
        (catalogServiceMock({ entities }) as any).streamEntities(...args),
      getEntitiesByRefs: (...args: any[]) =>
        (catalogServiceMock({ entities }) as any).getEntitiesByRefs(...args),
      getEntityByRef: (...args: any[]) =>
        (catalogServiceMock({ entities }) as any).getEntityByRef(...args),
    };
    const engine = new ScorecardEngine({
      scorecards,
      checkTypes,
      store,
      catalog: new CatalogReader(catalog as any),
      goldenPaths: { entityInsights: async () => noInsights },
      factProviders: [provider],
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      batchSize: 3,
    });
    return {
      store,
      engine,
      setEntities: (next: Entity[]) => {
        entities = next;
      },
    };
  }

  const provider: FlywheelFactProvider = {
    id: 'oncall',
    getFacts: async batch =>
      new Map(
        batch.map(e => [
          `component:default/${e.metadata.name}`,
          { rotation: e.metadata.name === 'checkout' },
        ]),
      ),
  };

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('evaluates the catalog in batches and then writes only what changed', async () => {
      const { store, engine, setEntities } = await setup(databaseId, provider);
      const components = testEntities.filter(e => e.kind === 'Component');

      const cold = await engine.evaluateAll();
      expect(cold.evaluations).toBe(components.length);
      expect(cold.entitiesWritten).toBe(components.length);
      expect(cold.unchanged).toBe(0);

      const warm = await engine.evaluateAll();
      expect(warm).toMatchObject({
        evaluations: components.length,
        unchanged: components.length,
        entitiesWritten: 0,
        checksWritten: 0,
        transitions: 0,
      });

      // One entity gains TechDocs; another leaves the catalog.
      setEntities(
        testEntities
          .filter(e => e.metadata.name !== 'infra-tool')
          .map(e =>
            e.metadata.name === 'ledger'
              ? {
                  ...e,
                  metadata: {
                    ...e.metadata,
                    annotations: {
                      ...e.metadata.annotations,
                      'backstage.io/techdocs-ref': 'dir:.',
                    },
                  },
                }
              : e,
          ),
      );
      const incremental = await engine.evaluateAll();
      expect(incremental.entitiesWritten).toBe(1);
      expect(incremental.removed).toBeGreaterThanOrEqual(1);
      expect(
        await store.getEntityResults('component:default/infra-tool'),
      ).toEqual([]);
      const [ledger] = await store.getEntityResults('component:default/ledger');
      expect(ledger.level).toBe('silver');
      expect(ledger.checks.find(c => c.checkId === 'docs')?.state).toBe('pass');

      const transitions = await store.transitions({
        entityRef: 'component:default/ledger',
      });
      expect(transitions[0]).toMatchObject({ checkId: 'docs', to: 'pass' });
    });

    it('re-evaluates chosen entities and rolls teams up through the group tree', async () => {
      const { store, engine } = await setup(databaseId, provider);
      await engine.evaluateAll();
      const stats = await engine.evaluateEntities([
        'component:default/checkout',
        'component:default/gone',
      ]);
      expect(stats.evaluations).toBe(1);

      const rollup = await store.rollup('group:default/engineering', 'ops');
      expect(rollup.entityCount).toBe(8);
      expect(rollup.subTeams.map(t => t.groupRef).sort()).toEqual([
        'group:default/payments',
        'group:default/platform',
      ]);
      const [checkout] = await store.getEntityResults(
        'component:default/checkout',
      );
      expect(checkout.level).toBe('bronze');
      expect(checkout.checks.find(c => c.checkId === 'oncall')?.state).toBe(
        'pass',
      );
    });

    it('marks facts unknown when a provider fails, and keeps going', async () => {
      const { store, engine } = await setup(databaseId, {
        id: 'oncall',
        getFacts: async () => {
          throw new Error('on-call tool is down');
        },
      });
      const stats = await engine.evaluateAll();
      expect(stats.evaluations).toBe(8);
      const [checkout] = await store.getEntityResults(
        'component:default/checkout',
      );
      expect(checkout.checks.find(c => c.checkId === 'oncall')).toMatchObject({
        state: 'unknown',
      });
    });
  });
});
