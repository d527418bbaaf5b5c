/** How `GET /usage/breakdown` groups usage: per plugin, or per plugin and route. @public */
export type UsageBreakdownBy = 'plugin' | 'route';

/** One row of `GET /usage/breakdown`. @public */
export interface UsageBreakdownItem {
  pluginId: string;
  /** With `by=route`: the route ref id; null for events outside any route. */
  routeRef?: string | null;
  events: number;
  /** Distinct people. */
  users: number;
}

/** `GET /usage/breakdown` @public */
export interface UsageBreakdownResponse {
  by: UsageBreakdownBy;
  from: string;
  to: string;
  /** Every event and distinct person of the window, all rows together. */
  total: { events: number; users: number };
  /** Most people first, then most events. */
  items: UsageBreakdownItem[];
  /** More rows than `limit` exist. */
  truncated: boolean;
}
