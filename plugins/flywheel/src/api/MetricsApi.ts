import {
  MetricComparisonResponse,
  MetricInterval,
  MetricSeriesResponse,
  MetricsResponse,
  UsageBreakdownBy,
  UsageBreakdownResponse,
} from '@flywheel/plugin-flywheel-common';
import { FlywheelHttp } from './FlywheelHttp';

/**
 * What a metric is read for and over which span. At most one of `groupRef`,
 * `entityRef` and `goldenPath`; none is the whole organisation. Either
 * `window` (ending at `to`, default now) or `from`.
 *
 * @public
 */
export interface MetricQuery {
  /** A Group; the metric over it and its sub-teams. */
  groupRef?: string;
  /** One entity, e.g. `component:default/checkout-api`. */
  entityRef?: string;
  /** A template ref; the services created from that golden path. */
  goldenPath?: string;
  /** The span ending at `to`: `90d`, `26w`, `6m`, `1y` (the backend's default is `26w`). */
  window?: string;
  /** ISO 8601 start, instead of `window`. */
  from?: string;
  /** ISO 8601 end (exclusive); default now. */
  to?: string;
}

/**
 * A metric's series: the scope and span, and the width of one point
 * (the backend's default is `week`).
 *
 * @public
 */
export interface MetricSeriesQuery extends MetricQuery {
  interval?: MetricInterval;
}

/**
 * Which usage to break down and over which span. The breakdown is always of
 * the whole organisation: it takes no team, golden path or entity. Either
 * `window` (ending at `to`, default now) or `from`.
 *
 * @public
 */
export interface UsageBreakdownQuery {
  /** Per plugin (the backend's default) or per plugin and route. */
  by?: UsageBreakdownBy;
  /** The span ending at `to`, e.g. `30d` (the backend's default), `26w`. */
  window?: string;
  /** ISO 8601 start, instead of `window`. */
  from?: string;
  /** ISO 8601 end (exclusive); default now. */
  to?: string;
  /** The most rows (the backend's default is 100, at most 1,000). */
  limit?: number;
}

/**
 * Metrics: the registry of every number Flywheel computes, read as series or
 * compared between golden-path and hand-made services. Reads need
 * `flywheel.metrics.read`.
 *
 * @public
 */
export interface MetricsApi {
  /** Every metric of the registry with its definition. */
  getMetrics(): Promise<MetricsResponse>;

  /**
   * A metric as points over a window, and its value over the whole window.
   * A point without samples has a null value.
   *
   * @param metricId - e.g. `valueStream.leadTime.median`
   */
  getMetricSeries(
    metricId: string,
    query?: MetricSeriesQuery,
  ): Promise<MetricSeriesResponse>;

  /**
   * A metric's series as CSV. The export needs the user's credentials, so it
   * is fetched rather than linked.
   */
  exportMetricSeriesCsv(
    metricId: string,
    query?: MetricSeriesQuery,
  ): Promise<Blob>;

  /**
   * Golden-path services against hand-made ones over a window, with sample
   * sizes, a significance test when there are enough samples, and the
   * comparison in one sentence. Only for metrics marked `comparable`.
   */
  getMetricComparison(
    metricId: string,
    query?: MetricQuery,
  ): Promise<MetricComparisonResponse>;

  /**
   * Platform usage per plugin, or per plugin and route: events and distinct
   * people of each over a window, most people first, with the totals.
   */
  getUsageBreakdown(
    query?: UsageBreakdownQuery,
  ): Promise<UsageBreakdownResponse>;
}

function metricPath(metricId: string, what: 'series' | 'comparison') {
  return `/metrics/${encodeURIComponent(metricId)}/${what}`;
}

/** MetricsApi over the Flywheel backend. */
export class MetricsClient implements MetricsApi {
  constructor(private readonly http: FlywheelHttp) {}

  getMetrics(): Promise<MetricsResponse> {
    return this.http.get('/metrics');
  }

  getMetricSeries(
    metricId: string,
    query: MetricSeriesQuery = {},
  ): Promise<MetricSeriesResponse> {
    return this.http.get(metricPath(metricId, 'series'), { ...query });
  }

  async exportMetricSeriesCsv(
    metricId: string,
    query: MetricSeriesQuery = {},
  ): Promise<Blob> {
    const response = await this.http.request(metricPath(metricId, 'series'), {
      ...query,
      format: 'csv',
    });
    return response.blob();
  }

  getMetricComparison(
    metricId: string,
    query: MetricQuery = {},
  ): Promise<MetricComparisonResponse> {
    return this.http.get(metricPath(metricId, 'comparison'), { ...query });
  }

  getUsageBreakdown(
    query: UsageBreakdownQuery = {},
  ): Promise<UsageBreakdownResponse> {
    return this.http.get('/usage/breakdown', { ...query });
  }
}
