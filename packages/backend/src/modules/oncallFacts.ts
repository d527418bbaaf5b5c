import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  FlywheelFactProvider,
  FlywheelFactValue,
  flywheelScorecardsExtensionPoint,
} from '@flywheel/plugin-flywheel-node';
import fs from 'fs-extra';
import { parse } from 'yaml';

/**
 * Example fact provider: what an on-call tool knows about each service
 * (rotation, runbook, recent pages), read from a YAML export. A real one
 * would call the tool's API in `getFacts`, once per batch of entities.
 */
export function createOncallFactProvider(file: string): FlywheelFactProvider {
  let cached:
    | { mtimeMs: number; facts: Map<string, Record<string, FlywheelFactValue>> }
    | undefined;
  return {
    id: 'oncall',
    title: 'On-call tool',
    async getFacts(entities) {
      // Re-read only when the export changes.
      const { mtimeMs } = await fs.stat(file);
      if (cached?.mtimeMs !== mtimeMs) {
        const { services } = parse(await fs.readFile(file, 'utf8')) as {
          services: Record<string, Record<string, FlywheelFactValue>>;
        };
        cached = { mtimeMs, facts: new Map(Object.entries(services ?? {})) };
      }
      const facts = new Map<string, Record<string, FlywheelFactValue>>();
      for (const entity of entities) {
        const ref = stringifyEntityRef(entity);
        const known = cached.facts.get(ref);
        if (known) {
          facts.set(ref, known);
        }
      }
      return facts;
    },
  };
}

/** Registers the on-call fact provider when `flywheelExample.oncallFacts` is set. */
export const flywheelModuleOncallFacts = createBackendModule({
  pluginId: 'flywheel',
  moduleId: 'example-oncall-facts',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        scorecards: flywheelScorecardsExtensionPoint,
      },
      async init({ config, scorecards }) {
        const file = config.getOptionalString('flywheelExample.oncallFacts');
        if (file) {
          scorecards.addFactProvider(createOncallFactProvider(file));
        }
      },
    });
  },
});
