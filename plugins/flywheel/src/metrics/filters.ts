import { useCallback, useMemo } from 'react';
import {
  MetricDefinition,
  MetricInterval,
  MetricScopeKind,
} from '@flywheel/plugin-flywheel-common';
import { useSearchParams } from 'react-router-dom';
import { MetricQuery } from '../api';

/** The windows the page offers, in the backend's notation. */
export const WINDOWS = [
  { id: '90d', label: 'Last 90 days' },
  { id: '26w', label: 'Last 26 weeks' },
  { id: '1y', label: 'Last year' },
] as const;

/** The widths of a point the page offers. */
export const INTERVALS: { id: MetricInterval; label: string }[] = [
  { id: 'day', label: 'Day' },
  { id: 'week', label: 'Week' },
  { id: 'month', label: 'Month' },
];

export type MetricWindow = (typeof WINDOWS)[number]['id'];

export const DEFAULT_WINDOW: MetricWindow = '26w';
export const DEFAULT_INTERVAL: MetricInterval = 'week';

/**
 * What the Metrics page shows, kept in the URL so a view can be shared and
 * linked to (the value-stream card links with its entity or team):
 * `?metric=&groupRef=|goldenPath=|entityRef=&window=&interval=`.
 */
export interface MetricFilters {
  metricId?: string;
  /** At most one of the three scopes; none is the whole organisation. */
  groupRef?: string;
  goldenPath?: string;
  entityRef?: string;
  window: MetricWindow;
  interval: MetricInterval;
}

/** The scope the filters name. */
export function scopeKind(filters: MetricFilters): MetricScopeKind {
  if (filters.groupRef) {
    return 'group';
  }
  if (filters.goldenPath) {
    return 'goldenPath';
  }
  if (filters.entityRef) {
    return 'entity';
  }
  return 'org';
}

/** Whether the registry publishes the metric for the filters' scope. */
export function offeredFor(
  metric: MetricDefinition,
  filters: MetricFilters,
): boolean {
  return metric.scopes.includes(scopeKind(filters));
}

/** The scope and window as the API takes them. */
export function metricQuery(filters: MetricFilters): MetricQuery {
  const { groupRef, goldenPath, entityRef, window } = filters;
  if (groupRef) {
    return { groupRef, window };
  }
  if (goldenPath) {
    return { goldenPath, window };
  }
  if (entityRef) {
    return { entityRef, window };
  }
  return { window };
}

/** The Metrics page's path and query for a view, e.g. from a card. */
export function metricsSearch(filters: Partial<MetricFilters>): string {
  const params = new URLSearchParams();
  const entries: [string, string | undefined][] = [
    ['metric', filters.metricId],
    ['groupRef', filters.groupRef],
    ['goldenPath', filters.goldenPath],
    ['entityRef', filters.entityRef],
    ['window', filters.window],
    ['interval', filters.interval],
  ];
  for (const [key, value] of entries) {
    if (value) {
      params.set(key, value);
    }
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}

function oneOf<T extends string>(
  value: string | null,
  allowed: readonly { id: T }[],
  fallback: T,
): T {
  return allowed.find(a => a.id === value)?.id ?? fallback;
}

/**
 * The filters from the URL, and a setter that keeps one scope at a time:
 * choosing a team clears the golden path and the entity, and so on.
 */
export function useMetricFilters(): [
  MetricFilters,
  (change: Partial<MetricFilters>) => void,
] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo((): MetricFilters => {
    const get = (key: string) => params.get(key) || undefined;
    const groupRef = get('groupRef');
    const goldenPath = groupRef ? undefined : get('goldenPath');
    const entityRef = groupRef || goldenPath ? undefined : get('entityRef');
    return {
      metricId: get('metric'),
      groupRef,
      goldenPath,
      entityRef,
      window: oneOf(params.get('window'), WINDOWS, DEFAULT_WINDOW),
      interval: oneOf(params.get('interval'), INTERVALS, DEFAULT_INTERVAL),
    };
  }, [params]);

  const update = useCallback(
    (change: Partial<MetricFilters>) => {
      const next = { ...filters, ...change };
      const scopeChanged = (key: 'groupRef' | 'goldenPath' | 'entityRef') =>
        key in change && change[key] !== undefined;
      if (scopeChanged('groupRef')) {
        next.goldenPath = undefined;
        next.entityRef = undefined;
      } else if (scopeChanged('goldenPath')) {
        next.groupRef = undefined;
        next.entityRef = undefined;
      } else if (scopeChanged('entityRef')) {
        next.groupRef = undefined;
        next.goldenPath = undefined;
      }
      setParams(
        new URLSearchParams(
          metricsSearch({
            ...next,
            // Defaults stay out of the URL.
            window: next.window === DEFAULT_WINDOW ? undefined : next.window,
            interval:
              next.interval === DEFAULT_INTERVAL ? undefined : next.interval,
          }).slice(1),
        ),
        { replace: true },
      );
    },
    [filters, setParams],
  );

  return [filters, update];
}
