import { DateTime, Duration } from 'luxon';

const DURATION_UNITS = [
  ['days', 'd'],
  ['hours', 'h'],
  ['minutes', 'min'],
  ['seconds', 's'],
] as const;

/**
 * A duration for humans, e.g. "2 min 5 s" or "1 h 12 min": the two largest
 * non-zero units, which is as much precision as a reader takes in.
 */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) {
    return '—';
  }
  if (seconds < 1) {
    return '< 1 s';
  }
  const duration = Duration.fromObject({ seconds: Math.round(seconds) })
    .shiftTo(...DURATION_UNITS.map(([unit]) => unit))
    .toObject();
  const parts = DURATION_UNITS.flatMap(([unit, label]) =>
    duration[unit] ? [`${duration[unit]} ${label}`] : [],
  );
  return parts.slice(0, 2).join(' ');
}

/** A percentage (0–100) with at most one decimal, e.g. "42.9%". */
export function formatPercent(percent: number): string {
  return `${Math.round(percent * 10) / 10}%`;
}

/** A ratio (0–1) as a percentage; "—" when there is nothing to divide. */
export function formatRate(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : formatPercent(rate * 100);
}

/**
 * An ISO timestamp as a date in the user's time zone, e.g. "Mar 9, 2026";
 * "—" when unknown. The user's zone, like `formatDateTime`: an exemption
 * chosen to expire on Jun 10 ends when Jun 10 begins there, which is Jun 9
 * in UTC east of Greenwich.
 */
export function formatDate(iso: string | undefined): string {
  if (!iso) {
    return '—';
  }
  const date = DateTime.fromISO(iso);
  return date.isValid ? date.toLocaleString(DateTime.DATE_MED) : iso;
}

/** A `YYYY-MM` month as a short axis label, e.g. "Mar 26". */
export function formatMonth(month: string): string {
  const date = DateTime.fromFormat(month, 'yyyy-MM', { zone: 'utc' });
  return date.isValid ? date.toFormat('LLL yy') : month;
}

/** A `YYYY-MM-DD` day as a short label, e.g. "Jul 18"; with the year, "Jul 18, 2026". */
export function formatDay(
  day: string,
  options?: { withYear?: boolean },
): string {
  const date = DateTime.fromISO(day, { zone: 'utc' });
  if (!date.isValid) {
    return day;
  }
  return options?.withYear
    ? date.toLocaleString(DateTime.DATE_MED)
    : date.toFormat('LLL d');
}

/** An ISO timestamp as date and time, e.g. "Mar 9, 2026, 11:30 PM"; "—" when unknown. */
export function formatDateTime(iso: string | undefined): string {
  if (!iso) {
    return '—';
  }
  const date = DateTime.fromISO(iso);
  return date.isValid ? date.toLocaleString(DateTime.DATETIME_MED) : iso;
}
