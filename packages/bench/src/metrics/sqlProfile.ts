import { RecordedQuery, statementTotals } from '../harness';

/** Where a phase's SQL time went. */
export interface SqlProfile {
  /** Share of the phase with a query in flight. */
  inFlightShare: number;
  /** By statement, the most total time first: per request and mean time. */
  statements: StatementPer[];
}

export interface StatementPer {
  statement: string;
  /** Queries of it per request. */
  count: number;
  meanMs: number;
  totalMs: number;
}

/** Statements per request and their mean time. */
export function statementsPer(
  queries: RecordedQuery[],
  per: number,
): StatementPer[] {
  // PostgreSQL numbers the placeholders after a list: $27 and $16 are alike.
  const alike = queries.map(q => ({
    ...q,
    sql: q.sql.replace(/\$\d+/g, '$n'),
  }));
  return statementTotals(alike).map(s => ({
    statement: s.statement,
    count: s.count / Math.max(1, per),
    meanMs: s.ms / s.count,
    totalMs: s.ms,
  }));
}

/** Report lines: mean time, queries per request and the statement. */
export const statementLines = (statements: StatementPer[], top = 8) =>
  statements
    .slice(0, top)
    .map(
      s =>
        `  ${s.meanMs.toFixed(1).padStart(8)} ms ${s.count
          .toFixed(2)
          .padStart(6)}×  ${s.statement}`,
    );
