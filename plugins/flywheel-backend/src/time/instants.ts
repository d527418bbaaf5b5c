import { DateTime, Zone } from 'luxon';

/**
 * An ISO 8601 date-time with a UTC offset, as the provenance stamp action
 * writes `flywheel.dev/created-at` (`toISOString`). Only this form takes the
 * fast path of `entity.ageDays`; luxon parses anything else, as before.
 */
const ISO_INSTANT =
  /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d)(?:\.(\d{1,3}))?)?(?:Z|([+-])(\d\d):(\d\d))$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Epoch milliseconds of an {@link ISO_INSTANT}, exactly as
 * `DateTime.fromISO` computes them; undefined when the text is not one or is
 * out of range, so that luxon decides (e.g. 24:00, which it accepts).
 */
export function parseIsoInstant(value: string): number | undefined {
  const m = ISO_INSTANT.exec(value);
  if (!m) {
    return undefined;
  }
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] ? Number(m[6]) : 0;
  // luxon's own rounding of fractions of a second.
  const millis = m[7] ? Math.floor(parseFloat(`0.${m[7]}`) * 1000) : 0;
  const offsetHours = m[9] ? Number(m[9]) : 0;
  const offsetMinutes = m[10] ? Number(m[10]) : 0;
  if (
    year < 100 || // Date.UTC reads 0–99 as 1900–1999
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 59 ||
    offsetHours > 23 ||
    offsetMinutes > 59
  ) {
    return undefined;
  }
  const offset = (m[8] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes);
  return (
    Date.UTC(year, month - 1, day, hour, minute, second, millis) -
    offset * 60_000
  );
}

/**
 * Whether every day of a zone is 24 hours long. luxon counts `diff` days on
 * the calendar of a zone, which is plain millisecond arithmetic only then.
 */
export function hasFixedOffset(zone: Zone): boolean {
  return (
    zone.isUniversal ||
    ((zone.type === 'system' || zone.type === 'iana') &&
      /^(Etc\/)?(UTC|UCT|GMT|Universal|Zulu)$/.test(zone.name))
  );
}

/**
 * An ISO 8601 date-time from user input as luxon reads it (UTC without an
 * offset), or undefined:
 * a day that does not exist (2026-02-30, which `new Date` moves to 2 March),
 * the hour 24 and an offset of a day or more (+24:00), which luxon takes,
 * are not RFC 3339 date-times.
 */
export function readDateTime(value: string): Date | undefined {
  const parsed = DateTime.fromISO(value, { zone: 'utc', setZone: true });
  return parsed.isValid &&
    !/T24/i.test(value) &&
    Math.abs(parsed.offset) < 24 * 60 &&
    Number.isFinite(parsed.toMillis())
    ? parsed.toJSDate()
    : undefined;
}
