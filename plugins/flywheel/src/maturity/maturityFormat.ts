import {
  MaturityAggregation,
  MaturityComparator,
  MaturityCriterionState,
  MaturityCriterionStatus,
  MetricDirection,
  MetricUnit,
} from '@flywheel/plugin-flywheel-common';
import { parseEntityRef } from '@backstage/catalog-model';
import { formatDate } from '../shared/format';
import {
  formatMetricDifference,
  formatMetricValue,
  formatSamples,
} from '../shared/metricFormat';

/** A criterion's status in words; the chip shows it with an icon. */
export const CRITERION_STATE_LABELS: Record<MaturityCriterionState, string> = {
  met: 'Met',
  unmet: 'Unmet',
  unknown: 'Unknown',
  waived: 'Waived',
};

const COMPARATORS: Record<MaturityComparator, string> = {
  '>=': '≥',
  '>': '>',
  '<=': '≤',
  '<': '<',
};

const AGGREGATIONS: Record<MaturityAggregation, string> = {
  window: 'Over the whole window',
  latest: 'The latest interval',
  min: 'The lowest interval',
  max: 'The highest interval',
  mean: 'The mean of the intervals',
};

/** How a metric criterion reduces its window, e.g. "The lowest interval". */
export function aggregationText(aggregation: MaturityAggregation): string {
  return AGGREGATIONS[aggregation] ?? aggregation;
}

/** The threshold with its comparator in the metric's unit: "≤ 1 d". */
export function thresholdText(
  comparator: MaturityComparator,
  threshold: number,
  unit: MetricUnit,
): string {
  return `${COMPARATORS[comparator] ?? comparator} ${formatMetricValue(
    threshold,
    unit,
  )}`;
}

/**
 * A metric criterion's value against its threshold: "1.5 d, needs ≤ 1 d";
 * undefined for manual criteria.
 */
export function criterionValueText(
  criterion: MaturityCriterionStatus,
): string | undefined {
  const { metric, comparator, threshold } = criterion;
  if (!metric || comparator === undefined || threshold === undefined) {
    return undefined;
  }
  return `${formatMetricValue(
    criterion.value,
    metric.unit,
  )}, needs ${thresholdText(comparator, threshold, metric.unit)}`;
}

/** Samples against the minimum: "25 samples, at least 10 needed". */
export function sampleText(
  criterion: MaturityCriterionStatus,
): string | undefined {
  if (criterion.sampleSize === undefined) {
    return undefined;
  }
  const min = criterion.minSampleSize;
  return `${formatSamples(criterion.sampleSize)}${
    min ? `, at least ${min.toLocaleString()} needed` : ''
  }`;
}

/** The span a criterion was measured over: "Aug 25, 2026 – Nov 23, 2026". */
export function windowText(from?: string, to?: string): string | undefined {
  if (!from || !to) {
    return undefined;
  }
  return `${formatDate(from)} – ${formatDate(to)}`;
}

/** The name part of an entity ref, for a person or a capability without a title. */
export function refName(ref: string): string {
  try {
    return parseEntityRef(ref).name;
  } catch {
    return ref;
  }
}

/** Whether a change in a metric is for the better, worse, or neither. */
export type ChangeJudgement = 'better' | 'worse' | 'neutral';

export function judgeChange(
  change: number,
  direction: MetricDirection,
): ChangeJudgement {
  if (change === 0 || direction === 'neutral') {
    return 'neutral';
  }
  const up = change > 0;
  return up === (direction === 'higher') ? 'better' : 'worse';
}

/**
 * A change since the previous interval in words, never by colour alone:
 * "Up +7 since the previous week (better)", "No change since …".
 */
export function changeText(
  change: number,
  unit: MetricUnit,
  direction: MetricDirection,
  interval: string,
): string {
  if (change === 0) {
    return `No change since the previous ${interval}`;
  }
  const judgement = judgeChange(change, direction);
  return `${change > 0 ? 'Up' : 'Down'} ${formatMetricDifference(
    change,
    unit,
  )} since the previous ${interval}${
    judgement === 'neutral' ? '' : ` (${judgement})`
  }`;
}
