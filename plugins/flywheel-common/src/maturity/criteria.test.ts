import { MetricCriterionDefinition } from './types';
import {
  compareToThreshold,
  criterionMetricsLink,
  describeCriterionValue,
  formatCriterionValue,
  judgeCriterionValue,
} from './criteria';

const v = (value: number | null, sampleSize: number) => ({ value, sampleSize });

describe('judgeCriterionValue', () => {
  const rule = { comparator: '>=' as const, threshold: 5, minSampleSize: 3 };

  it('is unknown below the minimum sample or without a value, never met', () => {
    expect(judgeCriterionValue(v(9, 2), rule)).toBe('unknown');
    expect(judgeCriterionValue(v(null, 10), rule)).toBe('unknown');
    expect(judgeCriterionValue(v(5, 3), rule)).toBe('met');
    expect(judgeCriterionValue(v(4.9, 3), rule)).toBe('unmet');
  });

  it('compares each way', () => {
    expect([
      compareToThreshold(5, '>', 5),
      compareToThreshold(5, '<=', 5),
      compareToThreshold(4, '<', 5),
    ]).toEqual([false, true, true]);
  });
});

describe('describeCriterionValue', () => {
  const criterion: MetricCriterionDefinition = {
    type: 'metric',
    id: 'ttfd',
    title: 'Time to first deploy under 7 days',
    required: true,
    metric: 'valueStream.timeToFirstDeploy.median',
    scope: 'goldenPaths',
    aggregation: 'window',
    window: '12w',
    interval: 'week',
    comparator: '<',
    threshold: 7 * 86_400,
    minSampleSize: 5,
  };

  it('says what was measured against what, in the unit', () => {
    expect(
      describeCriterionValue({
        status: 'met',
        value: 1.5 * 86_400,
        sampleSize: 12,
        unit: 'seconds',
        criterion,
        scopeName: 'template:default/ts-service',
      }),
    ).toBe(
      '1.5 days for template:default/ts-service (over 12w, 12 samples) meets < 7 days',
    );
    expect(
      describeCriterionValue({
        status: 'unknown',
        value: 86_400,
        sampleSize: 2,
        unit: 'seconds',
        criterion,
      }),
    ).toBe('1 days (over 12w, 2 samples): fewer than the 5 samples needed');
    expect(
      describeCriterionValue({
        status: 'unknown',
        value: null,
        sampleSize: 0,
        unit: 'seconds',
        criterion,
      }),
    ).toBe('No data in the last 12w');
  });

  it('formats units', () => {
    expect(formatCriterionValue(62.345, 'percent')).toBe('62.3 %');
    expect(formatCriterionValue(7200, 'seconds')).toBe('2 hours');
    expect(formatCriterionValue(90, 'seconds')).toBe('1.5 minutes');
    expect(formatCriterionValue(5, 'perWeek')).toBe('5 per week');
    expect(formatCriterionValue(31, 'score')).toBe('31');
  });
});

describe('criterionMetricsLink', () => {
  it('opens the Metrics tab on the metric, scope and window', () => {
    expect(
      criterionMetricsLink(
        'valueStream.deploymentFrequency',
        { kind: 'group', ref: 'group:default/checkout' },
        '4w',
      ),
    ).toBe(
      '/flywheel/metrics?metric=valueStream.deploymentFrequency&window=4w&groupRef=group%3Adefault%2Fcheckout',
    );
    expect(
      criterionMetricsLink('goldenPaths.adoption', { kind: 'org' }, '4w'),
    ).toBe('/flywheel/metrics?metric=goldenPaths.adoption&window=4w');
  });
});
