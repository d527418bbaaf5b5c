import { useRouteRef } from '@backstage/core-plugin-api';
import { metricsRouteRef } from '../routes';
import { MetricFilters, metricsSearch } from './filters';

/**
 * Links to the Metrics tab with a view's filters, or undefined when the app
 * has no Flywheel page to link to (a legacy app that places the cards but
 * not the page).
 */
export function useMetricsLink():
  | ((filters: Partial<MetricFilters>) => string)
  | undefined {
  let route: (() => string) | undefined;
  try {
    // Throws in a legacy app without the page. It is called on every render
    // all the same, and every hook inside it runs before it throws, so the
    // order of hooks never changes; the rule only sees the try.
    // eslint-disable-next-line react-hooks/rules-of-hooks
    route = useRouteRef(metricsRouteRef);
  } catch {
    route = undefined;
  }
  if (!route) {
    return undefined;
  }
  const base = route();
  return filters => `${base}${metricsSearch(filters)}`;
}
