import type {
  MetricDefinition,
  MetricInterval,
  MetricPoint,
} from '../metrics/types';

/** The three outcome families of the product dashboard. @public */
export type OutcomeFamily = 'satisfaction' | 'usage' | 'valueStream';

/** A PM's target for one outcome. @public */
export interface OutcomeTarget {
  value: number;
  /** `config` (app-config) or `ui` (set on the dashboard, overrides config). */
  source: 'config' | 'ui';
  setBy?: string;
  setAt?: string;
}

/** One outcome of the dashboard: its trend, target and change. @public */
export interface OutcomeStatus {
  family: OutcomeFamily;
  /** The configured id, which may hold a `*` (e.g. `surveys.*.nps`). */
  key: string;
  title: string;
  /** The registry's metric, or null when none matches yet. */
  metric: MetricDefinition | null;
  /** Why there is no metric or no value, as a person can act on it. */
  hint?: string;
  points: MetricPoint[];
  /** The latest interval with a value, and the one before it. */
  current: number | null;
  previous: number | null;
  /** current − previous, in the metric's unit. */
  change: number | null;
  target: OutcomeTarget | null;
  /** Whether current meets the target (by the metric's direction). */
  onTarget: boolean | null;
}

/** `GET /maturity/outcomes` @public */
export interface OutcomesResponse {
  from: string;
  to: string;
  interval: MetricInterval;
  items: OutcomeStatus[];
}

/** `PUT /maturity/outcomes/targets/{key}` @public */
export interface OutcomeTargetRequest {
  value: number;
}
