import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { MetricDefinition } from '@flywheel/plugin-flywheel-common';
import type {
  Bucket,
  EntityMetricValues,
  MetricProvider,
  MetricValue,
  ResolvedScope,
} from '../../interfaces/metricRegistry';
import { Service, ServiceDirectory } from '../services/ServiceDirectory';
import { DeploymentStore } from '../store/DeploymentStore';
import { valueStreamMetrics } from './definitions';
import { sampleSize, ValueStreamData, valueStreamSamples } from './samples';

/** The window of the per-entity values scorecard checks read. */
const ENTITY_WINDOW_MS = 90 * 86_400_000;

/** What each metric reads from the store. */
const NEEDS: Record<string, (keyof ValueStreamData)[]> = {
  'valueStream.timeToFirstDeploy.median': ['firstDeployments'],
  'valueStream.timeToFirstDeploy.p90': ['firstDeployments'],
  'valueStream.deployedWithinDays': ['firstDeployments'],
  'valueStream.leadTime.median': ['leadTimes'],
  'valueStream.deploymentFrequency': ['deployments', 'reporting'],
  'valueStream.deployments': ['deployments'],
  'valueStream.changeFailureRate': ['deployments'],
  'valueStream.recoveryTime.median': ['recoveries'],
};

/**
 * Publishes the value-stream metrics: deployments (DeploymentStore) over
 * the services of a scope as the caller sees them (ServiceDirectory).
 */
export class ValueStreamProvider implements MetricProvider {
  private readonly definitions: MetricDefinition[];

  constructor(
    private readonly deps: {
      store: DeploymentStore;
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
    const services = await this.deps.services.services(scope, credentials);
    const data = await this.read(metricId, scope, services, buckets);
    return buckets.map(bucket => {
      const samples = valueStreamSamples(
        metricId,
        services,
        bucket,
        data,
        this.options(),
      );
      return { value: samples.value, sampleSize: sampleSize(samples) };
    });
  }

  async split(
    metricId: string,
    scope: ResolvedScope,
    bucket: Bucket,
    credentials: BackstageCredentials,
  ) {
    const services = await this.deps.services.services(scope, credentials);
    const data = await this.read(metricId, scope, services, [bucket]);
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
    const services = await this.deps.services.services(
      { kind: 'org' },
      credentials,
    );
    const window = { from: bucket.start, to: bucket.end };
    const { store } = this.deps;
    const [deployments, leadTimes, recoveries, firstDeployments, reporting] =
      await Promise.all([
        store.productionDeployments(window),
        store.leadTimes(window),
        store.recoveries(window),
        store.firstDeployments(),
        store.reportingServices(),
      ]);
    const data = {
      deployments,
      leadTimes,
      recoveries,
      firstDeployments,
      reporting,
    };
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

  /** Reads only what the metric needs, for the whole window at once. */
  private async read(
    metricId: string,
    scope: ResolvedScope,
    services: Service[],
    buckets: Bucket[],
  ): Promise<ValueStreamData> {
    const needs = new Set(NEEDS[metricId] ?? []);
    // The whole organisation: no list of refs to send (the services filter
    // what comes back).
    const entityRefs =
      scope.kind === 'org' ? undefined : services.map(s => s.entityRef);
    const window = {
      entityRefs,
      from: buckets[0].start,
      to: buckets[buckets.length - 1].end,
    };
    const { store } = this.deps;
    const [deployments, leadTimes, recoveries, firstDeployments, reporting] =
      await Promise.all([
        needs.has('deployments') ? store.productionDeployments(window) : [],
        needs.has('leadTimes') ? store.leadTimes(window) : [],
        needs.has('recoveries') ? store.recoveries(window) : [],
        needs.has('firstDeployments')
          ? store.firstDeployments(entityRefs)
          : new Map<string, Date>(),
        needs.has('reporting')
          ? store.reportingServices(entityRefs)
          : new Set<string>(),
      ]);
    return { deployments, leadTimes, recoveries, firstDeployments, reporting };
  }
}
