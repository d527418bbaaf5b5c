import {
  BackstageCredentials,
  coreServices,
  createBackendModule,
  DatabaseService,
  RootConfigService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import {
  CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';

type Duration = SchedulerServiceTaskScheduleDefinition['timeout'];
type Knex = Awaited<ReturnType<DatabaseService['getClient']>>;

/** What a seeding attempt may use. */
export interface DemoSeedContext {
  knex: Knex;
  catalog: CatalogService;
  /** The backend's own credentials, for catalog reads. */
  credentials: () => Promise<BackstageCredentials>;
  /** The backend's configuration. */
  config: RootConfigService;
}

/** One seeding attempt: not yet possible (Flywheel's tables or data missing), or done. */
export type DemoSeedOutcome =
  | { status: 'waiting'; reason: string }
  | { status: 'done'; message: string };

/**
 * A Flywheel backend module of the example instance that seeds demo data
 * once: off unless `flywheelExample.<flag>` is true (or `enabled` says so),
 * it tries shortly after start and again every `every` until the seed says
 * it is done, then stops.
 * Each demo seed only says what it writes.
 */
export function createDemoSeedModule(options: {
  moduleId: string;
  /** The `flywheelExample` config flag that turns it on. */
  flag: string;
  /**
   * Whether it is on, for a flag that is not a boolean (e.g. a path);
   * default: `flywheelExample.<flag>` is true.
   */
  enabled?: (config: RootConfigService) => boolean;
  /** How it names itself in the log. */
  label: string;
  /** Default: every 10 seconds. */
  every?: Duration;
  /** How the log says "retrying in …"; default '10 seconds'. */
  everyText?: string;
  initialDelay: Duration;
  /** Default: 5 minutes. */
  timeout?: Duration;
  /**
   * Makes the attempt function, once per start: what it closes over lives
   * as long as the backend (e.g. what the catalog held at the last try).
   */
  seeder: () => (context: DemoSeedContext) => Promise<DemoSeedOutcome>;
}) {
  return createBackendModule({
    pluginId: 'flywheel',
    moduleId: options.moduleId,
    register(env) {
      env.registerInit({
        deps: {
          auth: coreServices.auth,
          catalog: catalogServiceRef,
          config: coreServices.rootConfig,
          database: coreServices.database,
          logger: coreServices.logger,
          scheduler: coreServices.scheduler,
        },
        async init({ auth, catalog, config, database, logger, scheduler }) {
          const enabled = options.enabled
            ? options.enabled(config)
            : config.getOptionalBoolean(`flywheelExample.${options.flag}`);
          if (!enabled) {
            return;
          }
          const done = new AbortController();
          const attempt = options.seeder();
          await scheduler.scheduleTask({
            id: `flywheel-example-${options.moduleId.replace(/^example-/, '')}`,
            scope: 'local',
            frequency: options.every ?? { seconds: 10 },
            timeout: options.timeout ?? { minutes: 5 },
            initialDelay: options.initialDelay,
            signal: done.signal,
            fn: async () => {
              const outcome = await attempt({
                knex: await database.getClient(),
                catalog,
                credentials: () => auth.getOwnServiceCredentials(),
                config,
              });
              if (outcome.status === 'waiting') {
                logger.info(
                  `${options.label}: waiting (${outcome.reason}), retrying in ${
                    options.everyText ?? '10 seconds'
                  }`,
                );
                return;
              }
              logger.info(`${options.label}: ${outcome.message}`);
              done.abort();
            },
          });
        },
      });
    },
  });
}
