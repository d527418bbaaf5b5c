import { Knex } from 'knex';
import { inList, isPostgres, isSqlite } from '../../../database/engines';
import { num } from '../../../database/rows';
import { bulkWrite } from '../../../database/statements';
import {
  DAY_MS,
  dayOf,
  EVENT_COLUMNS,
  NO_ROUTE,
  ROUTE_DAYS,
  ROUTE_DAY_COLUMNS,
  ROUTE_USERS,
  ROUTE_USER_COLUMNS,
  RouteDayRow,
  RouteUserRow,
  shardOf,
  USAGE_EVENTS,
  USER_DAYS,
  USER_DAY_COLUMNS,
  UsageEventRow,
  UserDayRow,
} from './usageRows';

/** One analytics event to store, checked; its sender comes separately. */
export interface NewUsageEvent {
  action: string;
  subject: string;
  pluginId: string;
  routeRef?: string;
  extension?: string;
  /** Normalised (lowercase) entity ref. */
  entityRef?: string;
  attributes?: Record<string, string | number | boolean>;
  value?: number;
  occurredAt: Date;
}

/** A person active on a UTC day (days since 1970-01-01). */
export interface UserDay {
  userRef: string;
  day: number;
}

/** A window [from, to); with entityRefs, only events on those entities. */
export interface ActivityQuery {
  from: Date;
  to: Date;
  entityRefs?: readonly string[];
}

/** One row of a breakdown: events and distinct people. */
export interface UsageBreakdownRow {
  pluginId: string;
  routeRef: string | null;
  events: number;
  users: number;
}

/** A breakdown's window [from, to), its rows and their most. */
export interface BreakdownQuery {
  from: Date;
  to: Date;
  by: 'plugin' | 'route';
  limit: number;
}

/** A breakdown: its rows, whether more were left out, and the totals. */
export interface BreakdownResult {
  rows: UsageBreakdownRow[];
  truncated: boolean;
  events: number;
  users: number;
}

/** Rows deleted from one table per statement when pruning. */
const PRUNE_BATCH = 10_000;

/**
 * The PostgreSQL statement of `record`, prepared once per connection. The
 * rollups' rows are written in key order, so concurrent batches that touch
 * the same rows take their locks in the same order.
 */
const PG_RECORD = {
  name: 'flywheel_usage_record_v2',
  text: `WITH input AS (
  SELECT * FROM unnest(
    $3::float8[], $4::int[], $5::text[], $6::text[], $7::text[],
    $8::text[], $9::text[], $10::text[], $11::text[], $12::float8[]
  ) AS t(occurred_ms, day, action, subject, plugin_id, route_ref, extension,
    entity_ref, attributes, value)
), events AS (
  INSERT INTO ${USAGE_EVENTS} (${EVENT_COLUMNS.join(', ')})
  SELECT $1::text, to_timestamp(occurred_ms / 1000), day, action, subject,
    plugin_id, route_ref, extension, entity_ref, attributes, value,
    $2::timestamptz
  FROM input
), route_users AS (
  INSERT INTO ${ROUTE_USERS} (${ROUTE_USER_COLUMNS.join(', ')})
  SELECT plugin_id, COALESCE(route_ref, '${NO_ROUTE}'), $1::text,
    MAX(to_timestamp(occurred_ms / 1000))
  FROM input GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT (plugin_id, route_ref, user_ref)
  DO UPDATE SET last_at = GREATEST(${ROUTE_USERS}.last_at, excluded.last_at)
), route_days AS (
  INSERT INTO ${ROUTE_DAYS} (${ROUTE_DAY_COLUMNS.join(', ')})
  SELECT day, plugin_id, COALESCE(route_ref, '${NO_ROUTE}'), $14::int, COUNT(*)
  FROM input GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (day, plugin_id, route_ref, shard)
  DO UPDATE SET events = ${ROUTE_DAYS}.events + excluded.events
)
INSERT INTO ${USER_DAYS} (user_ref, day)
SELECT $1::text, d FROM unnest($13::int[]) AS d
ON CONFLICT (user_ref, day) DO NOTHING`,
};

type SqliteConnection = {
  prepare(sql: string): { run(values: unknown[]): unknown };
  transaction<A extends unknown[]>(
    fn: (...args: A) => void,
  ): (...args: A) => void;
};

/** A batch's rows of the rollups. */
interface Rollups {
  users: RouteUserRow[];
  days: RouteDayRow[];
}

type SqliteRecord = (
  userRef: string,
  rows: UsageEventRow[],
  days: number[],
  rollups: Rollups,
) => void;

/** The rollups' rows of one person's batch: one per route, one per day and route. */
function rollupsOf(userRef: string, rows: UsageEventRow[]): Rollups {
  const users = new Map<string, RouteUserRow>();
  const days = new Map<string, RouteDayRow>();
  const shard = shardOf(userRef);
  for (const row of rows) {
    const route = row.route_ref ?? NO_ROUTE;
    const pair = JSON.stringify([row.plugin_id, route]);
    const at = row.occurred_at as Date;
    const seen = users.get(pair);
    if (!seen) {
      users.set(pair, {
        plugin_id: row.plugin_id,
        route_ref: route,
        user_ref: userRef,
        last_at: at,
      });
    } else if (at > (seen.last_at as Date)) {
      seen.last_at = at;
    }
    const key = JSON.stringify([row.day, row.plugin_id, route]);
    const day = days.get(key);
    if (day) {
      day.events += 1;
    } else {
      days.set(key, {
        day: row.day,
        plugin_id: row.plugin_id,
        route_ref: route,
        shard,
        events: 1,
      });
    }
  }
  return { users: [...users.values()], days: [...days.values()] };
}

const sqliteWrites = new WeakMap<object, SqliteRecord>();

/** Dates as epoch milliseconds, as knex binds them on SQLite. */
const sqliteValue = (value: unknown) =>
  value instanceof Date ? value.getTime() : value ?? null;

function sqliteRecorder(connection: SqliteConnection): SqliteRecord {
  const insertEvent = connection.prepare(
    `INSERT INTO ${USAGE_EVENTS} (${EVENT_COLUMNS.join(
      ', ',
    )}) VALUES (${EVENT_COLUMNS.map(() => '?').join(', ')})`,
  );
  const insertDay = connection.prepare(
    `INSERT INTO ${USER_DAYS} (user_ref, day) VALUES (?, ?) ON CONFLICT (user_ref, day) DO NOTHING`,
  );
  const upsertRouteUser = connection.prepare(
    `INSERT INTO ${ROUTE_USERS} (${ROUTE_USER_COLUMNS.join(
      ', ',
    )}) VALUES (?, ?, ?, ?) ON CONFLICT (plugin_id, route_ref, user_ref) DO UPDATE SET last_at = max(last_at, excluded.last_at)`,
  );
  const upsertRouteDay = connection.prepare(
    `INSERT INTO ${ROUTE_DAYS} (${ROUTE_DAY_COLUMNS.join(
      ', ',
    )}) VALUES (?, ?, ?, ?, ?) ON CONFLICT (day, plugin_id, route_ref, shard) DO UPDATE SET events = events + excluded.events`,
  );
  const values: unknown[] = new Array(EVENT_COLUMNS.length);
  return connection.transaction(
    (
      userRef: string,
      rows: UsageEventRow[],
      days: number[],
      rollups: Rollups,
    ) => {
      for (const row of rows) {
        for (let i = 0; i < EVENT_COLUMNS.length; i++) {
          values[i] = sqliteValue(row[EVENT_COLUMNS[i]]);
        }
        insertEvent.run(values);
      }
      for (const day of days) {
        insertDay.run([userRef, day]);
      }
      for (const r of rollups.users) {
        upsertRouteUser.run(ROUTE_USER_COLUMNS.map(c => sqliteValue(r[c])));
      }
      for (const r of rollups.days) {
        upsertRouteDay.run(ROUTE_DAY_COLUMNS.map(c => r[c]));
      }
    },
  );
}

/**
 * The analytics events of the app's users and the days each person was
 * active. Writes are one transaction per batch: the events in bulk and the
 * person's days (insert or nothing), so concurrent batches never wait on
 * each other's rows. Reads of whole days go to the day table; only the
 * partial days at a window's edges, and reads about entities, scan events.
 */
export class UsageStore {
  private readonly sqlite: boolean;

  constructor(private readonly db: Knex) {
    this.sqlite = isSqlite(db);
  }

  /**
   * Stores a batch of one person's events: the events and the person's
   * days, all or nothing. On PostgreSQL one prepared statement does both
   * (the events' columns as arrays, whatever the batch's size); on SQLite
   * one synchronous transaction on the connection.
   */
  async record(
    userRef: string,
    events: readonly NewUsageEvent[],
    receivedAt: Date,
  ): Promise<void> {
    if (events.length === 0) {
      return;
    }
    const rows: UsageEventRow[] = events.map(e => ({
      user_ref: userRef,
      occurred_at: e.occurredAt,
      day: dayOf(e.occurredAt),
      action: e.action,
      subject: e.subject,
      plugin_id: e.pluginId,
      route_ref: e.routeRef ?? null,
      extension: e.extension ?? null,
      entity_ref: e.entityRef ?? null,
      attributes:
        e.attributes && Object.keys(e.attributes).length > 0
          ? JSON.stringify(e.attributes)
          : null,
      value: e.value ?? null,
      received_at: receivedAt,
    }));
    const days = [...new Set(rows.map(r => r.day))].sort((a, b) => a - b);
    if (isPostgres(this.db)) {
      await this.recordPg(userRef, rows, days, receivedAt);
      return;
    }
    const rollups = rollupsOf(userRef, rows);
    if (
      this.sqlite &&
      (await this.recordSqlite(userRef, rows, days, rollups))
    ) {
      return;
    }
    await this.db.transaction(async trx => {
      await bulkWrite(trx, USAGE_EVENTS, EVENT_COLUMNS, rows);
      await bulkWrite(
        trx,
        USER_DAYS,
        USER_DAY_COLUMNS,
        days.map((day): UserDayRow => ({ user_ref: userRef, day })),
        { keys: ['user_ref', 'day'], update: [] },
      );
      await bulkWrite(trx, ROUTE_USERS, ROUTE_USER_COLUMNS, rollups.users, {
        keys: ['plugin_id', 'route_ref', 'user_ref'],
        set: {
          last_at: this.sqlite
            ? 'max(last_at, excluded.last_at)'
            : `GREATEST(${ROUTE_USERS}.last_at, excluded.last_at)`,
        },
      });
      await bulkWrite(trx, ROUTE_DAYS, ROUTE_DAY_COLUMNS, rollups.days, {
        keys: ['day', 'plugin_id', 'route_ref', 'shard'],
        set: { events: `${ROUTE_DAYS}.events + excluded.events` },
      });
    });
  }

  /**
   * Who was active on which UTC day within [from, to): whole days from the
   * day table, the partial days at the edges from the events. With
   * entityRefs, from the events on those entities only.
   */
  async activity(query: ActivityQuery): Promise<UserDay[]> {
    const { from, to, entityRefs } = query;
    if (from >= to) {
      return [];
    }
    if (entityRefs) {
      return entityRefs.length === 0
        ? []
        : this.eventDays(from, to, entityRefs);
    }
    const firstFull = Math.ceil(from.getTime() / DAY_MS);
    const endFull = Math.floor(to.getTime() / DAY_MS);
    if (firstFull >= endFull) {
      return this.eventDays(from, to);
    }
    const parts = await Promise.all([
      this.db(USER_DAYS)
        .where('day', '>=', firstFull)
        .andWhere('day', '<', endFull)
        .select('user_ref', 'day') as Promise<UserDayRow[]>,
      from.getTime() < firstFull * DAY_MS
        ? this.eventDays(from, new Date(firstFull * DAY_MS))
        : [],
      to.getTime() > endFull * DAY_MS
        ? this.eventDays(new Date(endFull * DAY_MS), to)
        : [],
    ]);
    return [
      ...parts[0].map(r => ({ userRef: r.user_ref, day: Number(r.day) })),
      ...parts[1],
      ...parts[2],
    ];
  }

  /**
   * The first day each person was active on (as far back as the retention
   * keeps), for the people active in [fromDay, toDay).
   */
  async firstDays(
    fromDay: number,
    toDay: number,
  ): Promise<Map<string, number>> {
    const rows = (await this.db(USER_DAYS)
      .whereIn(
        'user_ref',
        this.db(USER_DAYS)
          .where('day', '>=', fromDay)
          .andWhere('day', '<', toDay)
          .distinct('user_ref'),
      )
      .groupBy('user_ref')
      .select('user_ref')
      .min({ day: 'day' })) as { user_ref: string; day: number | string }[];
    return new Map(rows.map(r => [r.user_ref, Number(r.day)]));
  }

  /** The people with an event on the UTC day of `instant`, before it. */
  async activeEarlierThatDay(instant: Date): Promise<Set<string>> {
    const start = new Date(dayOf(instant) * DAY_MS);
    if (start >= instant) {
      return new Set();
    }
    return new Set(
      (await this.eventDays(start, instant)).map(row => row.userRef),
    );
  }

  /** Who was active on which UTC day on each entity's pages in [from, to). */
  async entityActivity(
    from: Date,
    to: Date,
  ): Promise<(UserDay & { entityRef: string })[]> {
    const rows = (await this.db(USAGE_EVENTS)
      .where('occurred_at', '>=', from)
      .andWhere('occurred_at', '<', to)
      .whereNotNull('entity_ref')
      .distinct('entity_ref', 'user_ref', 'day')) as (UserDayRow & {
      entity_ref: string;
    })[];
    return rows.map(r => ({
      entityRef: r.entity_ref,
      userRef: r.user_ref,
      day: Number(r.day),
    }));
  }

  /**
   * Events and distinct people per plugin, or per plugin and route, in
   * [from, to). Read from the rollups: the people whose last use of a route
   * is in the window, and the events of the window's whole days plus those
   * of its partial days at the edges. Someone who used a route after the
   * window (to in the past, or events dated ahead) may have used it in the
   * window too, which their last use cannot tell: then from the events.
   */
  async breakdown(query: BreakdownQuery): Promise<BreakdownResult> {
    return (
      (await this.breakdownFromRollups(query)) ??
      this.breakdownFromEvents(query)
    );
  }

  /** The breakdown from the rollups, or undefined when they cannot tell. */
  private async breakdownFromRollups(
    query: BreakdownQuery,
  ): Promise<BreakdownResult | undefined> {
    const { from, to, by, limit } = query;
    const keys = by === 'plugin' ? ['plugin_id'] : ['plugin_id', 'route_ref'];
    const cols = keys.join(', ');
    // Whole days from the day rollup, the partial ones from the events.
    const firstFull = Math.ceil(from.getTime() / DAY_MS);
    const endFull = Math.floor(to.getTime() / DAY_MS);
    const whole = firstFull < endFull;
    const headEnd = whole ? new Date(firstFull * DAY_MS) : to;
    const tailStart = whole ? new Date(endFull * DAY_MS) : to;
    // One statement, so one snapshot: the check and the figures agree.
    // Written out twice rather than shared: a shared one would be stored.
    const pairs = `SELECT plugin_id, route_ref, user_ref FROM ${ROUTE_USERS}
  WHERE last_at >= ? AND last_at < ?`;
    const sql = `WITH counts AS (
  SELECT plugin_id, route_ref, events FROM ${ROUTE_DAYS}
  WHERE day >= ? AND day < ?
  UNION ALL
  SELECT plugin_id, COALESCE(route_ref, '${NO_ROUTE}') AS route_ref, 1 AS events
  FROM ${USAGE_EVENTS}
  WHERE (occurred_at >= ? AND occurred_at < ?)
    OR (occurred_at >= ? AND occurred_at < ?)
), keyed_events AS (
  SELECT ${cols}, SUM(events) AS events FROM counts GROUP BY ${cols}
), keyed_users AS (
  SELECT ${cols}, COUNT(*) AS users
  FROM (SELECT ${cols}, user_ref FROM (${pairs}) AS pairs
    GROUP BY ${cols}, user_ref) AS p
  GROUP BY ${cols}
)
SELECT 1 AS total, NULL AS plugin_id, NULL AS route_ref,
  (SELECT SUM(events) FROM keyed_events) AS events,
  (SELECT COUNT(*) FROM (SELECT user_ref FROM (${pairs}) AS pairs
    GROUP BY user_ref) AS t) AS users,
  (SELECT COUNT(*) FROM ${ROUTE_USERS} WHERE last_at >= ?) AS later
UNION ALL
SELECT 0 AS total, e.plugin_id, ${
      by === 'route' ? `NULLIF(e.route_ref, '${NO_ROUTE}')` : 'NULL'
    } AS route_ref, e.events, u.users, 0 AS later
FROM keyed_events AS e JOIN keyed_users AS u ON ${keys
      .map(k => `u.${k} = e.${k}`)
      .join(' AND ')}
ORDER BY total DESC, users DESC, events DESC, plugin_id ASC, route_ref ASC
LIMIT ?`;
    const result = (await this.db.raw(sql, [
      whole ? firstFull : 0,
      whole ? endFull : 0,
      from,
      headEnd,
      tailStart,
      to,
      from,
      to,
      from,
      to,
      to,
      limit + 2,
    ])) as unknown;
    const rows = (
      Array.isArray(result) ? result : (result as { rows: unknown[] }).rows
    ) as {
      total: unknown;
      plugin_id: string | null;
      route_ref: string | null;
      events: unknown;
      users: unknown;
      later: unknown;
    }[];
    const totals = rows.find(r => num(r.total) === 1);
    if (!totals || num(totals.later) > 0) {
      return undefined;
    }
    const items = rows.filter(r => num(r.total) === 0);
    return {
      rows: items.slice(0, limit).map(r => ({
        pluginId: r.plugin_id as string,
        routeRef: r.route_ref ?? null,
        events: num(r.events),
        users: num(r.users),
      })),
      truncated: items.length > limit,
      events: num(totals.events),
      users: num(totals.users),
    };
  }

  /** The breakdown from the events: each person once per row, then counted. */
  private async breakdownFromEvents(
    query: BreakdownQuery,
  ): Promise<BreakdownResult> {
    const keys =
      query.by === 'plugin' ? ['plugin_id'] : ['plugin_id', 'route_ref'];
    const inWindow = () =>
      this.db(USAGE_EVENTS)
        .where('occurred_at', '>=', query.from)
        .andWhere('occurred_at', '<', query.to);
    const [rows, totals] = await Promise.all([
      this.db
        .from(
          inWindow()
            .select([...keys, 'user_ref'])
            .count({ n: '*' })
            .groupBy([...keys, 'user_ref'])
            .as('p'),
        )
        .select(keys)
        .sum({ events: 'n' })
        .count({ users: '*' })
        .groupBy(keys)
        .orderBy([
          { column: 'users', order: 'desc' },
          { column: 'events', order: 'desc' },
          ...keys.map(column => ({ column, order: 'asc' as const })),
        ])
        .limit(query.limit + 1) as Promise<
        {
          plugin_id: string;
          route_ref?: string | null;
          events: unknown;
          users: unknown;
        }[]
      >,
      this.db
        .from(
          inWindow()
            .select('user_ref')
            .count({ n: '*' })
            .groupBy('user_ref')
            .as('p'),
        )
        .sum({ events: 'n' })
        .count({ users: '*' })
        .first() as Promise<{ events: unknown; users: unknown } | undefined>,
    ]);
    return {
      rows: rows.slice(0, query.limit).map(r => ({
        pluginId: r.plugin_id,
        routeRef: r.route_ref ?? null,
        events: num(r.events),
        users: num(r.users),
      })),
      truncated: rows.length > query.limit,
      events: num(totals?.events),
      users: num(totals?.users),
    };
  }

  /**
   * Deletes events before the cutoff, in batches so no statement holds
   * locks for long, and the days before the cutoff's day; then the rollups
   * of what is gone: the routes people last used before the cutoff, the
   * day rollup before the cutoff's day, and that day's counted again from
   * the events it keeps.
   */
  async deleteBefore(cutoff: Date): Promise<{ events: number; days: number }> {
    let events = 0;
    for (;;) {
      const deleted = await this.db(USAGE_EVENTS)
        .whereIn(
          'id',
          this.db(USAGE_EVENTS)
            .where('occurred_at', '<', cutoff)
            .select('id')
            .limit(PRUNE_BATCH),
        )
        .delete();
      events += deleted;
      if (deleted < PRUNE_BATCH) {
        break;
      }
    }
    const cutoffDay = dayOf(cutoff);
    const days = await this.db(USER_DAYS).where('day', '<', cutoffDay).delete();
    await this.db(ROUTE_USERS).where('last_at', '<', cutoff).delete();
    await this.db.transaction(async trx => {
      await trx(ROUTE_DAYS).where('day', '<=', cutoffDay).delete();
      await trx.raw(
        `INSERT INTO ${ROUTE_DAYS} (${ROUTE_DAY_COLUMNS.join(', ')})
SELECT day, plugin_id, COALESCE(route_ref, '${NO_ROUTE}'), 0, COUNT(*)
FROM ${USAGE_EVENTS} WHERE day = ?
GROUP BY day, plugin_id, COALESCE(route_ref, '${NO_ROUTE}')`,
        [cutoffDay],
      );
    });
    return { events, days };
  }

  /** Distinct people and UTC days of the events in [from, to). */
  private async eventDays(
    from: Date,
    to: Date,
    entityRefs?: readonly string[],
  ): Promise<UserDay[]> {
    let query = this.db(USAGE_EVENTS)
      .where('occurred_at', '>=', from)
      .andWhere('occurred_at', '<', to);
    if (entityRefs) {
      const [sql, bindings] = inList(this.sqlite, 'entity_ref', entityRefs);
      query = query.andWhereRaw(sql, bindings);
    }
    const rows = (await query.distinct('user_ref', 'day')) as UserDayRow[];
    return rows.map(r => ({ userRef: r.user_ref, day: Number(r.day) }));
  }

  /**
   * One statement, so one round trip and no BEGIN/COMMIT: the events
   * inserted from arrays (one per column), the days insert-or-nothing.
   * PostgreSQL runs a statement with data-modifying CTEs atomically.
   */
  private async recordPg(
    userRef: string,
    rows: UsageEventRow[],
    days: number[],
    receivedAt: Date,
  ): Promise<void> {
    const column = <K extends keyof UsageEventRow>(key: K) =>
      rows.map(r => r[key]);
    const values = [
      userRef,
      receivedAt,
      rows.map(r => (r.occurred_at as Date).getTime()),
      column('day'),
      column('action'),
      column('subject'),
      column('plugin_id'),
      column('route_ref'),
      column('extension'),
      column('entity_ref'),
      column('attributes'),
      column('value'),
      days,
      shardOf(userRef),
    ];
    const connection = (await this.db.client.acquireConnection()) as {
      query(config: {
        name: string;
        text: string;
        values: unknown[];
      }): Promise<unknown>;
    };
    try {
      await connection.query({ ...PG_RECORD, values });
    } finally {
      await this.db.client.releaseConnection(connection);
    }
  }

  /**
   * The events and days in one transaction of better-sqlite3, run
   * synchronously with statements prepared once per connection; false on
   * another SQLite driver (the caller then goes through knex).
   */
  private async recordSqlite(
    userRef: string,
    rows: UsageEventRow[],
    days: number[],
    rollups: Rollups,
  ): Promise<boolean> {
    const connection = (await this.db.client.acquireConnection()) as
      | Partial<SqliteConnection>
      | undefined;
    try {
      if (
        typeof connection?.prepare !== 'function' ||
        typeof connection.transaction !== 'function'
      ) {
        return false;
      }
      let write = sqliteWrites.get(connection);
      if (!write) {
        write = sqliteRecorder(connection as SqliteConnection);
        sqliteWrites.set(connection, write);
      }
      write(userRef, rows, days, rollups);
      return true;
    } finally {
      await this.db.client.releaseConnection(connection);
    }
  }
}
