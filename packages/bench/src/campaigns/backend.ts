import { createBackendModule } from '@backstage/backend-plugin-api';
import { flywheelScorecardsExtensionPoint } from '@flywheel/plugin-flywheel-node';
import { ScratchRun, Storage, withScratchBackend } from '../harness';
import { SYNTHETIC_CATALOG_KINDS } from '../scorecards/catalogData';
import { qualityFactProvider } from '../scorecards/flywheelFacts';
import { flywheelScorecardsConfig } from '../scorecards/scorecards';

/** SQLite in memory (as Backstage development setups run it) or scratch PostgreSQL databases. */
export type CampaignDbKind = 'sqlite' | 'pg';

const STORAGE: Record<CampaignDbKind, Storage> = {
  sqlite: { engine: 'sqlite-memory' },
  pg: { engine: 'pg' },
};

/**
 * Runs the scenario against a real backend with the catalog (with the
 * scaffolder's Template kind), and Flywheel with the scorecards benchmark's
 * 5 scorecards and in-process fact provider, on scratch databases. The
 * campaigns' own schedule (full refresh and notices) is manual, like the
 * scorecards' evaluation, so neither runs while the benchmark measures.
 * Campaigns are created and read with user tokens (creating one takes a
 * person).
 */
export function withCampaignsBackend<T>(
  db: CampaignDbKind,
  scenario: (run: ScratchRun) => Promise<T>,
): Promise<T> {
  return withScratchBackend(
    {
      storage: STORAGE[db],
      name: 'flywheel_bench_campaigns',
      staticToken: true,
      userTokens: true,
      catalogKinds: SYNTHETIC_CATALOG_KINDS,
      flywheel: {
        scorecards: flywheelScorecardsConfig(),
        campaigns: {
          schedule: {
            frequency: { trigger: 'manual' },
            timeout: { minutes: 30 },
          },
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
      ],
    },
    scenario,
  );
}
