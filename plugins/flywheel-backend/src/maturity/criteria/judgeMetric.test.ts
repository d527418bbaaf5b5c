import { combine, compare, judge, reduceValues } from './judgeMetric';
import { describeValue, formatValue } from './describeValue';
import { MetricCriterionDefinition } from '@flywheel/plugin-flywheel-common';

const v = (value: number | null, sampleSize: number) => ({ value, sampleSize });

describe('reduceValues', () => {
  const weeks = [v(6, 4), v(5, 3), v(null, 0), v(7, 5)];
  const whole = v(6.5, 12);

  it('takes the window value, or the latest interval with data', () => {
    expect(reduceValues(weeks, whole, 'window')).toEqual(whole);
    expect(reduceValues(weeks, whole, 'latest')).toEqual(v(7, 5));
    expect(reduceValues([v(null, 0)], whole, 'latest')).toEqual(v(null, 0));
  });

  it('takes the latest interval measured on enough samples: a wave that just opened does not hide the last one', () => {
    const waves = [v(31, 40), v(28, 35), v(-100, 1)];
    expect(reduceValues(waves, whole, 'latest', 10)).toEqual(v(28, 35));
    expect(reduceValues([v(5, 2), v(6, 1)], whole, 'latest', 10)).toEqual(
      v(6, 1),
    );
  });

  it('rests min, max and mean on the interval with the fewest samples: a week without data makes it unknown', () => {
    expect(reduceValues(weeks, whole, 'min')).toEqual(v(5, 0));
    const full = [v(6, 4), v(5, 3), v(7, 5)];
    expect(reduceValues(full, whole, 'min')).toEqual(v(5, 3));
    expect(reduceValues(full, whole, 'max')).toEqual(v(7, 3));
    expect(reduceValues(full, whole, 'mean')).toEqual(v(6, 3));
    expect(reduceValues([], whole, 'mean')).toEqual(v(null, 0));
  });
});

describe('judge', () => {
  const rule = { comparator: '>=' as const, threshold: 5, minSampleSize: 3 };

  it('is unknown below the minimum sample or without a value, never met', () => {
    expect(judge(v(9, 2), rule)).toBe('unknown');
    expect(judge(v(null, 10), rule)).toBe('unknown');
    expect(judge(v(5, 3), rule)).toBe('met');
    expect(judge(v(4.9, 3), rule)).toBe('unmet');
  });

  it('compares each way', () => {
    expect([
      compare(5, '>', 5),
      compare(5, '<=', 5),
      compare(4, '<', 5),
    ]).toEqual([false, true, true]);
  });
});

describe('combine', () => {
  it('needs all golden paths to meet it', () => {
    expect(combine(['met', 'unmet', 'unknown'], 'all')).toEqual({
      status: 'unmet',
      representative: 1,
    });
    expect(combine(['met', 'unknown'], 'all').status).toBe('unknown');
    expect(combine(['met', 'met'], 'all').status).toBe('met');
  });

  it('needs one team to meet it; a team without enough data might still', () => {
    expect(combine(['unmet', 'met'], 'any')).toEqual({
      status: 'met',
      representative: 1,
    });
    expect(combine(['unmet', 'unknown'], 'any')).toEqual({
      status: 'unknown',
      representative: 1,
    });
    expect(combine(['unmet', 'unmet'], 'any').status).toBe('unmet');
  });
});

describe('describeValue', () => {
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
      describeValue({
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
      describeValue({
        status: 'unknown',
        value: 86_400,
        sampleSize: 2,
        unit: 'seconds',
        criterion,
      }),
    ).toBe('1 days (over 12w, 2 samples): fewer than the 5 samples needed');
    expect(
      describeValue({
        status: 'unknown',
        value: null,
        sampleSize: 0,
        unit: 'seconds',
        criterion,
      }),
    ).toBe('No data in the last 12w');
  });

  it('formats units', () => {
    expect(formatValue(62.345, 'percent')).toBe('62.3 %');
    expect(formatValue(7200, 'seconds')).toBe('2 hours');
    expect(formatValue(90, 'seconds')).toBe('1.5 minutes');
    expect(formatValue(5, 'perWeek')).toBe('5 per week');
    expect(formatValue(31, 'score')).toBe('31');
  });
});
