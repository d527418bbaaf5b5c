import {
  MaturityAggregation,
  MaturityCriterionState,
} from '@flywheel/plugin-flywheel-common';
import type { MetricValue } from '../../interfaces/metricRegistry';

/**
 * A window reduced to one number. `window` is the metric over the whole
 * window; the others work on its values per interval. `latest` is the
 * latest interval measured on enough samples (a survey wave that has just
 * opened does not hide the last complete one), else the latest with any;
 * min, max and mean rest on the interval with the fewest samples (each
 * interval must be backed by data: one without any makes the criterion
 * unknown, never met).
 */
export function reduceValues(
  perInterval: MetricValue[],
  whole: MetricValue,
  aggregation: MaturityAggregation,
  minSampleSize = 1,
): MetricValue {
  if (aggregation === 'window') {
    return whole;
  }
  if (aggregation === 'latest') {
    const measured = perInterval.filter(v => v.value !== null);
    return (
      measured.filter(v => v.sampleSize >= minSampleSize).at(-1) ??
      measured.at(-1) ?? { value: null, sampleSize: 0 }
    );
  }
  if (perInterval.length === 0) {
    return { value: null, sampleSize: 0 };
  }
  const sampleSize = Math.min(
    ...perInterval.map(v => (v.value === null ? 0 : v.sampleSize)),
  );
  const values = perInterval
    .map(v => v.value)
    .filter((v): v is number => v !== null);
  if (values.length === 0) {
    return { value: null, sampleSize: 0 };
  }
  let value: number;
  if (aggregation === 'min') {
    value = Math.min(...values);
  } else if (aggregation === 'max') {
    value = Math.max(...values);
  } else {
    value = values.reduce((a, b) => a + b, 0) / values.length;
  }
  return { value: Math.round(value * 10_000) / 10_000, sampleSize };
}

/**
 * Several scopes into one status: `all` (each golden path must meet it) or
 * `any` (one pioneering team is enough). Returns the index of the scope
 * whose value stands for the whole.
 */
export function combine(
  states: MaturityCriterionState[],
  match: 'all' | 'any',
): { status: MaturityCriterionState; representative: number } {
  const first = (s: MaturityCriterionState) => states.indexOf(s);
  if (match === 'all') {
    if (first('unmet') >= 0) {
      return { status: 'unmet', representative: first('unmet') };
    }
    if (first('unknown') >= 0) {
      return { status: 'unknown', representative: first('unknown') };
    }
    return { status: 'met', representative: 0 };
  }
  if (first('met') >= 0) {
    return { status: 'met', representative: first('met') };
  }
  // A team without enough data might still meet it: not known to fail.
  if (first('unknown') >= 0) {
    return { status: 'unknown', representative: first('unknown') };
  }
  return { status: 'unmet', representative: 0 };
}
