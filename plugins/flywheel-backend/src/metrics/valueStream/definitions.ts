import { MetricDefinition } from '@flywheel/plugin-flywheel-common';

const SCOPES: MetricDefinition['scopes'] = [
  'entity',
  'group',
  'goldenPath',
  'org',
];

function metric(
  definition: Omit<MetricDefinition, 'domain' | 'scopes'>,
): MetricDefinition {
  return { domain: 'valueStream', scopes: SCOPES, ...definition };
}

/** The value-stream metrics (docs/metrics.md has the definitions in full). */
export function valueStreamMetrics(withinDays: number): MetricDefinition[] {
  return [
    metric({
      id: 'valueStream.timeToFirstDeploy.median',
      title: 'Time to first deploy (median)',
      description:
        'From the scaffolder task creating a service (or its flywheel.dev/created-at annotation) to its first successful production deployment; services counted in the interval they were created in, those not deployed yet left out.',
      unit: 'seconds',
      direction: 'lower',
      aggregation: 'median',
      comparable: true,
    }),
    metric({
      id: 'valueStream.timeToFirstDeploy.p90',
      title: 'Time to first deploy (90th percentile)',
      description:
        'As the median, the 90th percentile: how long the slowest tenth of new services wait.',
      unit: 'seconds',
      direction: 'lower',
      aggregation: 'p90',
      comparable: true,
    }),
    metric({
      id: 'valueStream.deployedWithinDays',
      title: `New services deployed within ${withinDays} days`,
      description: `Share of the services created in the interval that had a successful production deployment within ${withinDays} days of creation; services never deployed count as not deployed. Services younger than ${withinDays} days are not counted yet.`,
      unit: 'percent',
      direction: 'higher',
      aggregation: 'share',
      comparable: true,
    }),
    metric({
      id: 'valueStream.leadTime.median',
      title: 'Lead time for changes (median)',
      description:
        'From the first authored commit a successful production deployment shipped that no earlier one of the service shipped, to that deployment finishing.',
      unit: 'seconds',
      direction: 'lower',
      aggregation: 'median',
      comparable: true,
    }),
    metric({
      id: 'valueStream.deploymentFrequency',
      title: 'Deployment frequency',
      description:
        'Successful production deployments per service per week: the median over the services that report deployments.',
      unit: 'perWeek',
      direction: 'higher',
      aggregation: 'median',
      comparable: true,
    }),
    metric({
      id: 'valueStream.deployments',
      title: 'Production deployments',
      description:
        'Successful production deployments in the interval, all services of the scope together.',
      unit: 'count',
      direction: 'neutral',
      aggregation: 'count',
      comparable: false,
    }),
    metric({
      id: 'valueStream.changeFailureRate',
      title: 'Change failure rate',
      description:
        'Failed production deployments ÷ all production deployments (successful and failed) in the interval.',
      unit: 'percent',
      direction: 'lower',
      aggregation: 'share',
      comparable: true,
    }),
    metric({
      id: 'valueStream.recoveryTime.median',
      title: 'Failed-deployment recovery time (median)',
      description:
        'From a failed production deployment to the next successful one of the same service; failures not recovered yet left out.',
      unit: 'seconds',
      direction: 'lower',
      aggregation: 'median',
      comparable: true,
    }),
  ];
}
