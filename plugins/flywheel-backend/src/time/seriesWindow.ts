import { InputError } from '@backstage/errors';
import { MetricInterval } from '@flywheel/plugin-flywheel-common';
import { DateTime, Duration } from 'luxon';
import type { Bucket } from '../interfaces/metricRegistry';

/** The most points one series may have (a year of days, with room). */
export const MAX_POINTS = 400;
/** The default window: half a year. */
export const DEFAULT_WINDOW = '26w';

const WINDOW = /^(\d{1,4})([dwmy])$/;
const UNITS = { d: 'days', w: 'weeks', m: 'months', y: 'years' } as const;

/** A series' window and its buckets, in UTC. */
export interface SeriesWindow {
  from: Date;
  to: Date;
  interval: MetricInterval;
  buckets: Bucket[];
}

/**
 * Reads `window` (`90d`, `26w`, `6m`, `2y`: the span that ends at `to`) or
 * an explicit `from`, and `to` (default now), and splits [from, to) into
 * calendar intervals: days, ISO weeks (from Monday) or months, in UTC. The
 * first and last points cover only the part of their interval inside the
 * window, so a point never counts events from outside it.
 */
export function seriesWindow(
  query: {
    window?: string;
    from?: string;
    to?: string;
    interval?: string;
  },
  now: Date,
): SeriesWindow {
  const interval = (query.interval ?? 'week') as MetricInterval;
  if (!['day', 'week', 'month'].includes(interval)) {
    throw new InputError(
      `interval must be day, week or month, got '${query.interval}'`,
    );
  }
  const to =
    query.to === undefined
      ? DateTime.fromJSDate(now).toUTC()
      : parseInstant(query.to, 'to');
  let from: DateTime;
  if (query.from !== undefined) {
    if (query.window !== undefined) {
      throw new InputError('Give either window or from, not both');
    }
    from = parseInstant(query.from, 'from');
  } else {
    const window = query.window ?? DEFAULT_WINDOW;
    const match = WINDOW.exec(window);
    if (!match || Number(match[1]) === 0) {
      throw new InputError(
        `window must be a number and d, w, m or y (e.g. 90d, 26w, 6m, 2y), got '${window}'`,
      );
    }
    from = to.minus(
      Duration.fromObject({
        [UNITS[match[2] as keyof typeof UNITS]]: Number(match[1]),
      }),
    );
  }
  if (from >= to) {
    throw new InputError(
      `from (${from.toISO()}) must be before to (${to.toISO()})`,
    );
  }
  const buckets: Bucket[] = [];
  for (
    let start = from.startOf(interval);
    start < to;
    start = start.plus({ [`${interval}s`]: 1 })
  ) {
    if (buckets.length === MAX_POINTS) {
      throw new InputError(
        `The window holds more than ${MAX_POINTS} ${interval}s: choose a shorter window or a longer interval`,
      );
    }
    const end = start.plus({ [`${interval}s`]: 1 });
    buckets.push({
      start: (start < from ? from : start).toJSDate(),
      end: (end > to ? to : end).toJSDate(),
    });
  }
  return { from: from.toJSDate(), to: to.toJSDate(), interval, buckets };
}

function parseInstant(value: string, field: string): DateTime {
  const parsed = DateTime.fromISO(value, { zone: 'utc' });
  if (!parsed.isValid) {
    throw new InputError(
      `${field} must be an ISO 8601 date or date-time, got '${value}'`,
    );
  }
  return parsed;
}
