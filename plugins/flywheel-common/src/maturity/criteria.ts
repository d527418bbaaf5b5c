import type { MetricScope, MetricUnit } from '../metrics/types';
import type {
  MaturityComparator,
  MaturityCriterionState,
  MetricCriterionDefinition,
} from './types';

/**
 * Whether a value passes a criterion's threshold.
 *
 * @public
 */
export function compareToThreshold(
  value: number,
  comparator: MaturityComparator,
  threshold: number,
): boolean {
  switch (comparator) {
    case '>=':
      return value >= threshold;
    case '>':
      return value > threshold;
    case '<=':
      return value <= threshold;
    case '<':
      return value < threshold;
    default:
      return false;
  }
}

/**
 * Met, unmet or unknown: fewer samples than the minimum is never met.
 *
 * @public
 */
export function judgeCriterionValue(
  reduced: { value: number | null; sampleSize: number },
  criterion: {
    comparator: MaturityComparator;
    threshold: number;
    minSampleSize: number;
  },
): MaturityCriterionState {
  if (reduced.value === null || reduced.sampleSize < criterion.minSampleSize) {
    return 'unknown';
  }
  return compareToThreshold(
    reduced.value,
    criterion.comparator,
    criterion.threshold,
  )
    ? 'met'
    : 'unmet';
}

/**
 * A metric value in its unit, as a criterion's reason words it.
 *
 * @public
 */
export function formatCriterionValue(value: number, unit: MetricUnit): string {
  const round = (n: number) => String(Math.round(n * 10) / 10);
  switch (unit) {
    case 'percent':
      return `${round(value)} %`;
    case 'seconds':
      if (Math.abs(value) >= 86_400) {
        return `${round(value / 86_400)} days`;
      }
      if (Math.abs(value) >= 3_600) {
        return `${round(value / 3_600)} hours`;
      }
      return `${round(value / 60)} minutes`;
    case 'days':
      return `${round(value)} days`;
    case 'perWeek':
      return `${round(value)} per week`;
    default:
      return round(value);
  }
}

/** "over 12w", "lowest week of 4w", "latest month of 6m". */
function measuredOver(criterion: MetricCriterionDefinition): string {
  const { aggregation, interval, window } = criterion;
  const words = {
    window: 'over',
    latest: `latest ${interval} of`,
    min: `lowest ${interval} of`,
    max: `highest ${interval} of`,
    mean: `mean ${interval} of`,
  } as const;
  return `${words[aggregation]} ${window}`;
}

/**
 * Why a metric criterion has its status, in one line: the wording Flywheel
 * stores with a transition's frozen criteria.
 *
 * @public
 */
export function describeCriterionValue(input: {
  status: MaturityCriterionState;
  value: number | null;
  sampleSize: number;
  unit: MetricUnit;
  criterion: MetricCriterionDefinition;
  /** Set when the criterion spans several scopes: the one shown. */
  scopeName?: string;
}): string {
  const { value, sampleSize, unit, criterion } = input;
  const where = input.scopeName ? ` for ${input.scopeName}` : '';
  if (value === null) {
    return `No data${where} in the last ${criterion.window}`;
  }
  const measured = `${formatCriterionValue(
    value,
    unit,
  )}${where} (${measuredOver(criterion)}, ${sampleSize} samples)`;
  if (sampleSize < criterion.minSampleSize) {
    return `${measured}: fewer than the ${criterion.minSampleSize} samples needed`;
  }
  return `${measured} ${input.status === 'met' ? 'meets' : 'misses'} ${
    criterion.comparator
  } ${formatCriterionValue(criterion.threshold, unit)}`;
}

/**
 * The Metrics tab showing a criterion's metric, scope and window.
 *
 * @public
 */
export function criterionMetricsLink(
  metricId: string,
  scope: MetricScope,
  window: string,
): string {
  const params = new URLSearchParams({ metric: metricId, window });
  if (scope.kind === 'group' && scope.ref) {
    params.set('groupRef', scope.ref);
  } else if (scope.kind === 'goldenPath' && scope.ref) {
    params.set('goldenPath', scope.ref);
  } else if (scope.kind === 'entity' && scope.ref) {
    params.set('entityRef', scope.ref);
  }
  return `/flywheel/metrics?${params}`;
}
