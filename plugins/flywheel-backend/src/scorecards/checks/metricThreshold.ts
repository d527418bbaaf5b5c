import { z } from 'zod';
import { CheckType } from './CheckType';
import { compareNumbers, listOrNone } from './util';

const OPERATORS = ['<', '<=', '>', '>=', '==', '!='] as const;

const params = z.strictObject({
  /** Id of a Flywheel metric, e.g. `timeToFirstDeployDays`. */
  metric: z.string().min(1),
  operator: z.enum(OPERATORS),
  threshold: z.number(),
});

/** Parameters of `metric`. */
export type MetricParams = z.infer<typeof params>;

/**
 * `metric`: a Flywheel metric of the entity compared with a threshold, e.g.
 * `{ metric: deploysPerWeek, operator: '>=', threshold: 1 }`. Unknown when
 * the entity has no value for the metric.
 */
export const metricCheck: CheckType<MetricParams> = {
  type: 'metric',
  description:
    'A Flywheel metric of the entity compared with a threshold (metric, operator: < <= > >= == !=, threshold)',
  params,
  validate({ metric }, { metrics }) {
    if (metrics.has(metric)) {
      return undefined;
    }
    return `metric '${metric}' is not a known metric (known: ${listOrNone(
      metrics,
    )})`;
  },
  evaluate({ metric, operator, threshold }, context) {
    let value: number | undefined;
    try {
      value = context.metric(metric);
    } catch (e) {
      return {
        state: 'unknown',
        reason: `Metric ${metric} could not be read: ${(e as Error).message}`,
      };
    }
    if (value === undefined || value === null) {
      return {
        state: 'unknown',
        reason: `Metric ${metric} is not known for this entity`,
      };
    }
    if (typeof value !== 'number' || Number.isNaN(value)) {
      return {
        state: 'unknown',
        reason: `Metric ${metric} is not a number (${String(value)})`,
      };
    }
    return compareNumbers(value, operator, threshold)
      ? {
          state: 'pass',
          reason: `${metric} is ${value} (${operator} ${threshold})`,
          value,
        }
      : {
          state: 'fail',
          reason: `${metric} is ${value}, expected ${operator} ${threshold}`,
          value,
        };
  },
};
