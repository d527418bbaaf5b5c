/** Table names, typed rows and the day arithmetic of the usage store. */

export const USAGE_EVENTS = 'usage_events';
export const USER_DAYS = 'usage_user_days';

export const DAY_MS = 86_400_000;

/** The UTC day of an instant, in days since 1970-01-01. */
export function dayOf(time: Date | number): number {
  return Math.floor(
    (typeof time === 'number' ? time : time.getTime()) / DAY_MS,
  );
}

/** The instant a UTC day starts. */
export function dayStart(day: number): Date {
  return new Date(day * DAY_MS);
}

export type Timestamp = Date | string | number;

export interface UsageEventRow {
  user_ref: string;
  occurred_at: Timestamp;
  day: number;
  action: string;
  subject: string;
  plugin_id: string;
  route_ref: string | null;
  extension: string | null;
  entity_ref: string | null;
  /** JSON object text. */
  attributes: string | null;
  value: number | null;
  received_at: Timestamp;
}

export const EVENT_COLUMNS = [
  'user_ref',
  'occurred_at',
  'day',
  'action',
  'subject',
  'plugin_id',
  'route_ref',
  'extension',
  'entity_ref',
  'attributes',
  'value',
  'received_at',
] as const;

export interface UserDayRow {
  user_ref: string;
  day: number | string;
}

export const USER_DAY_COLUMNS = ['user_ref', 'day'] as const;
