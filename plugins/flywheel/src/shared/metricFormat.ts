import {
  MetricDefinition,
  MetricInterval,
  MetricPoint,
  MetricUnit,
} from '@flywheel/plugin-flywheel-common';
import { DateTime } from 'luxon';
import { formatPercent } from './format';

/** What a point or total without samples reads as: never 0. */
export const NO_DATA = 'no data';

const MINUTE = 60;
const HOUR = 3_600;
const DAY = 86_400;

/** At most `digits` decimals, trailing zeros dropped: 2.50 → "2.5". */
function decimals(value: number, digits: number): string {
  return value.toLocaleString(undefined, {
    maximumFractionDigits: digits,
    minimumFractionDigits: 0,
  });
}

/**
 * A duration in seconds the way people say it: "45 s", "12 min", "2.5 h",
 * "1.3 d". Hours below a day, days from one day on.
 */
export function formatSeconds(seconds: number): string {
  const abs = Math.abs(seconds);
  if (abs < MINUTE) {
    return `${decimals(seconds, 0)} s`;
  }
  if (abs < HOUR) {
    return `${decimals(seconds / MINUTE, 0)} min`;
  }
  if (abs < DAY) {
    return `${decimals(seconds / HOUR, 1)} h`;
  }
  return `${decimals(seconds / DAY, 1)} d`;
}

/**
 * A metric's value in its unit, e.g. "2.5 h", "7.4%", "2.8 per week";
 * `NO_DATA` when there were no samples.
 */
export function formatMetricValue(
  value: number | null | undefined,
  unit: MetricUnit,
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return NO_DATA;
  }
  switch (unit) {
    case 'seconds':
      return formatSeconds(value);
    case 'days':
      return `${decimals(value, 1)} d`;
    case 'percent':
      return formatPercent(value);
    case 'perWeek':
      return `${decimals(value, 1)} per week`;
    case 'count':
      return decimals(value, 1);
    case 'score':
      return decimals(value, 1);
    case 'ratio':
      return decimals(value, 2);
    default:
      return decimals(value, 2);
  }
}

/**
 * A difference in a metric's unit with its sign, e.g. "−2 h", "+3.1%"
 * (percentage points for percent metrics).
 */
export function formatMetricDifference(
  difference: number,
  unit: MetricUnit,
): string {
  const magnitude = formatMetricValue(Math.abs(difference), unit);
  const text =
    unit === 'percent' ? `${magnitude.replace('%', '')} pp` : magnitude;
  if (difference === 0) {
    return text;
  }
  return `${difference < 0 ? '−' : '+'}${text}`;
}

/**
 * Tick labels for a chart's value axis: one scale for the whole axis, chosen
 * from its largest value (durations in min, h or d), so ticks compare.
 */
export function axisFormatter(
  unit: MetricUnit,
  values: number[],
): (value: number) => string {
  const max = Math.max(0, ...values.map(Math.abs));
  switch (unit) {
    case 'seconds': {
      if (max >= 2 * DAY) {
        return v => `${decimals(v / DAY, 1)} d`;
      }
      if (max >= 2 * HOUR) {
        return v => `${decimals(v / HOUR, 1)} h`;
      }
      if (max >= 2 * MINUTE) {
        return v => `${decimals(v / MINUTE, 0)} min`;
      }
      return v => `${decimals(v, 0)} s`;
    }
    case 'days':
      return v => `${decimals(v, 1)} d`;
    case 'percent':
      return v => `${decimals(v, 1)}%`;
    case 'perWeek':
      return v => `${decimals(v, 1)}/wk`;
    default:
      return v => decimals(v, 2);
  }
}

/** "a day", "a week", "a month" → "daily", "weekly", "monthly". */
export const INTERVAL_ADJECTIVES: Record<MetricInterval, string> = {
  day: 'daily',
  week: 'weekly',
  month: 'monthly',
};

/** A point's start as a short axis label: "Jul 13" (days, weeks), "Jul 26" (months). */
export function formatPointLabel(start: string, interval: MetricInterval) {
  const date = DateTime.fromISO(start, { zone: 'utc' });
  if (!date.isValid) {
    return start;
  }
  return interval === 'month'
    ? date.toFormat('LLL yyyy')
    : date.toFormat('LLL d');
}

/** The heading of a data table's column of point starts. */
export const POINT_COLUMN_TITLES: Record<MetricInterval, string> = {
  day: 'Day',
  week: 'Week of',
  month: 'Month',
};

/** A point as a line chart's datum. */
export interface TrendDatum {
  /** The axis label of the point's start. */
  label: string;
  point: MetricPoint;
  value: number | null;
  /** Between two gaps (or at an end next to one): drawn as a dot, no line. */
  lone: boolean;
}

/** A series as a line chart's data, a datum per point. */
export function trendChartData(
  points: MetricPoint[],
  interval: MetricInterval,
): TrendDatum[] {
  return points.map((point, i) => ({
    label: formatPointLabel(point.start, interval),
    point,
    value: point.value,
    lone:
      point.value !== null &&
      (points[i - 1]?.value ?? null) === null &&
      (points[i + 1]?.value ?? null) === null,
  }));
}

/** A point's start for tables and summaries: "Jul 13, 2026" or "Jul 2026". */
export function formatPointStart(start: string, interval: MetricInterval) {
  const date = DateTime.fromISO(start, { zone: 'utc' });
  if (!date.isValid) {
    return start;
  }
  return interval === 'month'
    ? date.toFormat('LLL yyyy')
    : date.toFormat('LLL d, yyyy');
}

/** A point for a tooltip: "Jul 13, 2026", "Week of Jul 13, 2026", "Jul 2026". */
export function formatPointHeading(start: string, interval: MetricInterval) {
  const text = formatPointStart(start, interval);
  return interval === 'week' ? `Week of ${text}` : text;
}

/** "1 week", "3 weeks". */
export function countIntervals(count: number, interval: MetricInterval) {
  return `${count} ${interval}${count === 1 ? '' : 's'}`;
}

/**
 * A series in words, for screen readers and the chart's text alternative:
 * first and last value, lowest and highest, and the intervals without data.
 */
export function trendSummary(
  metric: Pick<MetricDefinition, 'unit'>,
  points: MetricPoint[],
  interval: MetricInterval,
): string {
  const withData = points.filter(p => p.value !== null);
  const gaps = points.length - withData.length;
  const gapText =
    gaps > 0
      ? ` ${countIntervals(gaps, interval)} of ${points.length} without data.`
      : '';
  if (withData.length === 0) {
    return `No data in any of the ${countIntervals(points.length, interval)}.`;
  }
  const format = (p: MetricPoint) => formatMetricValue(p.value, metric.unit);
  const first = withData[0];
  const last = withData[withData.length - 1];
  if (first === last) {
    return `${format(first)} in the ${interval} of ${formatPointStart(
      first.start,
      interval,
    )}.${gapText}`;
  }
  const values = withData.map(p => p.value as number);
  return `From ${format(first)} in the ${interval} of ${formatPointStart(
    first.start,
    interval,
  )} to ${format(last)} in the ${interval} of ${formatPointStart(
    last.start,
    interval,
  )}; lowest ${formatMetricValue(
    Math.min(...values),
    metric.unit,
  )}, highest ${formatMetricValue(
    Math.max(...values),
    metric.unit,
  )}.${gapText}`;
}

/** "24 samples", "1 sample". */
export function formatSamples(count: number): string {
  return `${count.toLocaleString()} sample${count === 1 ? '' : 's'}`;
}

/** Which way is better, in words; nothing for neutral metrics. */
export function directionText(
  direction: MetricDefinition['direction'],
): string | undefined {
  if (direction === 'lower') {
    return 'Lower is better';
  }
  if (direction === 'higher') {
    return 'Higher is better';
  }
  return undefined;
}

const DOMAIN_TITLES: Record<string, string> = {
  valueStream: 'Value stream',
  goldenPaths: 'Golden paths',
  scorecards: 'Scorecards',
  surveys: 'Surveys',
  usage: 'Usage',
  campaigns: 'Campaigns',
};

/** The heading of a domain's metrics; an unknown domain by its id, spaced. */
export function domainTitle(domain: string): string {
  const known = DOMAIN_TITLES[domain];
  if (known) {
    return known;
  }
  const spaced = domain.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
