import {
  axisFormatter,
  domainTitle,
  formatMetricDifference,
  formatMetricValue,
  formatPointHeading,
  formatPointLabel,
  trendChartData,
  trendSummary,
} from './metricFormat';

const HOUR = 3_600;
const DAY = 86_400;

describe('metric formatting', () => {
  it('shows durations in seconds as s, min, h or d', () => {
    expect(formatMetricValue(42, 'seconds')).toBe('42 s');
    expect(formatMetricValue(12 * 60, 'seconds')).toBe('12 min');
    expect(formatMetricValue(2.5 * HOUR, 'seconds')).toBe('2.5 h');
    expect(formatMetricValue(23 * HOUR, 'seconds')).toBe('23 h');
    expect(formatMetricValue(DAY, 'seconds')).toBe('1 d');
    expect(formatMetricValue(1.25 * DAY, 'seconds')).toBe('1.3 d');
    expect(formatMetricValue(14 * DAY, 'seconds')).toBe('14 d');
  });

  it('formats every unit of the registry', () => {
    expect(formatMetricValue(4.5, 'days')).toBe('4.5 d');
    expect(formatMetricValue(66.66, 'percent')).toBe('66.7%');
    expect(formatMetricValue(2.75, 'perWeek')).toBe('2.8 per week');
    expect(formatMetricValue(1234, 'count')).toBe('1,234');
    expect(formatMetricValue(-12.34, 'score')).toBe('-12.3');
    expect(formatMetricValue(0.456, 'ratio')).toBe('0.46');
  });

  it('says "no data" for a value without samples, and shows a real zero', () => {
    expect(formatMetricValue(null, 'seconds')).toBe('no data');
    expect(formatMetricValue(undefined, 'percent')).toBe('no data');
    expect(formatMetricValue(0, 'percent')).toBe('0%');
    expect(formatMetricValue(0, 'count')).toBe('0');
  });

  it('signs differences, percent ones in percentage points', () => {
    expect(formatMetricDifference(-2 * HOUR, 'seconds')).toBe('−2 h');
    expect(formatMetricDifference(3.14, 'percent')).toBe('+3.1 pp');
    expect(formatMetricDifference(0, 'perWeek')).toBe('0 per week');
  });

  it('keeps one duration scale along an axis, chosen by its largest value', () => {
    const days = axisFormatter('seconds', [HOUR, 3 * DAY]);
    expect(days(DAY)).toBe('1 d');
    expect(days(HOUR * 12)).toBe('0.5 d');
    const hours = axisFormatter('seconds', [HOUR, 5 * HOUR]);
    expect(hours(HOUR)).toBe('1 h');
    expect(hours(1.5 * HOUR)).toBe('1.5 h');
    expect(axisFormatter('seconds', [300])(120)).toBe('2 min');
    expect(axisFormatter('percent', [50])(25)).toBe('25%');
    expect(axisFormatter('perWeek', [3])(2.5)).toBe('2.5/wk');
  });

  it('labels points by their interval', () => {
    expect(formatPointLabel('2026-07-13T00:00:00.000Z', 'week')).toBe('Jul 13');
    expect(formatPointLabel('2026-07-01T00:00:00.000Z', 'month')).toBe(
      'Jul 2026',
    );
    expect(formatPointHeading('2026-07-13T00:00:00.000Z', 'week')).toBe(
      'Week of Jul 13, 2026',
    );
    expect(formatPointHeading('2026-07-13T00:00:00.000Z', 'day')).toBe(
      'Jul 13, 2026',
    );
  });

  it('marks the values no line reaches as lone, for the charts to dot', () => {
    const point = (start: string, value: number | null) => ({
      start: `${start}T00:00:00.000Z`,
      end: `${start}T00:00:00.000Z`,
      value,
      sampleSize: value === null ? 0 : 3,
    });
    const data = trendChartData(
      [
        point('2026-06-22', 1),
        point('2026-06-29', null),
        point('2026-07-06', 2),
        point('2026-07-13', 3),
        point('2026-07-20', null),
        point('2026-07-27', 4),
      ],
      'week',
    );
    expect(data.map(d => [d.label, d.value, d.lone])).toEqual([
      ['Jun 22', 1, true],
      ['Jun 29', null, false],
      ['Jul 6', 2, false],
      ['Jul 13', 3, false],
      ['Jul 20', null, false],
      ['Jul 27', 4, true],
    ]);
    expect(data[2].point.start).toBe('2026-07-06T00:00:00.000Z');
  });

  it('puts a series in words, gaps included', () => {
    const point = (start: string, value: number | null) => ({
      start: `${start}T00:00:00.000Z`,
      end: `${start}T00:00:00.000Z`,
      value,
      sampleSize: value === null ? 0 : 3,
    });
    expect(
      trendSummary(
        { unit: 'seconds' },
        [
          point('2026-06-22', 4 * HOUR),
          point('2026-06-29', null),
          point('2026-07-06', 2 * HOUR),
        ],
        'week',
      ),
    ).toBe(
      'From 4 h in the week of Jun 22, 2026 to 2 h in the week of Jul 6, 2026; lowest 2 h, highest 4 h. 1 week of 3 without data.',
    );
    expect(
      trendSummary(
        { unit: 'percent' },
        [point('2026-06-22', null), point('2026-06-29', 50)],
        'week',
      ),
    ).toBe('50% in the week of Jun 29, 2026. 1 week of 2 without data.');
    expect(
      trendSummary({ unit: 'percent' }, [point('2026-06-22', null)], 'day'),
    ).toBe('No data in any of the 1 day.');
  });

  it('titles known domains and spaces out new ones', () => {
    expect(domainTitle('valueStream')).toBe('Value stream');
    expect(domainTitle('usage')).toBe('Usage');
    expect(domainTitle('platformCosts')).toBe('Platform costs');
  });
});
