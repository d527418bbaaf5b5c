import {
  coreServices,
  createBackendModule,
  createBackendPlugin,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { createBackend } from '@backstage/backend-defaults';
import { ConfigReader } from '@backstage/config';
import {
  catalogProcessingExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { JsonObject } from '@backstage/types';
import {
  BenchEntityProvider,
  BenchHandles,
  DbKind,
  PG_DEFAULT,
} from '../scorecards/backend';
import { freePort } from '../scorecards/backend';
import { BenchLogger } from '../scorecards/logger';
import { BenchUserTokens } from './tokens';

/** What the surveys benchmark needs from inside its backend. */
export interface SurveyBenchBackend {
  baseUrl: string;
  provider: BenchEntityProvider;
  flywheel: BenchHandles['flywheel'];
  tokens: BenchUserTokens;
  stop(): Promise<void>;
}

/**
 * Where the plugins' databases live. SQLite uses files (one per plugin) in
 * `sqliteDir`, a tmpfs directory, rather than `:memory:`: the benchmark
 * restarts the backend on the same data to measure a truly cold first
 * request.
 */
function databaseConfig(
  db: DbKind,
  place: { pgPrefix: string; sqliteDir: string },
): JsonObject {
  if (db === 'sqlite') {
    return {
      client: 'better-sqlite3',
      connection: { directory: place.sqliteDir },
    };
  }
  return {
    client: 'pg',
    connection: process.env.FLYWHEEL_BENCH_PG ?? PG_DEFAULT,
    prefix: place.pgPrefix,
    pluginDivisionMode: 'database',
  };
}

/**
 * A real backend (backend-defaults services, HTTP on loopback) with the
 * catalog, Flywheel and a stand-in `auth` plugin that only publishes the
 * public key of the benchmark's user tokens (see tokens.ts). Users call with
 * their own signed user tokens; the backend verifies them as it verifies
 * tokens from @backstage/plugin-auth-backend. Permissions are not enabled
 * (`permission.enabled` unset), as in the scorecards benchmark: every
 * authorization is an allow.
 */
export async function startSurveyBackend(options: {
  db: DbKind;
  pgPrefix: string;
  sqliteDir: string;
}): Promise<SurveyBenchBackend> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const tokens = new BenchUserTokens(`${baseUrl}/api/auth`);
  const config: JsonObject = {
    app: { baseUrl: 'http://127.0.0.1:3000' },
    backend: {
      baseUrl,
      listen: { host: '127.0.0.1', port },
      database: databaseConfig(options.db, options),
    },
    catalog: {
      // Processed once: no re-processing in the background while measuring.
      processingInterval: { hours: 24 },
      orphanStrategy: 'keep',
      rules: [{ allow: ['Group', 'User', 'Location'] }],
    },
    flywheel: {
      scorecardsDefault: false,
      scorecardEvaluation: {
        schedule: { frequency: { trigger: 'manual' }, timeout: { hours: 2 } },
      },
      // No notifications backend here: inviting 20,000 people would only
      // log failures.
      surveys: { notifyOnWaveOpen: false },
    },
  };

  const provider = new BenchEntityProvider();
  let flywheel: BenchHandles['flywheel'] | undefined;

  const backend = createBackend();
  backend.add(
    createServiceFactory({
      service: coreServices.rootConfig,
      deps: {},
      factory: () => new ConfigReader(config, 'flywheel-bench-surveys'),
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
  backend.add(
    createBackendPlugin({
      pluginId: 'auth',
      register(env) {
        env.registerInit({
          deps: { httpRouter: coreServices.httpRouter },
          async init({ httpRouter }) {
            httpRouter.use((req, res, next) => {
              if (
                req.method === 'GET' &&
                req.path === '/.well-known/jwks.json'
              ) {
                res.json(tokens.jwks);
              } else {
                next();
              }
            });
            httpRouter.addAuthPolicy({
              path: '/.well-known',
              allow: 'unauthenticated',
            });
          },
        });
      },
    }),
  );
  backend.add(import('@flywheel/plugin-flywheel-backend'));
  backend.add(
    createBackendModule({
      pluginId: 'flywheel',
      moduleId: 'flywheel-bench-surveys',
      register(env) {
        env.registerInit({
          deps: {
            config: coreServices.rootConfig,
            database: coreServices.database,
            catalog: catalogServiceRef,
            auth: coreServices.auth,
            logger: coreServices.logger,
          },
          async init(deps) {
            flywheel = deps;
          },
        });
      },
    }),
  );

  await backend.start();
  return {
    baseUrl,
    provider,
    flywheel: flywheel!,
    tokens,
    stop: () => backend.stop(),
  };
}
