import {
  MaturityCriterionState,
  MetricCriterionDefinition,
  MetricUnit,
} from '@flywheel/plugin-flywheel-common';

/** A value in its unit, as a person reads it in a reason or notification. */
export function formatValue(value: number, unit: MetricUnit): string {
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

const AGGREGATIONS = {
  window: 'over',
  latest: 'latest interval of',
  min: 'lowest interval of',
  max: 'highest interval of',
  mean: 'mean interval of',
} as const;

/** Why a metric criterion has its status, in one line. */
export function describeValue(input: {
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
  const measured = `${formatValue(value, unit)}${where} (${
    AGGREGATIONS[criterion.aggregation]
  } ${criterion.window}, ${sampleSize} samples)`;
  if (sampleSize < criterion.minSampleSize) {
    return `${measured}: fewer than the ${criterion.minSampleSize} samples needed`;
  }
  return `${measured} ${input.status === 'met' ? 'meets' : 'misses'} ${
    criterion.comparator
  } ${formatValue(criterion.threshold, unit)}`;
}
