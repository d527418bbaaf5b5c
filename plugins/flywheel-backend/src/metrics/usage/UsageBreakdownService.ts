import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  flywheelMetricsReadPermission,
  UsageBreakdownResponse,
} from '@flywheel/plugin-flywheel-common';
import { authorizeOrThrow } from '../../permissions/authorize';
import { seriesWindow } from '../../time/seriesWindow';
import { UsageStore } from './store/UsageStore';

/** The default window of a breakdown. */
export const DEFAULT_BREAKDOWN_WINDOW = '30d';
export const DEFAULT_BREAKDOWN_LIMIT = 100;
export const MAX_BREAKDOWN_LIMIT = 1000;

/** A breakdown request as the API takes it. */
export interface UsageBreakdownQuery {
  by?: string;
  window?: string;
  from?: string;
  to?: string;
  limit?: string | number;
}

/** Which plugins and routes people use: events and distinct people per row. */
export class UsageBreakdownService {
  constructor(
    private readonly deps: {
      store: UsageStore;
      permissions: PermissionsService;
      now?: () => Date;
    },
  ) {}

  async breakdown(
    query: UsageBreakdownQuery,
    credentials: BackstageCredentials,
  ): Promise<UsageBreakdownResponse> {
    await authorizeOrThrow(
      this.deps.permissions,
      flywheelMetricsReadPermission,
      credentials,
    );
    const by = query.by ?? 'plugin';
    if (by !== 'plugin' && by !== 'route') {
      throw new InputError(`by must be plugin or route, got '${by}'`);
    }
    const limit = Number(query.limit ?? DEFAULT_BREAKDOWN_LIMIT);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_BREAKDOWN_LIMIT) {
      throw new InputError(
        `limit must be a whole number from 1 to ${MAX_BREAKDOWN_LIMIT}, got '${query.limit}'`,
      );
    }
    // Only the window's bounds matter here; months keep the bucket count low.
    const window = seriesWindow(
      {
        window:
          query.from === undefined
            ? query.window ?? DEFAULT_BREAKDOWN_WINDOW
            : query.window,
        from: query.from,
        to: query.to,
        interval: 'month',
      },
      this.deps.now?.() ?? new Date(),
    );
    const result = await this.deps.store.breakdown({
      from: window.from,
      to: window.to,
      by,
      limit,
    });
    return {
      by,
      from: window.from.toISOString(),
      to: window.to.toISOString(),
      total: { events: result.events, users: result.users },
      items: result.rows.map(row => ({
        pluginId: row.pluginId,
        ...(by === 'route' ? { routeRef: row.routeRef } : {}),
        events: row.events,
        users: row.users,
      })),
      truncated: result.truncated,
    };
  }
}
