import {
  coreServices,
  createBackendModule,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { flywheelScorecardsExtensionPoint } from '@flywheel/plugin-flywheel-node';
import { techInsightsFactRetrieversExtensionPoint } from '@backstage-community/plugin-tech-insights-node';
import { Storage, withScratchBackend, ScratchRun } from '../harness';
import {
  flywheelScorecardsConfig,
  techInsightsChecksConfig,
  TI_CATALOG_RETRIEVER,
  TI_QUALITY_RETRIEVER,
} from './scorecards';
import { SYNTHETIC_CATALOG_KINDS } from './catalogData';
import { qualityFactProvider } from './flywheelFacts';
import {
  benchCatalogFactRetriever,
  benchQualityFactRetriever,
} from './techInsightsFacts';

/**
 * The scorecards benchmark's databases. `sqlite`: every plugin's database in
 * memory, as in Backstage development setups; `sqlite-disk`: in files, one
 * per plugin, as a persistent SQLite deployment runs (pages in the page
 * cache, not in the process); `pg`: scratch PostgreSQL databases.
 */
export type ScorecardDbKind = 'sqlite' | 'sqlite-disk' | 'pg';

const STORAGE: Record<ScorecardDbKind, Storage> = {
  sqlite: { engine: 'sqlite-memory' },
  'sqlite-disk': { engine: 'sqlite-files', on: 'disk' },
  pg: { engine: 'pg' },
};

/** Cron on 1 January: a retriever runs only when the benchmark triggers it. */
const triggeredOnly = { cadence: '0 0 1 1 *', timeout: { hours: 2 } };

/**
 * Runs the scenario against a real backend with the catalog, Flywheel with
 * the benchmark's scorecards and in-process fact provider, and Tech
 * Insights with json-rules-engine checks over the benchmark's retrievers,
 * on scratch databases. The clients call with the static BENCH_TOKEN.
 */
export function withScorecardsBackend<T>(
  db: ScorecardDbKind,
  scenario: (
    run: ScratchRun,
    techInsights: { scheduler: SchedulerService },
  ) => Promise<T>,
): Promise<T> {
  let scheduler: SchedulerService | undefined;
  return withScratchBackend(
    {
      storage: STORAGE[db],
      name: 'flywheel_bench',
      staticToken: true,
      catalogKinds: SYNTHETIC_CATALOG_KINDS,
      flywheel: { scorecards: flywheelScorecardsConfig() },
      config: {
        techInsights: {
          factRetrievers: {
            [TI_CATALOG_RETRIEVER]: triggeredOnly,
            [TI_QUALITY_RETRIEVER]: triggeredOnly,
          },
          factChecker: { checks: techInsightsChecksConfig() },
        },
      },
      features: [
        import(
          '@backstage/plugin-catalog-backend-module-scaffolder-entity-model'
        ),
        createBackendModule({
          pluginId: 'flywheel',
          moduleId: 'flywheel-bench-facts',
          register(env) {
            env.registerInit({
              deps: { scorecards: flywheelScorecardsExtensionPoint },
              async init({ scorecards }) {
                scorecards.addFactProvider(qualityFactProvider);
              },
            });
          },
        }),
        import('@backstage-community/plugin-tech-insights-backend'),
        import(
          '@backstage-community/plugin-tech-insights-backend-module-jsonfc'
        ),
        createBackendModule({
          pluginId: 'tech-insights',
          moduleId: 'flywheel-bench-facts',
          register(env) {
            env.registerInit({
              deps: {
                retrievers: techInsightsFactRetrieversExtensionPoint,
                scheduler: coreServices.scheduler,
              },
              async init({ retrievers, scheduler: taskScheduler }) {
                retrievers.addFactRetrievers({
                  [TI_CATALOG_RETRIEVER]: benchCatalogFactRetriever,
                  [TI_QUALITY_RETRIEVER]: benchQualityFactRetriever,
                });
                scheduler = taskScheduler;
              },
            });
          },
        }),
      ],
    },
    run => scenario(run, { scheduler: scheduler! }),
  );
}
