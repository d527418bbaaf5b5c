import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { RecordRunRequest } from '@flywheel/plugin-flywheel-common';
import { flywheelServiceRef } from '@flywheel/plugin-flywheel-node';
import fs from 'fs-extra';
import { parse } from 'yaml';

const ATTEMPTS = 20;
const RETRY_MS = 3000;

/**
 * Example instance only: loads the demo's scaffolder run history
 * (`flywheelExample.demoRuns`, examples/scaffolder-runs.yaml) through the
 * Flywheel API once the backend is up, so the Golden Paths page shows
 * success rates and creation times from the first start. Runs are keyed by
 * task id: loading them on every start changes nothing.
 */
export const flywheelModuleDemoScaffolderRuns = createBackendModule({
  pluginId: 'flywheel',
  moduleId: 'example-demo-runs',
  register(env) {
    env.registerInit({
      deps: {
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        lifecycle: coreServices.lifecycle,
        logger: coreServices.logger,
        flywheel: flywheelServiceRef,
      },
      async init({ auth, config, lifecycle, logger, flywheel }) {
        const file = config.getOptionalString('flywheelExample.demoRuns');
        if (!file) {
          return;
        }
        const { runs } = parse(await fs.readFile(file, 'utf8')) as {
          runs: RecordRunRequest[];
        };

        const load = async () => {
          const credentials = await auth.getOwnServiceCredentials();
          for (const run of runs) {
            await flywheel.recordRun(run, { credentials });
          }
        };
        // The HTTP server listens only once every plugin has started, so
        // retry until the Flywheel API answers rather than block start-up.
        lifecycle.addStartupHook(() => {
          void (async () => {
            for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
              try {
                await load();
                logger.info(`Loaded ${runs.length} demo scaffolder runs`);
                return;
              } catch (error) {
                if (attempt === ATTEMPTS) {
                  logger.warn(
                    `Could not load the demo scaffolder runs: ${error}`,
                  );
                  return;
                }
                await new Promise(resolve => setTimeout(resolve, RETRY_MS));
              }
            }
          })();
        });
      },
    });
  },
});
