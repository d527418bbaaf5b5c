/** Table names, typed rows and the day arithmetic of the usage store. */

export const USAGE_EVENTS = 'usage_events';
export const USER_DAYS = 'usage_user_days';
/** Per plugin, route and person: when they last used it. */
export const ROUTE_USERS = 'usage_route_users';
/** Per UTC day, plugin and route (and shard): how many events. */
export const ROUTE_DAYS = 'usage_route_days';
/** The route of the rollups' rows for events without one. */
export const NO_ROUTE = '';
/** Rows per day, plugin and route that concurrent writers spread over. */
export const ROUTE_DAY_SHARDS = 16;

/** A person's shard of the day rollup: the same for all their batches. */
export function shardOf(userRef: string): number {
  let h = 0;
  for (let i = 0; i < userRef.length; i++) {
    h = (h * 31 + userRef.charCodeAt(i)) | 0;
  }
  return (h >>> 0) % ROUTE_DAY_SHARDS;
}

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

export interface RouteUserRow {
  plugin_id: string;
  /** NO_ROUTE for none. */
  route_ref: string;
  user_ref: string;
  last_at: Timestamp;
}

export const ROUTE_USER_COLUMNS = [
  'plugin_id',
  'route_ref',
  'user_ref',
  'last_at',
] as const;

export interface RouteDayRow {
  day: number;
  plugin_id: string;
  /** NO_ROUTE for none. */
  route_ref: string;
  shard: number;
  events: number;
}

export const ROUTE_DAY_COLUMNS = [
  'day',
  'plugin_id',
  'route_ref',
  'shard',
  'events',
] as const;
