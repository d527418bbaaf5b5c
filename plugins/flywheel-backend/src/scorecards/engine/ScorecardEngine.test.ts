import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { FlywheelFactProvider } from '@flywheel/plugin-flywheel-node';
import { CatalogReader } from '../../catalog/CatalogReader';
import { connectDatabase } from '../../database/migrate';
import { GoldenPathInsights } from '../../interfaces/goldenPathInsights';
import { testEntities } from '../../__testUtils__/testCatalog';
import { builtinCheckTypes, checkTypesById } from '../checks';
import { parseScorecards } from '../config';
import { ScorecardStore } from '../store/ScorecardStore';
import { readAhead, ScorecardEngine } from './ScorecardEngine';

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

/** The `ops` scorecard plus one for services only. */
const withServicesOnly = [
  ...scorecards,
  ...parseScorecards(
    [
      {
        id: 'services',
        title: 'Services',
        filter: { kind: 'Component', 'spec.type': 'service' },
        checks: [
          {
            id: 'docs',
            title: 'Docs',
            type: 'catalog.annotation',
            annotation: 'backstage.io/techdocs-ref',
          },
        ],
      },
    ],
    {
      checkTypes,
      validation: { factProviders: new Set(), metrics: new Set() },
    },
  ),
];

const noInsights: GoldenPathInsights = {
  provenance: () => undefined,
  metric: () => undefined,
  origin: () => ({ isGoldenPath: false }),
};

describe('ScorecardEngine', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function setup(
    databaseId: Parameters<typeof databases.init>[0],
    provider: FlywheelFactProvider,
    definitions = scorecards,
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
      scorecards: definitions,
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

    it('removes the results of scorecards that no longer apply to re-evaluated entities', async () => {
      const { store, engine, setEntities } = await setup(
        databaseId,
        provider,
        withServicesOnly,
      );
      await engine.evaluateAll();
      const scorecardsOf = async (ref: string) =>
        (await store.getEntityResults(ref)).map(r => r.scorecardId).sort();
      expect(await scorecardsOf('component:default/ledger')).toEqual([
        'ops',
        'services',
      ]);

      // ledger turns into a library; checkout stays a service.
      setEntities(
        testEntities.map(e =>
          e.metadata.name === 'ledger'
            ? { ...e, spec: { ...e.spec, type: 'library' } }
            : e,
        ),
      );
      const stats = await engine.evaluateEntities([
        'component:default/ledger',
        'component:default/checkout',
      ]);
      expect(stats.evaluations).toBe(3);
      expect(stats.removed).toBeGreaterThanOrEqual(1);
      expect(await scorecardsOf('component:default/ledger')).toEqual(['ops']);
      expect(await scorecardsOf('component:default/checkout')).toEqual([
        'ops',
        'services',
      ]);

      // The next full run finds nothing left to remove.
      const full = await engine.evaluateAll();
      expect(full).toMatchObject({ removed: 0, entitiesWritten: 0 });
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

describe('readAhead', () => {
  /** A source that logs when each page is asked for and handed out. */
  function pagedSource(pages: number, failAt?: number) {
    const log: string[] = [];
    let returned = false;
    const source: AsyncIterable<number> = {
      [Symbol.asyncIterator]() {
        let i = 0;
        return {
          async next() {
            const page = i++;
            log.push(`request ${page}`);
            await new Promise(resolve => setTimeout(resolve, 5));
            if (page === failAt) {
              throw new Error(`page ${page} failed`);
            }
            return page < pages
              ? { done: false, value: page }
              : { done: true, value: undefined };
          },
          async return() {
            returned = true;
            return { done: true, value: undefined };
          },
        };
      },
    };
    return { source, log, wasReturned: () => returned };
  }

  it('asks for the next page before the current one is processed', async () => {
    const { source, log } = pagedSource(3);
    const seen: number[] = [];
    for await (const page of readAhead(source)) {
      log.push(`process ${page}`);
      seen.push(page);
    }
    expect(seen).toEqual([0, 1, 2]);
    expect(log).toEqual([
      'request 0',
      'request 1',
      'process 0',
      'request 2',
      'process 1',
      'request 3',
      'process 2',
    ]);
  });

  it('throws the error of a page read ahead', async () => {
    const { source } = pagedSource(3, 1);
    const seen: number[] = [];
    await expect(async () => {
      for await (const page of readAhead(source)) {
        seen.push(page);
      }
    }).rejects.toThrow('page 1 failed');
    expect(seen).toEqual([0]);
  });

  it('keeps the consumer error, and leaves no unhandled rejection, when the page read ahead fails too', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const { source, wasReturned } = pagedSource(3, 1);
      await expect(async () => {
        for await (const _page of readAhead(source)) {
          throw new Error('evaluation failed');
        }
      }).rejects.toThrow('evaluation failed');
      // Let the abandoned read settle.
      await new Promise(resolve => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
      expect(wasReturned()).toBe(true);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  /** An engine over fake store and catalog that serves `pages` of services. */
  function engineOverPages(
    pages: () => AsyncGenerator<Entity[]>,
    options: { batchSize: number; writeBatchSize?: number },
  ) {
    const store = {
      replaceGroupAncestry: jest.fn(async () => {}),
      inputHashes: jest.fn(async () => new Map()),
      activeExemptions: jest.fn(async () => new Map()),
      applyEvaluations: jest.fn(async (evaluations: unknown[]) => ({
        entitiesWritten: evaluations.length,
        checksWritten: 0,
        transitions: 0,
      })),
      removeResults: jest.fn(async () => 0),
      removeScorecardsExcept: jest.fn(async () => 0),
    };
    const catalog = {
      groupTree: async () => ({ ancestryEdges: () => [] }),
      streamEntities: pages,
    };
    const engine = new ScorecardEngine({
      scorecards,
      checkTypes,
      store: store as unknown as ScorecardStore,
      catalog: catalog as unknown as CatalogReader,
      goldenPaths: { entityInsights: async () => noInsights },
      factProviders: [],
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      ...options,
    });
    return { engine, store };
  }

  const service = (name: string): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { type: 'service' },
  });

  it('fails evaluateAll when a catalog page read ahead fails', async () => {
    const { engine, store } = engineOverPages(
      async function* pages() {
        yield [service('a'), service('b')];
        throw new Error('catalog unavailable');
      },
      { batchSize: 2 },
    );
    await expect(engine.evaluateAll()).rejects.toThrow('catalog unavailable');
    // The first page was evaluated while the second was being read; its
    // results waited for a full write batch, so a failed run wrote nothing.
    expect(store.applyEvaluations).not.toHaveBeenCalled();
    expect(store.removeResults).not.toHaveBeenCalled();
  });

  it('writes changed results in batches of writeBatchSize, the last one at the end', async () => {
    const { engine, store } = engineOverPages(
      async function* pages() {
        yield [service('a'), service('b')];
        yield [service('c'), service('d')];
        yield [service('e'), service('f')];
        yield [service('g')];
      },
      { batchSize: 2, writeBatchSize: 3 },
    );
    const stats = await engine.evaluateAll();
    // Pages of 2 pile up until 3 wait: 4 (a-d), then 3 (e-g); none at the end.
    expect(
      store.applyEvaluations.mock.calls.map(([evaluations]) =>
        (evaluations as { entityRef: string }[]).map(e => e.entityRef),
      ),
    ).toEqual([
      ['a', 'b', 'c', 'd'].map(n => `component:default/${n}`),
      ['e', 'f', 'g'].map(n => `component:default/${n}`),
    ]);
    expect(stats.entitiesWritten).toBe(7);
  });
});
