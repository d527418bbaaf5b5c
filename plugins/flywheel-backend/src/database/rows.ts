/** Row values as the two engines hand them back, and batching. */

/** Splits a list into consecutive parts of at most `size` items. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const parts: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    parts.push(items.slice(i, i + size));
  }
  return parts;
}

/**
 * A stored timestamp as a Date. PostgreSQL hands back Dates; SQLite hands
 * back what was bound (epoch milliseconds for Dates) or, for values written
 * by SQL defaults, strings.
 */
export function toDate(value: Date | string | number): Date {
  if (value instanceof Date) {
    return value;
  }
  if (typeof value === 'string' && /^\d+$/.test(value)) {
    return new Date(Number(value));
  }
  return new Date(value);
}

export function toIso(value: Date | string | number): string {
  return toDate(value).toISOString();
}

/** Aggregates come back as strings (bigint, numeric) from PostgreSQL. */
export function num(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}

export function numOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}
