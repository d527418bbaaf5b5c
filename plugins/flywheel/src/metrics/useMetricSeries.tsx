import { createContext, ReactNode, useContext, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { MetricSeriesResponse } from '@flywheel/plugin-flywheel-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { flywheelApiRef, MetricSeriesQuery } from '../api';

type SeriesCache = Map<string, Promise<MetricSeriesResponse>>;

const SeriesCacheContext = createContext<SeriesCache | undefined>(undefined);

/**
 * Shares series requests below it: a metric's tile and its chart ask for the
 * same series, and it is fetched once. A failed request is forgotten, so
 * "Try again" asks again.
 */
export function MetricSeriesCache(props: { children: ReactNode }) {
  const [cache] = useState<SeriesCache>(() => new Map());
  return (
    <SeriesCacheContext.Provider value={cache}>
      {props.children}
    </SeriesCacheContext.Provider>
  );
}

/** A metric's series for a scope, window and interval; `retry` loads it again. */
export function useMetricSeries(
  metricId: string,
  query: MetricSeriesQuery,
  options: { skip?: boolean } = {},
) {
  const flywheelApi = useApi(flywheelApiRef);
  const cache = useContext(SeriesCacheContext);
  const key = JSON.stringify([metricId, query]);
  const { skip } = options;
  return useAsyncRetry(async () => {
    if (skip) {
      return undefined;
    }
    const request: MetricSeriesQuery = JSON.parse(key)[1];
    if (!cache) {
      return flywheelApi.getMetricSeries(metricId, request);
    }
    let pending = cache.get(key);
    if (!pending) {
      pending = flywheelApi.getMetricSeries(metricId, request);
      cache.set(key, pending);
      pending.catch(() => cache.delete(key));
    }
    return pending;
  }, [flywheelApi, cache, metricId, key, skip]);
}
