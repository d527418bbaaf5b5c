import { parseEntityRef } from '@backstage/catalog-model';
import { groupTitle, useGroupTitles } from '../shared/groupTitles';
import { MetricFilters } from './filters';

function refName(ref: string): string {
  try {
    return parseEntityRef(ref).name;
  } catch {
    return ref;
  }
}

/**
 * The filters' scope in words, for headings and chart summaries: "the whole
 * organisation", a team's title, "services from typescript-service", or an
 * entity's name.
 */
export function useScopeSubject(filters: MetricFilters): string {
  const titles = useGroupTitles();
  if (filters.groupRef) {
    return groupTitle(filters.groupRef, titles.value);
  }
  if (filters.goldenPath) {
    return `services from ${refName(filters.goldenPath)}`;
  }
  if (filters.entityRef) {
    return refName(filters.entityRef);
  }
  return 'the whole organisation';
}
