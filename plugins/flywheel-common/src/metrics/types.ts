/** How a metric's number reads. @public */
export type MetricUnit =
  | 'percent'
  | 'seconds'
  | 'days'
  | 'count'
  | 'perWeek'
  | 'score'
  | 'ratio';

/** Which way is better; `neutral` when neither is (e.g. a count of events). @public */
export type MetricDirection = 'higher' | 'lower' | 'neutral';

/**
 * What a metric is computed for: one entity, a team with its sub-teams, the
 * services of one golden path, or the whole organisation. @public
 */
export type MetricScopeKind = 'entity' | 'group' | 'goldenPath' | 'org';

/** The width of one point of a series. @public */
export type MetricInterval = 'day' | 'week' | 'month';

/** One metric as the registry defines it. @public */
export interface MetricDefinition {
  /** e.g. `valueStream.timeToFirstDeploy.median` */
  id: string;
  title: string;
  /** What it counts, from what to what: the definition users read. */
  description: string;
  /** The domain that publishes it. */
  domain:
    | 'goldenPaths'
    | 'scorecards'
    | 'surveys'
    | 'valueStream'
    | 'usage'
    | 'campaigns';
  unit: MetricUnit;
  direction: MetricDirection;
  scopes: MetricScopeKind[];
  /** How one point is formed from the events in its interval. */
  aggregation:
    | 'median'
    | 'p90'
    | 'mean'
    | 'share'
    | 'rate'
    | 'count'
    | 'distinct'
    | 'ratio'
    | 'latest';
  /** Can be split into golden-path and hand-made services. */
  comparable: boolean;
}

/** A metric's scope as a request names it. @public */
export interface MetricScope {
  kind: MetricScopeKind;
  /** Entity ref (entity, group) or template ref (goldenPath); none for org. */
  ref?: string;
}

/** One point of a series: the interval [start, end) and its value. @public */
export interface MetricPoint {
  start: string;
  end: string;
  /** Null when the interval has no samples (an empty window is no zero). */
  value: number | null;
  /** How many services, deployments, users or answers the value rests on. */
  sampleSize: number;
}

/** `GET /metrics` @public */
export interface MetricsResponse {
  items: MetricDefinition[];
}

/** `GET /metrics/{id}/series` @public */
export interface MetricSeriesResponse {
  metric: MetricDefinition;
  scope: MetricScope;
  from: string;
  to: string;
  interval: MetricInterval;
  points: MetricPoint[];
  /** The value over the whole window [from, to). */
  total: MetricPoint;
}

/** One side of a golden-path vs hand-made comparison. @public */
export interface MetricComparisonSide {
  value: number | null;
  sampleSize: number;
}

/** `GET /metrics/{id}/comparison` @public */
export interface MetricComparisonResponse {
  metric: MetricDefinition;
  scope: MetricScope;
  from: string;
  to: string;
  goldenPath: MetricComparisonSide;
  handMade: MetricComparisonSide;
  /** goldenPath − handMade, in the metric's unit; null when a side is empty. */
  difference: number | null;
  /** The test behind `significant`; null when a side has too few samples. */
  test: {
    name: 'Mann–Whitney U' | 'two-proportion z';
    pValue: number;
    significant: boolean;
  } | null;
  /** The comparison in one sentence, as a PM would say it. */
  summary: string;
}
