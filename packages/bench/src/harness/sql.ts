import { Knex } from 'knex';

/** One query: when it was sent and answered, and its normalised statement. */
export interface RecordedQuery {
  from: number;
  to: number;
  sql: string;
}

/** A statement's queries: how many and their total time. */
export interface StatementTotal {
  statement: string;
  count: number;
  ms: number;
}

/** Whitespace folded and placeholder lists shortened, so alike queries group. */
function normalise(sql: string, width: number): string {
  return sql
    .replace(/\s+/g, ' ')
    .replace(/(\?|\$\d+)(\s*,\s*(\?|\$\d+))+/g, '…')
    .slice(0, width);
}

/**
 * Records every query of a knex instance between start and stop, from its
 * events: where a request's or an evaluation's time went in SQL, against
 * its JavaScript. Statements are cut to `width` characters.
 */
export function sqlRecorder(db: Knex, width = 120) {
  const open = new Map<string, { at: number; sql: string }>();
  let queries: RecordedQuery[] = [];
  let active = false;
  db.on('query', (data: { __knexQueryUid?: string; sql?: string }) => {
    if (active && data.__knexQueryUid && data.sql) {
      open.set(data.__knexQueryUid, {
        at: performance.now(),
        sql: normalise(data.sql, width),
      });
    }
  });
  const done = (_r: unknown, data: { __knexQueryUid?: string }) => {
    const start = data?.__knexQueryUid
      ? open.get(data.__knexQueryUid)
      : undefined;
    if (start) {
      open.delete(data.__knexQueryUid!);
      queries.push({ from: start.at, to: performance.now(), sql: start.sql });
    }
  };
  db.on('query-response', done);
  db.on('query-error', (e: unknown, data: { __knexQueryUid?: string }) =>
    done(e, data),
  );
  return {
    start() {
      open.clear();
      queries = [];
      active = true;
    },
    /** Stops; the time with any query in flight, and the queries since start. */
    stop() {
      active = false;
      const sorted = [...queries].sort((a, b) => a.from - b.from);
      let inFlightMs = 0;
      let end = -Infinity;
      for (const q of sorted) {
        if (q.to > end) {
          inFlightMs += q.to - Math.max(q.from, end);
          end = q.to;
        }
      }
      return { inFlightMs, queries: sorted };
    },
  };
}

/** Queries by statement, the most total time first. */
export function statementTotals(queries: RecordedQuery[]): StatementTotal[] {
  const byStatement = new Map<string, StatementTotal>();
  for (const q of queries) {
    const entry = byStatement.get(q.sql) ?? {
      statement: q.sql,
      count: 0,
      ms: 0,
    };
    entry.count += 1;
    entry.ms += q.to - q.from;
    byStatement.set(q.sql, entry);
  }
  return [...byStatement.values()].sort((a, b) => b.ms - a.ms);
}
