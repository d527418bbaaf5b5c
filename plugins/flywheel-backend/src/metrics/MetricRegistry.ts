import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import { MetricDefinition } from '@flywheel/plugin-flywheel-common';
import type {
  Bucket,
  EntityMetricValues,
  MetricProvider,
  MetricReader,
  MetricValue,
  ResolvedScope,
} from '../interfaces/metricRegistry';

/**
 * Every metric of every domain, with the provider that computes it. Each
 * domain registers under its name, and its metric ids start with it, so no
 * two domains can publish the same id.
 */
export class MetricRegistry implements MetricReader {
  private readonly providers = new Map<string, MetricProvider>();

  register(domain: MetricDefinition['domain'], provider: MetricProvider): void {
    if (this.providers.has(domain)) {
      throw new Error(`Metrics of ${domain} are registered twice`);
    }
    this.providers.set(domain, provider);
  }

  async list(): Promise<MetricDefinition[]> {
    const all = await Promise.all(
      [...this.providers].map(async ([domain, provider]) =>
        (await provider.metrics()).filter(m => m.id.startsWith(`${domain}.`)),
      ),
    );
    return all.flat().sort((a, b) => a.id.localeCompare(b.id));
  }

  async get(
    metricId: string,
  ): Promise<{ definition: MetricDefinition; provider: MetricProvider }> {
    const domain = metricId.split('.')[0] as MetricDefinition['domain'];
    const provider = this.providers.get(domain);
    const definition = provider
      ? (await provider.metrics()).find(m => m.id === metricId)
      : undefined;
    if (!provider || !definition) {
      throw new NotFoundError(
        `No metric '${metricId}'; GET /metrics lists them`,
      );
    }
    return { definition, provider };
  }

  async values(
    metricId: string,
    scope: ResolvedScope,
    buckets: Bucket[],
    credentials: BackstageCredentials,
  ): Promise<{ definition: MetricDefinition; values: MetricValue[] }> {
    const { definition, provider } = await this.get(metricId);
    if (!definition.scopes.includes(scope.kind)) {
      throw new InputError(
        `Metric '${metricId}' exists for ${definition.scopes.join(
          ', ',
        )}, not for ${scope.kind}`,
      );
    }
    return {
      definition,
      values: await provider.values(metricId, scope, buckets, credentials),
    };
  }

  async entityValues(
    credentials: BackstageCredentials,
  ): Promise<EntityMetricValues> {
    const sources = await Promise.all(
      [...this.providers.values()]
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
