import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { MetricDefinition } from '@flywheel/plugin-flywheel-common';
import type {
  Bucket,
  MetricProvider,
  MetricValue,
  ResolvedScope,
} from '../../interfaces/metricRegistry';
import { Service, ServiceDirectory } from '../services/ServiceDirectory';
import { DeploymentStore } from '../store/DeploymentStore';
import { valueStreamMetrics } from './definitions';
import { sampleSize, ValueStreamData, valueStreamSamples } from './samples';

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
  readonly metrics: MetricDefinition[];

  constructor(
    private readonly deps: {
      store: DeploymentStore;
      services: ServiceDirectory;
      withinDays: number;
      now?: () => Date;
    },
  ) {
    this.metrics = valueStreamMetrics(deps.withinDays);
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
