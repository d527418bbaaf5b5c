import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { MetricDefinition } from '@flywheel/plugin-flywheel-common';
import type {
  EntityMetricValues,
  MetricProvider,
  MetricReader,
} from '../interfaces/metricRegistry';

/**
 * Every metric of every domain, each id once, with the provider that
 * computes it.
 */
export class MetricRegistry implements MetricReader {
  private readonly byId = new Map<
    string,
    { definition: MetricDefinition; provider: MetricProvider }
  >();
  private readonly providers: MetricProvider[] = [];

  register(provider: MetricProvider): void {
    for (const definition of provider.metrics) {
      if (this.byId.has(definition.id)) {
        throw new Error(`Metric ${definition.id} is published twice`);
      }
      this.byId.set(definition.id, { definition, provider });
    }
    this.providers.push(provider);
  }

  list(): MetricDefinition[] {
    return [...this.byId.values()]
      .map(m => m.definition)
      .sort((a, b) => a.id.localeCompare(b.id));
  }

  get(metricId: string): {
    definition: MetricDefinition;
    provider: MetricProvider;
  } {
    const metric = this.byId.get(metricId);
    if (!metric) {
      throw new NotFoundError(
        `No metric '${metricId}'; GET /metrics lists them`,
      );
    }
    return metric;
  }

  async entityValues(
    credentials: BackstageCredentials,
  ): Promise<EntityMetricValues> {
    const sources = await Promise.all(
      this.providers
        .filter(p => p.entityValues)
        .map(p => p.entityValues!(credentials)),
    );
    return {
      value(entity, entityRef, metricId) {
        for (const source of sources) {
          const value = source.value(entity, entityRef, metricId);
          if (value !== undefined) {
            return value;
          }
        }
        return undefined;
      },
    };
  }
}
