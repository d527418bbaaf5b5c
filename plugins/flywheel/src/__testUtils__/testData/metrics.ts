// Metrics: the registry (the value-stream metrics as the backend defines
// them, and a usage metric of another domain for the generic UI), series
// over four ISO weeks with gaps, golden-path vs hand-made comparisons, and
// usage per plugin and route.
import {
  MetricComparisonResponse,
  MetricDefinition,
  MetricScope,
  MetricSeriesResponse,
  MetricsResponse,
  UsageBreakdownResponse,
} from '@flywheel/plugin-flywheel-common';
import { MetricSeriesQuery } from '../../api';

const ALL_SCOPES: MetricDefinition['scopes'] = [
  'entity',
  'group',
  'goldenPath',
  'org',
];

function valueStream(
  definition: Omit<MetricDefinition, 'domain' | 'scopes'>,
): MetricDefinition {
  return { domain: 'valueStream', scopes: ALL_SCOPES, ...definition };
}

export const timeToFirstDeployMetric = valueStream({
  id: 'valueStream.timeToFirstDeploy.median',
  title: 'Time to first deploy (median)',
  description:
    'From the scaffolder task creating a service to its first successful production deployment; services not deployed yet left out.',
  unit: 'seconds',
  direction: 'lower',
  aggregation: 'median',
  comparable: true,
});

export const leadTimeMetric = valueStream({
  id: 'valueStream.leadTime.median',
  title: 'Lead time for changes (median)',
  description:
    'From the first authored commit a successful production deployment shipped to that deployment finishing.',
  unit: 'seconds',
  direction: 'lower',
  aggregation: 'median',
  comparable: true,
});

export const deploymentFrequencyMetric = valueStream({
  id: 'valueStream.deploymentFrequency',
  title: 'Deployment frequency',
  description:
    'Successful production deployments per service per week: the median over the services that report deployments.',
  unit: 'perWeek',
  direction: 'higher',
  aggregation: 'median',
  comparable: true,
});

export const deploymentsMetric = valueStream({
  id: 'valueStream.deployments',
  title: 'Production deployments',
  description:
    'Successful production deployments in the interval, all services of the scope together.',
  unit: 'count',
  direction: 'neutral',
  aggregation: 'count',
  comparable: false,
});

export const changeFailureRateMetric = valueStream({
  id: 'valueStream.changeFailureRate',
  title: 'Change failure rate',
  description:
    'Failed production deployments ÷ all production deployments (successful and failed) in the interval.',
  unit: 'percent',
  direction: 'lower',
  aggregation: 'share',
  comparable: true,
});

/** Only for the organisation: a metric the team filter cannot narrow. */
export const activeUsersMetric: MetricDefinition = {
  id: 'usage.activeUsers.weekly',
  title: 'Weekly active users',
  description:
    'Distinct users with at least one event in the week; the denominator is the User entities in the catalog.',
  domain: 'usage',
  unit: 'count',
  direction: 'higher',
  scopes: ['org'],
  aggregation: 'distinct',
  comparable: false,
};

/** In the registry's order: value stream first, usage after. */
export const metricDefinitions: MetricDefinition[] = [
  timeToFirstDeployMetric,
  leadTimeMetric,
  deploymentFrequencyMetric,
  deploymentsMetric,
  changeFailureRateMetric,
  activeUsersMetric,
];

export const metricsResponse: MetricsResponse = { items: metricDefinitions };

/** The four ISO weeks every test series covers, Mondays in UTC. */
export const SERIES_WEEKS = [
  '2026-06-22',
  '2026-06-29',
  '2026-07-06',
  '2026-07-13',
];

const DAY = 86_400;
const HOUR = 3_600;

/** Per metric: the weekly values (null: no samples), and the window's total. */
const SERIES_VALUES: Record<
  string,
  { values: (number | null)[]; total: number | null; samples: number[] }
> = {
  [timeToFirstDeployMetric.id]: {
    values: [2 * DAY, null, 1.5 * DAY, DAY],
    total: 1.25 * DAY,
    samples: [2, 0, 3, 2],
  },
  [leadTimeMetric.id]: {
    values: [4 * HOUR, 3 * HOUR, null, 2 * HOUR],
    total: 2.5 * HOUR,
    samples: [12, 10, 0, 18],
  },
  [deploymentFrequencyMetric.id]: {
    values: [2, 2.5, 3, 3.5],
    total: 2.75,
    samples: [6, 6, 7, 7],
  },
  [deploymentsMetric.id]: {
    values: [12, 15, 9, 18],
    total: 54,
    samples: [12, 15, 9, 18],
  },
  [changeFailureRateMetric.id]: {
    values: [10, 6.7, null, 5],
    total: 7.4,
    samples: [20, 15, 0, 20],
  },
  [activeUsersMetric.id]: {
    values: [40, 42, 45, 47],
    total: 61,
    samples: [40, 42, 45, 47],
  },
};

function scopeOf(query: MetricSeriesQuery = {}): MetricScope {
  if (query.groupRef) {
    return { kind: 'group', ref: query.groupRef };
  }
  if (query.entityRef) {
    return { kind: 'entity', ref: query.entityRef };
  }
  if (query.goldenPath) {
    return { kind: 'goldenPath', ref: query.goldenPath };
  }
  return { kind: 'org' };
}

function weekEnd(start: string) {
  const end = new Date(`${start}T00:00:00.000Z`);
  end.setUTCDate(end.getUTCDate() + 7);
  return end.toISOString();
}

/** A weekly series of a test metric, as `GET /metrics/{id}/series` returns it. */
export function metricSeries(
  metric: MetricDefinition,
  query: MetricSeriesQuery = {},
  values = SERIES_VALUES[metric.id],
): MetricSeriesResponse {
  const from = `${SERIES_WEEKS[0]}T00:00:00.000Z`;
  const to = weekEnd(SERIES_WEEKS[SERIES_WEEKS.length - 1]);
  return {
    metric,
    scope: scopeOf(query),
    from,
    to,
    interval: 'week',
    points: SERIES_WEEKS.map((start, i) => ({
      start: `${start}T00:00:00.000Z`,
      end: weekEnd(start),
      value: values.values[i],
      sampleSize: values.samples[i],
    })),
    total: {
      start: from,
      end: to,
      value: values.total,
      sampleSize: values.samples.reduce((a, b) => a + b, 0),
    },
  };
}

/** A series without a single sample: what a scope without deployments gets. */
export function emptyMetricSeries(
  metric: MetricDefinition,
  query: MetricSeriesQuery = {},
): MetricSeriesResponse {
  return metricSeries(metric, query, {
    values: SERIES_WEEKS.map(() => (metric.unit === 'count' ? 0 : null)),
    total: metric.unit === 'count' ? 0 : null,
    samples: SERIES_WEEKS.map(() => 0),
  });
}

/** The series of a registered test metric by id; rejects like a 404 otherwise. */
export async function metricSeriesById(
  metricId: string,
  query: MetricSeriesQuery = {},
): Promise<MetricSeriesResponse> {
  const metric = metricDefinitions.find(m => m.id === metricId);
  if (!metric) {
    throw new Error(`No metric '${metricId}'`);
  }
  return metricSeries(metric, query);
}

/** Lead time, golden path against hand-made, with a significant test. */
export const leadTimeComparison: MetricComparisonResponse = {
  metric: leadTimeMetric,
  scope: { kind: 'org' },
  from: '2026-01-19T00:00:00.000Z',
  to: '2026-07-20T00:00:00.000Z',
  goldenPath: { value: 2 * HOUR, sampleSize: 24 },
  handMade: { value: 4 * HOUR, sampleSize: 16 },
  difference: -2 * HOUR,
  test: { name: 'Mann–Whitney U', pValue: 0.012, significant: true },
  summary:
    'Golden-path services are better, beyond chance (p = 0.012, 24 golden-path and 16 hand-made samples).',
};

/** Time to first deploy with too few services on each side for a test. */
export const untestedComparison: MetricComparisonResponse = {
  metric: timeToFirstDeployMetric,
  scope: { kind: 'org' },
  from: '2026-01-19T00:00:00.000Z',
  to: '2026-07-20T00:00:00.000Z',
  goldenPath: { value: DAY, sampleSize: 3 },
  handMade: { value: 2 * DAY, sampleSize: 2 },
  difference: -DAY,
  test: null,
  summary:
    'Too few samples to tell whether the difference is real (3 golden-path and 2 hand-made samples; at least 5 on each side).',
};

/** A comparison where one side has no samples at all. */
export const oneSidedComparison: MetricComparisonResponse = {
  ...untestedComparison,
  goldenPath: { value: DAY, sampleSize: 4 },
  handMade: { value: null, sampleSize: 0 },
  difference: null,
  summary:
    'Not enough data to compare (4 golden-path and 0 hand-made samples).',
};

/** Usage per plugin over the last 26 weeks, as the backend answers. */
export const usageByPlugin: UsageBreakdownResponse = {
  by: 'plugin',
  from: '2026-06-08T12:00:00.000Z',
  to: '2026-12-07T12:00:00.000Z',
  total: { events: 1790, users: 57 },
  items: [
    { pluginId: 'catalog', events: 1200, users: 55 },
    { pluginId: 'techdocs', events: 320, users: 41 },
    { pluginId: 'scaffolder', events: 150, users: 22 },
    { pluginId: 'flywheel', events: 120, users: 14 },
  ],
  truncated: false,
};

/** Usage per route, more rows than were asked for. */
export const usageByRoute: UsageBreakdownResponse = {
  by: 'route',
  from: usageByPlugin.from,
  to: usageByPlugin.to,
  total: usageByPlugin.total,
  items: [
    { pluginId: 'catalog', routeRef: 'catalog:entity', events: 800, users: 52 },
    { pluginId: 'catalog', routeRef: 'catalog', events: 400, users: 50 },
    { pluginId: 'techdocs', routeRef: null, events: 320, users: 41 },
  ],
  truncated: true,
};

/** A window without a single usage event. */
export const emptyUsage: UsageBreakdownResponse = {
  ...usageByPlugin,
  total: { events: 0, users: 0 },
  items: [],
};
