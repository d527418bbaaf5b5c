import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  FlywheelFactProvider,
  FlywheelFactValue,
} from '@flywheel/plugin-flywheel-node';
import { QUALITY_PROVIDER_ID, qualityFacts } from './facts';

/** Time spent inside the provider, for the benchmark's profile. */
export const factProviderTime = { ms: 0, calls: 0 };

/**
 * The in-process fact provider a backend module registers through
 * `flywheelScorecardsExtensionPoint`: the custom facts of a batch of entities.
 */
export const qualityFactProvider: FlywheelFactProvider = {
  id: QUALITY_PROVIDER_ID,
  title: 'Quality tool (synthetic)',
  async getFacts(entities) {
    const started = performance.now();
    const facts = new Map<string, Record<string, FlywheelFactValue>>();
    for (const entity of entities) {
      const values = qualityFacts(entity);
      if (values) {
        facts.set(stringifyEntityRef(entity), { ...values });
      }
    }
    factProviderTime.ms += performance.now() - started;
    factProviderTime.calls += 1;
    return facts;
  },
};
