import {
  AuthService,
  coreServices,
  createBackendModule,
  createServiceFactory,
  DatabaseService,
  LoggerService,
  PermissionsService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { createBackend } from '@backstage/backend-defaults';
import { ConfigReader } from '@backstage/config';
import {
  catalogProcessingExtensionPoint,
  CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { JsonObject } from '@backstage/types';
import { createServer } from 'node:net';
import { BenchEntityProvider } from './catalog';
import { BenchLogger } from './logger';
import {
  BenchUserTokenKey,
  BenchUserTokens,
  userTokenAuthPlugin,
} from './userTokens';

/** The static token clients may send when the backend has `staticToken`. */
export const BENCH_TOKEN = 'flywheel-bench-static-token-0123456789';

/** The Flywheel plugin's own services, for what a benchmark does in-process. */
export interface FlywheelHandles {
  config: RootConfigService;
  database: DatabaseService;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  permissions: PermissionsService;
}

export interface BenchBackend {
  baseUrl: string;
  /** Feeds the catalog (see catalog.ts). */
  provider: BenchEntityProvider;
  flywheel: FlywheelHandles;
  /** Signs user tokens; the backend accepts them with `userTokens`. */
  tokens: BenchUserTokens;
  stop(): Promise<void>;
}

type BackendFeature = Parameters<ReturnType<typeof createBackend>['add']>[0];

export interface BackendOptions {
  /** `backend.database`: a ScratchDatabases' config. */
  database: JsonObject;
  /** The entity kinds the catalog accepts. */
  catalogKinds: string[];
  /** Merged into the `flywheel` config section. */
  flywheel?: JsonObject;
  /** More top-level config sections (e.g. `techInsights`). */
  config?: JsonObject;
  /** Accept {@link BENCH_TOKEN} (backend.auth.externalAccess, static). */
  staticToken?: boolean;
  /** Accept user tokens from `tokens`: adds a stand-in `auth` plugin. */
  userTokens?: boolean;
  /** More plugins and modules. */
  features?: BackendFeature[];
  /** Listen here rather than on a free port (replicas). */
  port?: number;
  /** Sign with this key (shared by replicas) rather than a new one. */
  tokenKey?: BenchUserTokenKey;
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

/**
 * A real backend (backend-defaults services, HTTP on loopback) with the
 * catalog fed by {@link BenchEntityProvider}, Flywheel, and whatever the
 * benchmark adds. Permissions are not enabled: every authorization is an
 * allow. Flywheel's scheduled scorecard evaluation is manual, so it never
 * overlaps what a benchmark measures.
 */
export async function startFlywheelBackend(
  options: BackendOptions,
): Promise<BenchBackend> {
  const port = options.port ?? (await freePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  const tokens = new BenchUserTokens(`${baseUrl}/api/auth`, options.tokenKey);
  const config: JsonObject = {
    app: { baseUrl: 'http://127.0.0.1:3000' },
    backend: {
      baseUrl,
      listen: { host: '127.0.0.1', port },
      database: options.database,
      ...(options.staticToken
        ? {
            auth: {
              externalAccess: [
                {
                  type: 'static',
                  options: { token: BENCH_TOKEN, subject: 'flywheel-bench' },
                },
              ],
            },
          }
        : {}),
    },
    catalog: {
      // Processed once: no re-processing in the background while measuring.
      processingInterval: { hours: 24 },
      orphanStrategy: 'keep',
      rules: [{ allow: options.catalogKinds }],
    },
    flywheel: {
      scorecardsDefault: false,
      scorecardEvaluation: {
        schedule: { frequency: { trigger: 'manual' }, timeout: { hours: 2 } },
      },
      ...options.flywheel,
    },
    ...options.config,
  };

  const provider = new BenchEntityProvider();
  let flywheel: FlywheelHandles | undefined;

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
    createBackendModule({
      pluginId: 'catalog',
      moduleId: 'flywheel-bench-provider',
      register(env) {
        env.registerInit({
          deps: { catalog: catalogProcessingExtensionPoint },
          async init({ catalog }) {
            catalog.addEntityProvider(provider);
          },
        });
      },
    }),
  );
  backend.add(import('@flywheel/plugin-flywheel-backend'));
  backend.add(
    createBackendModule({
      pluginId: 'flywheel',
      moduleId: 'flywheel-bench-handles',
      register(env) {
        env.registerInit({
          deps: {
            config: coreServices.rootConfig,
            database: coreServices.database,
            catalog: catalogServiceRef,
            auth: coreServices.auth,
            logger: coreServices.logger,
            permissions: coreServices.permissions,
          },
          async init(deps) {
            flywheel = deps;
          },
        });
      },
    }),
  );
  if (options.userTokens) {
    backend.add(userTokenAuthPlugin(tokens));
  }
  for (const feature of options.features ?? []) {
    backend.add(feature);
  }

  await backend.start();
  return {
    baseUrl,
    provider,
    flywheel: flywheel!,
    tokens,
    stop: () => backend.stop(),
  };
}
