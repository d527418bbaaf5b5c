import { median, quantile } from '@flywheel/plugin-flywheel-common';
import type { Bucket, MetricSamples } from '../../interfaces/metricRegistry';
import type { Service } from '../services/ServiceDirectory';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** The deployment data of a window, read once per request. */
export interface ValueStreamData {
  deployments: { entityRef: string; success: boolean; finishedAt: Date }[];
  leadTimes: { entityRef: string; finishedAt: Date; seconds: number }[];
  recoveries: { entityRef: string; failedAt: Date; recoveredAt?: Date }[];
  firstDeployments: Map<string, Date>;
  /** Services that ever reported a production deployment. */
  reporting: Set<string>;
}

const inBucket = (time: Date, bucket: Bucket) =>
  time >= bucket.start && time < bucket.end;

const valuesOf = (values: number[], value: number | null): MetricSamples => ({
  kind: 'values',
  values,
  value,
});

const shareOf = (successes: number, n: number): MetricSamples => ({
  kind: 'share',
  successes,
  n,
  value: n === 0 ? null : Math.round((1000 * successes) / n) / 10,
});

/**
 * The samples of one value-stream metric for some services in one bucket,
 * and the value they give (docs/metrics.md defines each).
 */
export function valueStreamSamples(
  metricId: string,
  services: readonly Service[],
  bucket: Bucket,
  data: ValueStreamData,
  options: { now: Date; withinDays: number },
): MetricSamples {
  const refs = new Set(services.map(s => s.entityRef));
  switch (metricId) {
    case 'valueStream.timeToFirstDeploy.median':
    case 'valueStream.timeToFirstDeploy.p90': {
      const seconds: number[] = [];
      for (const service of services) {
        const deployed = data.firstDeployments.get(service.entityRef);
        if (
          service.createdAt &&
          deployed &&
          inBucket(service.createdAt, bucket)
        ) {
          seconds.push(
            Math.max(
              0,
              (deployed.getTime() - service.createdAt.getTime()) / 1000,
            ),
          );
        }
      }
      const q = metricId.endsWith('p90') ? 0.9 : 0.5;
      return valuesOf(seconds, quantile(seconds, q));
    }
    case 'valueStream.deployedWithinDays': {
      const window = options.withinDays * DAY_MS;
      let n = 0;
      let deployedInTime = 0;
      for (const service of services) {
        const created = service.createdAt;
        if (
          !created ||
          !inBucket(created, bucket) ||
          created.getTime() + window > options.now.getTime()
        ) {
          continue; // not created here, or its N days are not over yet
        }
        n++;
        const deployed = data.firstDeployments.get(service.entityRef);
        if (deployed && deployed.getTime() - created.getTime() <= window) {
          deployedInTime++;
        }
      }
      return shareOf(deployedInTime, n);
    }
    case 'valueStream.leadTime.median': {
      const seconds = data.leadTimes
        .filter(t => refs.has(t.entityRef) && inBucket(t.finishedAt, bucket))
        .map(t => t.seconds);
      return valuesOf(seconds, median(seconds));
    }
    case 'valueStream.deploymentFrequency': {
      const weeks = (bucket.end.getTime() - bucket.start.getTime()) / WEEK_MS;
      const counts = new Map<string, number>();
      for (const ref of refs) {
        if (data.reporting.has(ref)) {
          counts.set(ref, 0);
        }
      }
      for (const d of data.deployments) {
        if (
          d.success &&
          counts.has(d.entityRef) &&
          inBucket(d.finishedAt, bucket)
        ) {
          counts.set(d.entityRef, counts.get(d.entityRef)! + 1);
        }
      }
      const perWeek = [...counts.values()].map(
        n => Math.round((100 * n) / weeks) / 100,
      );
      return valuesOf(perWeek, median(perWeek));
    }
    case 'valueStream.deployments': {
      const n = data.deployments.filter(
        d =>
          d.success && refs.has(d.entityRef) && inBucket(d.finishedAt, bucket),
      ).length;
      return { kind: 'share', successes: n, n, value: n };
    }
    case 'valueStream.changeFailureRate': {
      let failed = 0;
      let all = 0;
      for (const d of data.deployments) {
        if (refs.has(d.entityRef) && inBucket(d.finishedAt, bucket)) {
          all++;
          failed += d.success ? 0 : 1;
        }
      }
      return shareOf(failed, all);
    }
    case 'valueStream.recoveryTime.median': {
      const seconds = data.recoveries
        .filter(
          r =>
            refs.has(r.entityRef) &&
            r.recoveredAt &&
            inBucket(r.failedAt, bucket),
        )
        .map(r => (r.recoveredAt!.getTime() - r.failedAt.getTime()) / 1000);
      return valuesOf(seconds, median(seconds));
    }
    default:
      throw new Error(`Not a value-stream metric: ${metricId}`);
  }
}

/** How many samples a value rests on. */
export function sampleSize(samples: MetricSamples): number {
  return samples.kind === 'values' ? samples.values.length : samples.n;
}
