import {
  AuthService,
  coreServices,
  createBackendModule,
  createServiceFactory,
  DatabaseService,
  LoggerService,
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { createBackend } from '@backstage/backend-defaults';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import {
  catalogProcessingExtensionPoint,
  CatalogService,
  catalogServiceRef,
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { JsonObject } from '@backstage/types';
import { flywheelScorecardsExtensionPoint } from '@flywheel/plugin-flywheel-node';
import { techInsightsFactRetrieversExtensionPoint } from '@backstage-community/plugin-tech-insights-node';
import { createServer } from 'node:net';
import { LOCATION } from './catalogData';
import { BenchLogger } from './logger';
import {
  flywheelScorecardsConfig,
  techInsightsChecksConfig,
  TI_CATALOG_RETRIEVER,
  TI_QUALITY_RETRIEVER,
} from './scorecards';
import { qualityFactProvider } from './flywheelFacts';
import {
  benchCatalogFactRetriever,
  benchQualityFactRetriever,
} from './techInsightsFacts';

export type DbKind = 'sqlite' | 'pg';

/**
 * The scorecards benchmark's databases. `sqlite`: every plugin's database in
 * memory, as in Backstage development setups; `sqlite-disk`: in files, one
 * per plugin, as a persistent SQLite deployment runs (pages in the page
 * cache, not in the process); `pg`: scratch PostgreSQL databases.
 */
export type ScorecardDbKind = DbKind | 'sqlite-disk';

/** PostgreSQL server (override with FLYWHEEL_BENCH_PG). */
export const PG_DEFAULT = 'postgresql://postgres:postgres@localhost:5432';

/** Token the load generator sends (backend.auth.externalAccess, static). */
export const BENCH_TOKEN = 'flywheel-bench-static-token-0123456789';

/** Feeds the synthetic catalog to the catalog with full and delta mutations. */
export class BenchEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;

  getProviderName() {
    return 'flywheel-bench';
  }

  async connect(connection: EntityProviderConnection) {
    this.connection = connection;
  }

  private get conn() {
    if (!this.connection) {
      throw new Error('The catalog has not connected the bench provider');
    }
    return this.connection;
  }

  async full(entities: Entity[]) {
    await this.conn.applyMutation({
      type: 'full',
      entities: entities.map(entity => ({ entity, locationKey: LOCATION })),
    });
  }

  async update(entities: Entity[]) {
    await this.conn.applyMutation({
      type: 'delta',
      added: entities.map(entity => ({ entity, locationKey: LOCATION })),
      removed: [],
    });
  }
}

/** What the benchmark needs from inside the backend, captured by its modules. */
export interface BenchHandles {
  provider: BenchEntityProvider;
  flywheel: {
    config: RootConfigService;
    database: DatabaseService;
    catalog: CatalogService;
    auth: AuthService;
    logger: LoggerService;
  };
  techInsights: { scheduler: SchedulerService };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        resolve(typeof address === 'object' && address ? address.port : 0),
      );
    });
  });
}

function databaseConfig(
  db: ScorecardDbKind,
  pgPrefix: string,
  sqliteDirectory?: string,
): JsonObject {
  if (db === 'sqlite') {
    return { client: 'better-sqlite3', connection: ':memory:' };
  }
  if (db === 'sqlite-disk') {
    if (!sqliteDirectory) {
      throw new Error('sqlite-disk needs a directory');
    }
    return {
      client: 'better-sqlite3',
      connection: { directory: sqliteDirectory },
    };
  }
  return {
    client: 'pg',
    connection: process.env.FLYWHEEL_BENCH_PG ?? PG_DEFAULT,
    prefix: pgPrefix,
    pluginDivisionMode: 'database',
  };
}

/**
 * Starts a real backend (backend-defaults services, HTTP on loopback) with
 * the catalog, Flywheel, Tech Insights with json-rules-engine checks, and the
 * benchmark's modules. Every plugin's database is SQLite in memory or in a
 * file, or a scratch PostgreSQL database named `${pgPrefix}${pluginId}`.
 */
export async function startBenchBackend(options: {
  db: ScorecardDbKind;
  pgPrefix: string;
  /** Where `sqlite-disk` keeps its files. */
  sqliteDirectory?: string;
}): Promise<{ handles: BenchHandles; baseUrl: string; stop(): Promise<void> }> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const config: JsonObject = {
    app: { baseUrl: 'http://127.0.0.1:3000' },
    backend: {
      baseUrl,
      listen: { host: '127.0.0.1', port },
      database: databaseConfig(
        options.db,
        options.pgPrefix,
        options.sqliteDirectory,
      ),
      auth: {
        externalAccess: [
          {
            type: 'static',
            options: { token: BENCH_TOKEN, subject: 'flywheel-bench' },
          },
        ],
      },
    },
    catalog: {
      // Processed once: no re-processing in the background while measuring.
      processingInterval: { hours: 24 },
      orphanStrategy: 'keep',
      rules: [
        {
          allow: [
            'Component',
            'System',
            'Domain',
            'API',
            'Group',
            'User',
            'Resource',
            'Location',
            'Template',
          ],
        },
      ],
    },
    flywheel: {
      scorecardsDefault: false,
      scorecards: flywheelScorecardsConfig(),
      // The benchmark runs evaluations itself; the plugin's own scheduled run
      // must not overlap them.
      scorecardEvaluation: {
        schedule: { frequency: { trigger: 'manual' }, timeout: { hours: 2 } },
      },
    },
    techInsights: {
      factRetrievers: {
        // Cron on 1 January: runs only when the benchmark triggers it.
        [TI_CATALOG_RETRIEVER]: {
          cadence: '0 0 1 1 *',
          timeout: { hours: 2 },
        },
        [TI_QUALITY_RETRIEVER]: {
          cadence: '0 0 1 1 *',
          timeout: { hours: 2 },
        },
      },
      factChecker: { checks: techInsightsChecksConfig() },
    },
  };

  const handles: Partial<BenchHandles> = {
    provider: new BenchEntityProvider(),
  };

  const backend = createBackend();
  backend.add(
    createServiceFactory({
      service: coreServices.rootConfig,
      deps: {},
      factory: () => new ConfigReader(config, 'flywheel-bench'),
    }),
  );
  backend.add(
    createServiceFactory({
      service: coreServices.rootLogger,
      deps: {},
      factory: () => new BenchLogger({ service: 'flywheel-bench' }),
    }),
  );
  backend.add(import('@backstage/plugin-catalog-backend'));
  backend.add(
    import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
  );
  backend.add(
    createBackendModule({
      pluginId: 'catalog',
      moduleId: 'flywheel-bench-provider',
      register(env) {
        env.registerInit({
          deps: { catalog: catalogProcessingExtensionPoint },
          async init({ catalog }) {
            catalog.addEntityProvider(handles.provider!);
          },
        });
      },
    }),
  );
  backend.add(import('@flywheel/plugin-flywheel-backend'));
  backend.add(
    createBackendModule({
      pluginId: 'flywheel',
      moduleId: 'flywheel-bench',
      register(env) {
        env.registerInit({
          deps: {
            scorecards: flywheelScorecardsExtensionPoint,
            config: coreServices.rootConfig,
            database: coreServices.database,
            catalog: catalogServiceRef,
            auth: coreServices.auth,
            logger: coreServices.logger,
          },
          async init({ scorecards, ...deps }) {
            scorecards.addFactProvider(qualityFactProvider);
            handles.flywheel = deps;
          },
        });
      },
    }),
  );
  backend.add(import('@backstage-community/plugin-tech-insights-backend'));
  backend.add(
    import('@backstage-community/plugin-tech-insights-backend-module-jsonfc'),
  );
  backend.add(
    createBackendModule({
      pluginId: 'tech-insights',
      moduleId: 'flywheel-bench-facts',
      register(env) {
        env.registerInit({
          deps: {
            retrievers: techInsightsFactRetrieversExtensionPoint,
            scheduler: coreServices.scheduler,
          },
          async init({ retrievers, scheduler }) {
            retrievers.addFactRetrievers({
              [TI_CATALOG_RETRIEVER]: benchCatalogFactRetriever,
              [TI_QUALITY_RETRIEVER]: benchQualityFactRetriever,
            });
            handles.techInsights = { scheduler };
          },
        });
      },
    }),
  );

  await backend.start();
  return {
    handles: handles as BenchHandles,
    baseUrl,
    stop: () => backend.stop(),
  };
}
