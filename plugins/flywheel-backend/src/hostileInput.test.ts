import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import fc from 'fast-check';
import { appendFileSync } from 'fs';
import { Knex } from 'knex';
import request from 'supertest';
import { isSqlite } from './database/engines';
import { EXAMPLE_REQUESTS } from './__testUtils__/exampleRequests';
import {
  EveryRouteBackend,
  startEveryRouteBackend,
} from './__testUtils__/everyRouteBackend';
import { HostileCase, hostileCases } from './__testUtils__/hostileRequests';
import { operationInput } from './__testUtils__/hostileSpec';
import { HOSTILE_TEXT } from './__testUtils__/hostileValues';
import { specOperations } from './__testUtils__/specOperations';
import { tablesOf } from './__testUtils__/tables';

/**
 * Hostile and broken input to every operation of the OpenAPI spec (a route
 * added to the spec is covered as it lands): malformed, oversized, wrongly
 * typed and malicious values at every parameter and every place of the
 * body, and bodies that are not JSON, not an object, 1 MB or 10,000 levels
 * deep. Derived from each operation's spec, from its example request.
 *
 * - Never a 5xx or a hang; a 4xx says what is wrong as JSON (`error.name`,
 *   a message without a stack trace or SQL).
 * - What the spec forbids is refused (4xx).
 * - A refused write changes nothing in the database: no table of the
 *   plugin gains, loses or rewrites a row (row counts and the newest row
 *   version per table, or every row where stored text is checked).
 * - Hostile text the spec allows (a title `<script>…`) may be taken; then it
 *   is stored and answered verbatim. Text no database stores verbatim
 *   (U+0000, a lone surrogate) must then be refused.
 * - The backend is healthy after each route's run: /health, and a request
 *   that worked before still answers as it did.
 *
 * On SQLite always, and on PostgreSQL when TestDatabases reaches one. To
 * see every request and answer: HOSTILE_DEBUG=/tmp/hostile.log; with
 * HOSTILE_REPORT=1 too, every problem is logged there instead of failing
 * at the first.
 */
jest.setTimeout(300_000);

/** Fixed, so a failure replays; change it to explore. */
const SEED = 20261207;
/**
 * Random cases per route on top of the fixed ones, by how many places it
 * has. On SQLite, everything; on PostgreSQL, what reaches the services and
 * the store: what the spec forbids is refused by the router's validator
 * before any query, on either engine alike.
 */
const plan = (databaseId: string, examples: HostileCase[], places: number) =>
  databaseId === 'SQLITE_3'
    ? { examples, runs: Math.min(24, 6 + places) }
    : {
        examples: examples.filter(
          c => c.verdict !== 'invalid' && c.kind !== 'query-unknown',
        ),
        runs: 5,
      };

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const operations = specOperations();

/** Text the database or its driver puts in errors, never a client's. */
const DATABASE_TEXT = [
  /\b(insert into|delete from|select .* from|update \S+ set)\s+[`"]?\w+/i,
  /SQLITE_[A-Z]+/,
  /\bknex\b/i,
  /syntax error at or near/i,
  /violates \S+ constraint/i,
  /duplicate key value/i,
  /invalid byte sequence/i,
  /unsupported Unicode escape sequence/i,
  /relation "[^"]+"/,
];
const STACK_TRACE = /\n\s+at |\(\/[^)]*\.[jt]s:\d+:\d+\)|\bat \S+ \(/;

/**
 * HOSTILE_DEBUG=file appends every request and its answer to the file;
 * with HOSTILE_REPORT=1 too, every problem of the run, without failing.
 */
function debug(line: string) {
  if (process.env.HOSTILE_DEBUG) {
    appendFileSync(process.env.HOSTILE_DEBUG, `${line}\n`);
  }
}

type Snapshot = Map<string, Map<string, number>>;

/** Every row of every table (as JSON text), to tell what a request stored. */
async function snapshot(knex: Knex, tables: string[]): Promise<Snapshot> {
  const result = new Map(tables.map(t => [t, new Map<string, number>()]));
  const add = (table: string, row: string) => {
    const counts = result.get(table)!;
    counts.set(row, (counts.get(row) ?? 0) + 1);
  };
  if (isSqlite(knex)) {
    const rows = await Promise.all(tables.map(table => knex(table).select()));
    tables.forEach((table, i) =>
      rows[i].forEach(row => add(table, JSON.stringify(row))),
    );
  } else {
    // One round trip for all tables.
    const { rows } = await knex.raw(
      tables
        .map(table =>
          knex
            .raw('SELECT ? AS t, row_to_json(x)::text AS r FROM ?? x', [
              table,
              table,
            ])
            .toQuery(),
        )
        .join(' UNION ALL '),
    );
    for (const { t, r } of rows as { t: string; r: string }[]) {
      add(t, r);
    }
  }
  return result;
}

/**
 * Whether anything was written, in one query: per table its row count and
 * the newest row version (PostgreSQL's `xmin`, which every insert and
 * update renews; SQLite's largest rowid), and SQLite's count of rows every
 * statement changed. Cheap enough to take around each request.
 */
async function fingerprint(knex: Knex, tables: string[]): Promise<string[]> {
  const sqlite = isSqlite(knex);
  const parts = tables.map(table =>
    sqlite
      ? knex
          .raw(
            `SELECT ? AS t, count(*) || '/' || coalesce(max(rowid), 0) AS f FROM ??`,
            [table, table],
          )
          .toQuery()
      : knex
          .raw(
            `SELECT ? AS t, count(*) || '/' || coalesce(max(xmin::text::bigint), 0) AS f FROM ??`,
            [table, table],
          )
          .toQuery(),
  );
  if (sqlite) {
    parts.push(`SELECT 'total_changes()' AS t, total_changes() || '' AS f`);
  }
  const result = await knex.raw(parts.join(' UNION ALL '));
  const rows: { t: string; f: string }[] = sqlite ? result : result.rows;
  return rows.map(r => `${r.t} ${r.f}`).sort();
}

/** Rows added (or changed to), and rows removed (or changed from). */
function changes(before: Snapshot, after: Snapshot) {
  const diff = (a: Snapshot, b: Snapshot) =>
    [...a].flatMap(([table, rows]) =>
      [...rows]
        .filter(([row, n]) => (b.get(table)?.get(row) ?? 0) < n)
        .map(([row]) => ({ table, row })),
    );
  return { added: diff(after, before), removed: diff(before, after) };
}

/** Every string in a value, and in JSON text within it. */
function stringLeaves(root: unknown): string[] {
  const leaves: string[] = [];
  const stack = [root];
  while (stack.length) {
    const value = stack.pop();
    if (typeof value === 'string') {
      let parsed: unknown;
      try {
        // JSON columns: their values, not their text.
        parsed = /^[[{"]/.test(value) ? JSON.parse(value) : undefined;
      } catch {
        // text, not JSON
      }
      if (parsed === undefined) {
        leaves.push(value);
      } else {
        stack.push(parsed);
      }
    } else if (value && typeof value === 'object') {
      stack.push(...Object.values(value));
    }
  }
  return leaves;
}

function errorProblems(res: request.Response): string[] {
  if (res.status === 414 || res.status === 431) {
    // Node's HTTP server refuses a URL over its header limit (16 kB) itself,
    // before any Backstage or plugin code, without a body.
    return [];
  }
  const error = res.body?.error;
  const problems: string[] = [];
  if (!/json/.test(res.type)) {
    problems.push(`answered ${res.type || 'no content type'}, not JSON`);
  }
  if (typeof error?.name !== 'string' || !error.name) {
    problems.push('no error.name');
  }
  if (typeof error?.message !== 'string' || !error.message.trim()) {
    problems.push('no error.message');
    return problems;
  }
  if (error.stack || error.cause?.stack) {
    problems.push('a stack trace in the error');
  }
  // A message may quote what was sent, injection text included.
  const message = HOSTILE_TEXT.reduce(
    (m, text) => m.split(text).join('…'),
    error.message as string,
  );
  if (STACK_TRACE.test(message)) {
    problems.push(`a stack trace in the message: ${message.slice(0, 300)}`);
  }
  if (DATABASE_TEXT.some(pattern => pattern.test(message))) {
    problems.push(`database text in the message: ${message.slice(0, 300)}`);
  }
  return problems;
}

describe.each(databases.eachSupportedId())('hostile input, %s', databaseId => {
  let backend: EveryRouteBackend;
  let knex: Knex;
  let tables: string[];

  beforeAll(async () => {
    knex = await databases.init(databaseId);
    backend = await startEveryRouteBackend([
      mockServices.database.factory({ knex }),
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      // One person sends thousands of writes here.
      mockServices.rootConfig.factory({
        data: { flywheel: { rateLimit: { writesPerMinute: 0 } } },
      }),
    ]);
    tables = await tablesOf(knex);
  });

  it('reads every table of the plugin', () => {
    expect(tables.length).toBeGreaterThan(10);
  });

  async function exercise(route: string, c: HostileCase): Promise<void> {
    const write = c.method !== 'get';
    const started = Date.now();
    // Every row when stored text is to be checked; else whether any changed.
    const rows = write && c.marked ? await snapshot(knex, tables) : undefined;
    const before = write && !rows ? await fingerprint(knex, tables) : undefined;
    let req = request(backend.server)
      [c.method](c.url)
      .set('Authorization', backend.authorization(route))
      // A hang is a failure, not a stuck suite.
      .timeout({ response: 15_000, deadline: 30_000 });
    if (c.contentType) {
      req = req.set('Content-Type', c.contentType);
    }
    if (c.body !== undefined) {
      req = req.send(c.body);
    }
    const sent = Date.now();
    const res = await req;
    debug(
      `${databaseId} ${sent - started}+${Date.now() - sent}ms ${
        res.status
      } ${c} ${res.body?.error?.message ?? ''}`,
    );

    const problems: string[] = [];
    if (res.status >= 500) {
      problems.push(
        `answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`,
      );
    } else if (res.status >= 400) {
      problems.push(...errorProblems(res));
    } else if (c.verdict === 'invalid') {
      problems.push(
        `took what the spec forbids: ${res.status} ${JSON.stringify(
          res.body,
        )?.slice(0, 300)}`,
      );
    }
    if (before && res.status >= 400) {
      const after = await fingerprint(knex, tables);
      const changed = after.filter(line => !before.includes(line));
      if (changed.length) {
        problems.push(
          `refused (${res.status}) but changed the database: ${changed.join(
            ', ',
          )}`,
        );
      }
    }
    if (rows) {
      const { added, removed } = changes(rows, await snapshot(knex, tables));
      if (res.status >= 400 && (added.length || removed.length)) {
        problems.push(
          `refused (${res.status}) but changed the database: ${JSON.stringify({
            added,
            removed,
          }).slice(0, 600)}`,
        );
      }
      const { marker, text } = c.marked!;
      const kept = res.status < 400 ? [added.map(a => a.row), res.body] : [];
      for (const leaf of stringLeaves(kept)) {
        if (leaf.includes(marker) && !leaf.includes(text)) {
          problems.push(
            `stored or answered ${JSON.stringify(
              leaf.slice(0, 200),
            )} for ${JSON.stringify(text)}`,
          );
        }
      }
    }
    if (problems.length) {
      const report = `${c}\n  ${problems.join('\n  ')}`;
      if (process.env.HOSTILE_REPORT) {
        // Survey mode: every problem of the run, not only the first.
        debug(`PROBLEM ${databaseId} ${report}`);
        return;
      }
      throw new Error(report);
    }
  }

  it.each(operations.map(operation => [operation.route, operation] as const))(
    '%s refuses what its spec forbids, cleanly, and stays healthy',
    async (route, operation) => {
      const example = EXAMPLE_REQUESTS[route];
      if (!example) {
        throw new Error(
          `${route} has no example request: add one to __testUtils__/exampleRequests.ts`,
        );
      }
      const cases = hostileCases(
        operation,
        operationInput(operation),
        example,
        backend.fill,
      );
      const { examples, runs } = plan(databaseId, cases.examples, cases.places);
      // A request that answered before answers the same after.
      const probe =
        operation.method === 'get' ? route : 'GET /surveys/{surveyId}';
      const answeredBefore = (await backend.send(probe)).status;

      await fc.assert(
        fc.asyncProperty(cases.arbitrary, c => exercise(route, c)),
        {
          seed: SEED,
          // The fixed cases count as runs.
          numRuns: examples.length + runs,
          examples: examples.map(c => [c] as [HostileCase]),
        },
      );

      const health = await request(backend.server).get('/api/flywheel/health');
      expect(health.status).toBe(200);
      expect((await backend.send(probe)).status).toBe(answeredBefore);
    },
  );
});
