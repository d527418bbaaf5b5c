import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { MetricDefinition } from '@flywheel/plugin-flywheel-common';
import type {
  Bucket,
  EntityMetricValues,
  MetricProvider,
  MetricValue,
  ResolvedScope,
} from '../../interfaces/metricRegistry';
import { getOrCreate } from '../../lang/getOrCreate';
import { Service, ServiceDirectory } from '../services/ServiceDirectory';
import { valueStreamMetrics } from './definitions';
import { sampleSize, ValueStreamData, valueStreamSamples } from './samples';
import { ValueStreamFacts } from './ValueStreamFacts';

/** The window of the per-entity values scorecard checks read. */
const ENTITY_WINDOW_MS = 90 * 86_400_000;

/** Series kept per facts and list of services, the least recently used dropped first. */
const MAX_SERIES = 200;
/** How long a computation runs before it lets other requests in. */
const SLICE_MS = 5;
/**
 * Bucket edges compare at this resolution in the series memo. New
 * deployments make new facts and so a new memo at once; with the same
 * facts, a window that ends a few minutes later differs only by what
 * falls out at its start and by services whose N days for
 * deployedWithinDays ended meanwhile. Finer, and every series of the
 * organisation was computed again every few seconds (bench:metrics).
 */
const MEMO_RESOLUTION_MS = 5 * 60_000;

/**
 * Publishes the value-stream metrics: deployments (ValueStreamFacts over
 * DeploymentStore) over the services of a scope as the caller sees them
 * (ServiceDirectory). The same series asked again, with the same facts and
 * the same list of services (the same scope and visibility), is answered
 * from memory.
 */
export class ValueStreamProvider implements MetricProvider {
  private readonly definitions: MetricDefinition[];
  private readonly memo = new WeakMap<
    ValueStreamData,
    WeakMap<readonly Service[], Map<string, Promise<MetricValue[]>>>
  >();

  constructor(
    private readonly deps: {
      facts: ValueStreamFacts;
      services: ServiceDirectory;
      withinDays: number;
      now?: () => Date;
    },
  ) {
    this.definitions = valueStreamMetrics(deps.withinDays);
  }

  async metrics() {
    return this.definitions;
  }

  async values(
    metricId: string,
    scope: ResolvedScope,
    buckets: Bucket[],
    credentials: BackstageCredentials,
  ): Promise<MetricValue[]> {
    const [services, data] = await Promise.all([
      this.deps.services.services(scope, credentials),
      this.deps.facts.data(),
    ]);
    const series = getOrCreate(
      getOrCreate(this.memo, data, () => new WeakMap()),
      services,
      () => new Map(),
    );
    const key = `${metricId} ${buckets
      .map(b => `${memoTime(b.start)}-${memoTime(b.end)}`)
      .join(',')}`;
    let values = series.get(key);
    if (values) {
      series.delete(key); // least recently used goes first
      series.set(key, values);
    } else {
      values = this.compute(metricId, services, buckets, data);
      series.set(key, values);
      // A failed computation is not kept.
      values.catch(() => series.delete(key));
      if (series.size > MAX_SERIES) {
        series.delete(series.keys().next().value!);
      }
    }
    return values;
  }

  /**
   * The buckets one after another, giving the event loop back every few
   * milliseconds: an organisation's two years take a few hundred, and
   * other requests (a team's series from memory takes one) should not
   * wait for all of it.
   */
  private async compute(
    metricId: string,
    services: readonly Service[],
    buckets: Bucket[],
    data: ValueStreamData,
  ): Promise<MetricValue[]> {
    const options = this.options();
    const values: MetricValue[] = [];
    let sliceStart = performance.now();
    for (const bucket of buckets) {
      if (performance.now() - sliceStart > SLICE_MS) {
        await new Promise(resolve => setImmediate(resolve));
        sliceStart = performance.now();
      }
      const samples = valueStreamSamples(
        metricId,
        services,
        bucket,
        data,
        options,
      );
      values.push({ value: samples.value, sampleSize: sampleSize(samples) });
    }
    return values;
  }

  async split(
    metricId: string,
    scope: ResolvedScope,
    bucket: Bucket,
    credentials: BackstageCredentials,
  ) {
    const [services, data] = await Promise.all([
      this.deps.services.services(scope, credentials),
      this.deps.facts.data(),
    ]);
    const side = (goldenPath: boolean) =>
      valueStreamSamples(
        metricId,
        services.filter(s => s.isGoldenPath === goldenPath),
        bucket,
        data,
        this.options(),
      );
    return { goldenPath: side(true), handMade: side(false) };
  }

  /**
   * Each service's value-stream metrics over the last 90 days, for scorecard
   * `metric` checks (e.g. deployment frequency at least 1 per week).
   */
  async entityValues(
    credentials: BackstageCredentials,
  ): Promise<EntityMetricValues> {
    const now = this.deps.now?.() ?? new Date();
    const bucket = {
      start: new Date(now.getTime() - ENTITY_WINDOW_MS),
      end: now,
    };
    const [services, data] = await Promise.all([
      this.deps.services.services({ kind: 'org' }, credentials),
      this.deps.facts.data(),
    ]);
    const byRef = new Map(services.map(s => [s.entityRef, s]));
    const ids = new Set(this.definitions.map(d => d.id));
    const cache = new Map<string, number | undefined>();
    return {
      value: (_entity, entityRef, metricId) => {
        const service = byRef.get(entityRef);
        if (!service || !ids.has(metricId)) {
          return undefined;
        }
        const key = `${entityRef}\u0000${metricId}`;
        if (!cache.has(key)) {
          // Time to first deploy of this service, whenever it was created.
          const span = metricId.startsWith('valueStream.timeToFirstDeploy')
            ? { start: new Date(0), end: now }
            : bucket;
          const samples = valueStreamSamples(
            metricId,
            [service],
            span,
            data,
            this.options(),
          );
          cache.set(key, samples.value ?? undefined);
        }
        return cache.get(key);
      },
    };
  }

  private options() {
    return {
      now: this.deps.now?.() ?? new Date(),
      withinDays: this.deps.withinDays,
    };
  }
}

function memoTime(date: Date): number {
  return Math.floor(date.getTime() / MEMO_RESOLUTION_MS);
}
