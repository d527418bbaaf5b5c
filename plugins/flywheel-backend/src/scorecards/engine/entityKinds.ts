import type { FilterPredicate } from '@backstage/filter-predicates';

/**
 * The entity kinds a filter can match, to ask the catalog only for those;
 * undefined when the filter does not pin the kind (then all are read).
 */
export function kindsOf(filter: FilterPredicate): string[] | undefined {
  if (typeof filter !== 'object' || filter === null) {
    return undefined;
  }
  const record = filter as Record<string, unknown>;
  if (Array.isArray(record.$all)) {
    // Any conjunct that pins the kind pins the whole filter.
    for (const part of record.$all as FilterPredicate[]) {
      const kinds = kindsOf(part);
      if (kinds) {
        return kinds;
      }
    }
    return undefined;
  }
  if (Array.isArray(record.$any)) {
    const all = (record.$any as FilterPredicate[]).map(kindsOf);
    return all.every(Boolean)
      ? [...new Set(all.flat() as string[])]
      : undefined;
  }
  const kindKey = Object.keys(record).find(k => k.toLowerCase() === 'kind');
  const value = kindKey ? record[kindKey] : undefined;
  if (typeof value === 'string') {
    return [value.toLowerCase()];
  }
  if (value && typeof value === 'object' && Array.isArray((value as any).$in)) {
    return ((value as any).$in as unknown[]).map(v => String(v).toLowerCase());
  }
  return undefined;
}

/** The kinds to read for all scorecards, or undefined for every entity. */
export function kindsToRead(filters: FilterPredicate[]): string[] | undefined {
  const kinds = new Set<string>();
  for (const filter of filters) {
    const some = kindsOf(filter);
    if (!some) {
      return undefined;
    }
    some.forEach(k => kinds.add(k));
  }
  return [...kinds].sort();
}
