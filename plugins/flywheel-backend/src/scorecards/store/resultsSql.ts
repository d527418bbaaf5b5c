/**
 * SQL fragments over the results table that differ between SQLite and
 * PostgreSQL, so the stores write each query once.
 */

/**
 * The packed check results of a result row `r`, one row `c` per check, and
 * an element of a check's tuple (0 id, 1 state).
 */
export function checkElements(sqlite: boolean) {
  return {
    elements: sqlite
      ? `json_each(r.checks) c`
      : `json_array_elements(CAST(r.checks AS json)) c`,
    element: (i: number) =>
      sqlite ? `json_extract(c.value, '$[${i}]')` : `c.value->>${i}`,
  };
}

/** A result's score in tenths, as the per-owner aggregates sum it. */
export function scoreTenths(sqlite: boolean): string {
  return sqlite
    ? 'CAST(round(r.score * 10) AS INTEGER)'
    : 'CAST(round(CAST(r.score AS numeric) * 10) AS bigint)';
}
