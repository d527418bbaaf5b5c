import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { MetricDefinition } from '@flywheel/plugin-flywheel-common';
import { normalizeRef } from '../../catalog/entityRefs';
import type {
  Bucket,
  EntityMetricValues,
  MetricProvider,
  MetricValue,
  ResolvedScope,
} from '../../interfaces/metricRegistry';
import { UsageData, usageValue } from './activity';
import {
  ACTIVE_USERS,
  ACTIVE_USER_SHARE,
  NEW_USERS,
  RETURNING_USERS,
  STICKINESS,
  USAGE_METRICS,
} from './definitions';
import { DAY_MS, dayOf } from './store/usageRows';
import { UsageStore, UserDay } from './store/UsageStore';
import { UsageScopes } from './UsageScopes';

/** The span of per-entity values for scorecard checks. */
const ENTITY_WINDOW_MS = 30 * DAY_MS;

/**
 * Publishes the platform-usage metrics: the events of the app's analytics
 * module (UsageStore) over the people or entities of a scope as the reader
 * sees them in the catalog (UsageScopes).
 */
export class UsageProvider implements MetricProvider {
  constructor(
    private readonly deps: {
      store: UsageStore;
      scopes: UsageScopes;
      now?: () => Date;
    },
  ) {}

  async metrics(): Promise<MetricDefinition[]> {
    return USAGE_METRICS;
  }

  async values(
    metricId: string,
    scope: ResolvedScope,
    buckets: Bucket[],
    credentials: BackstageCredentials,
  ): Promise<MetricValue[]> {
    if (buckets.length === 0) {
      return [];
    }
    const resolved = await this.deps.scopes.resolve(scope, credentials, {
      people: metricId === ACTIVE_USER_SHARE,
    });
    const from = new Date(Math.min(...buckets.map(b => b.start.getTime())));
    const to = new Date(Math.max(...buckets.map(b => b.end.getTime())));
    const data = await this.read(metricId, from, to, resolved.entityRefs);
    const members = resolved.members;
    if (members) {
      data.activity = data.activity.filter(a => members.has(a.userRef));
    }
    return buckets.map(bucket =>
      usageValue(metricId, bucket, data, { people: resolved.people }),
    );
  }

  /**
   * Active users and stickiness of each entity's pages over the last 30
   * days, for scorecard `metric` checks (e.g. docs read by at least 3
   * people a month). An entity nobody used has 0 active users.
   */
  async entityValues(): Promise<EntityMetricValues> {
    const now = this.deps.now?.() ?? new Date();
    const bucket = {
      start: new Date(now.getTime() - ENTITY_WINDOW_MS),
      end: now,
    };
    const byEntity = new Map<string, UserDay[]>();
    for (const row of await this.deps.store.entityActivity(
      bucket.start,
      bucket.end,
    )) {
      const days = byEntity.get(row.entityRef) ?? [];
      days.push({ userRef: row.userRef, day: row.day });
      byEntity.set(row.entityRef, days);
    }
    return {
      value: (_entity, entityRef, metricId) => {
        if (metricId !== ACTIVE_USERS && metricId !== STICKINESS) {
          return undefined;
        }
        const data: UsageData = {
          activity: byEntity.get(normalizeRef(entityRef)) ?? [],
          firstDays: new Map(),
          activeBeforeWindow: new Set(),
          from: bucket.start,
        };
        return usageValue(metricId, bucket, data).value ?? undefined;
      },
    };
  }

  /** Reads only what the metric needs, for the whole window at once. */
  private async read(
    metricId: string,
    from: Date,
    to: Date,
    entityRefs: string[] | undefined,
  ): Promise<UsageData> {
    const { store } = this.deps;
    const firstSeen = metricId === NEW_USERS || metricId === RETURNING_USERS;
    const [activity, firstDays, activeBeforeWindow] = await Promise.all([
      store.activity({ from, to, entityRefs }),
      firstSeen
        ? store.firstDays(dayOf(from), Math.ceil(to.getTime() / DAY_MS))
        : new Map<string, number>(),
      firstSeen ? store.activeEarlierThatDay(from) : new Set<string>(),
    ]);
    return { activity, firstDays, activeBeforeWindow, from };
  }
}
