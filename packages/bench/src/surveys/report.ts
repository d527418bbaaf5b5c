import { SurveyLoadResult } from './load';
import { SurveyDbResult } from './run';

interface Row {
  key: string;
  label: string;
  unit: 'ms' | 's' | 'n' | 'load' | 'MB' | 'rps' | 'text';
  values: (number | string | undefined)[];
  target?: { text: string; ok: (value: number) => boolean };
}

const DB_TITLE = { sqlite: 'SQLite', pg: 'PostgreSQL' } as const;

/** p50 / p99 and how busy the backend's event loop was. */
const spread = (load: SurveyLoadResult) =>
  `${load.p50.toFixed(1)} / ${load.p99.toFixed(1)} ms${
    load.eventLoopBusy === undefined
      ? ''
      : ` · ${Math.round(load.eventLoopBusy * 100)}%`
  }`;

function format(value: number | string | undefined, unit: Row['unit']) {
  if (typeof value === 'string') {
    return value;
  }
  if (value === undefined || Number.isNaN(value)) {
    return 'n/a';
  }
  switch (unit) {
    case 'ms':
      return `${value.toFixed(1)} ms`;
    case 's':
      return `${(value / 1000).toFixed(1)} s`;
    case 'load':
      return value.toFixed(2);
    case 'MB':
      return `${Math.round(value)} MB`;
    case 'rps':
      return `${Math.round(value)}/s`;
    default:
      return Math.round(value).toLocaleString('en-US');
  }
}

/** The figures against the targets, as text and as JSON. */
export function report(
  results: SurveyDbResult[],
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string },
  options: { clients: number; respondents: number; phaseSeconds: number },
) {
  const v = (f: (r: SurveyDbResult) => number | string | undefined) =>
    results.map(f);
  const p95Target = { text: '< 300 ms', ok: (x: number) => x < 300 };
  const c = options.clients;
  const rows: Row[] = [
    {
      key: 'loadSeed',
      label: 'machine load average (1 min) before seeding',
      unit: 'load',
      values: v(r => r.loadAverage.seed),
    },
    {
      key: 'loadHttp',
      label: 'machine load average (1 min) before the HTTP load',
      unit: 'load',
      values: v(r => r.loadAverage.http),
    },
    {
      key: 'org',
      label: 'catalog: groups / teams / users',
      unit: 'text',
      values: v(
        r =>
          `${r.catalogEntities - r.users} / ${
            r.teams
          } / ${r.users.toLocaleString('en-US')}`,
      ),
    },
    {
      key: 'ingest',
      label: 'catalog ingestion (provider → all stitched)',
      unit: 's',
      values: v(r => r.ingestMs),
    },
    {
      key: 'responses',
      label: `responses seeded (${results[0]?.waves ?? '?'} waves)`,
      unit: 'n',
      values: v(r => r.responses),
    },
    {
      key: 'seed',
      label: '  seeding time (bulkInsertResponses, 10k a batch)',
      unit: 's',
      values: v(r => r.seedMs),
    },
    {
      key: 'seedRows',
      label: '  rows written per second (5 per response + comments)',
      unit: 'rps',
      values: v(r => r.seedRowsPerSecond),
    },
    {
      key: 'vacuum',
      label: '  VACUUM (ANALYZE) afterwards (PostgreSQL)',
      unit: 's',
      values: v(r => r.vacuumMs),
    },
    {
      key: 'dbSize',
      label: '  Flywheel database size',
      unit: 'MB',
      values: v(r => r.databaseMb),
    },
    {
      key: 'coldOpen',
      label: 'GET results, open wave: first request, fresh backend',
      unit: 'ms',
      values: v(r => r.cold.openWaveMs),
    },
    {
      key: 'directoryRead',
      label: "  reading the directory's entities from the catalog alone",
      unit: 'ms',
      values: v(r => r.cold.directoryReadMs),
    },
    {
      key: 'coldOpenSecond',
      label: '  second request (cached)',
      unit: 'ms',
      values: v(r => r.cold.openWaveSecondMs),
    },
    {
      key: 'invalidatedP95',
      label: 'GET results, open wave, recomputed (view expired), p95',
      unit: 'ms',
      values: v(r => r.invalidated.p95),
      target: p95Target,
    },
    {
      key: 'invalidatedP50',
      label: '  p50 / samples (one request at a time)',
      unit: 'text',
      values: v(
        r => `${r.invalidated.p50.toFixed(1)} ms / ${r.invalidated.samples}`,
      ),
    },
    {
      key: 'invalidatedSql',
      label: '  of which a query in flight (mean)',
      unit: 'ms',
      values: v(r => r.invalidated.sql.sqlInFlightMs),
    },
    {
      key: 'cachedP50',
      label: 'GET results, open wave, cached, one at a time: p50',
      unit: 'ms',
      values: v(r => r.invalidated.cached?.p50),
    },
    {
      key: 'openP95',
      label: `GET results, open wave, ${c} clients, p95 (15 s cache)`,
      unit: 'ms',
      values: v(r => r.http.openWave.p95),
      target: p95Target,
    },
    {
      key: 'openP50',
      label: '  p50 / p99 · backend event loop busy',
      unit: 'text',
      values: v(r => spread(r.http.openWave)),
    },
    {
      key: 'openRps',
      label: '  throughput',
      unit: 'rps',
      values: v(r => r.http.openWave.rps),
    },
    {
      key: 'openInvalidatedP95',
      label: `GET results, open wave, ${c} clients + submissions, p95`,
      unit: 'ms',
      values: v(r => r.http.openWaveInvalidated.p95),
      target: p95Target,
    },
    {
      key: 'openInvalidatedP50',
      label: '  p50 / p99 · backend event loop busy',
      unit: 'text',
      values: v(r => spread(r.http.openWaveInvalidated)),
    },
    {
      key: 'closedFirst',
      label: 'GET results, closed wave: first request (counts cached)',
      unit: 'ms',
      values: v(r => r.cold.closedWaveFirstMs),
    },
    {
      key: 'closedP95',
      label: `GET results, closed wave, ${c} clients, p95`,
      unit: 'ms',
      values: v(r => r.http.closedWave.p95),
      target: p95Target,
    },
    {
      key: 'closedP50',
      label: '  p50 / p99 · backend event loop busy',
      unit: 'text',
      values: v(r => spread(r.http.closedWave)),
    },
    {
      key: 'teamFirst',
      label: 'GET results ?groupRef=<division>: first request (cached)',
      unit: 'ms',
      values: v(r => r.cold.teamScopeFirstMs),
    },
    {
      key: 'teamP95',
      label: `GET results ?groupRef=<division>, ${c} clients, p95`,
      unit: 'ms',
      values: v(r => r.http.teamScope.p95),
      target: p95Target,
    },
    {
      key: 'teamP50',
      label: '  p50 / p99 · backend event loop busy',
      unit: 'text',
      values: v(r => spread(r.http.teamScope)),
    },
    {
      key: 'submitRps',
      label: `POST responses, ${options.respondents} respondents: accepted/s`,
      unit: 'rps',
      values: v(r => r.submissions.createdPerSecond),
      target: { text: '≥ 300/s', ok: x => x >= 300 },
    },
    {
      key: 'submitAllRps',
      label: '  all requests/s (incl. rejected duplicates)',
      unit: 'rps',
      values: v(r => r.submissions.rps),
    },
    {
      key: 'submitP95',
      label: '  p95 latency',
      unit: 'ms',
      values: v(r => r.submissions.p95),
    },
    {
      key: 'submitP50',
      label: '  p50 / p99 · backend event loop busy',
      unit: 'text',
      values: v(r => spread(r.submissions)),
    },
    {
      key: 'submitCounts',
      label: '  201 / 409 / other, of requests',
      unit: 'text',
      values: v(
        r =>
          `${r.submissions.created} / ${r.submissions.conflicts} / ${
            r.submissions.otherErrors
          } of ${r.submissions.requests} in ${(
            r.submissions.durationMs / 1000
          ).toFixed(1)} s`,
      ),
    },
    {
      key: 'duplicatesSent',
      label: '  second submissions sent (must all be 409)',
      unit: 'n',
      values: v(r => r.submissions.duplicates),
    },
    {
      key: 'acceptedTwice',
      label: '  people accepted twice',
      unit: 'n',
      values: v(r => r.submissions.acceptedTwice),
      target: { text: '0', ok: x => x === 0 },
    },
    {
      key: 'rowsResponses',
      label: 'open wave: responses stored / expected',
      unit: 'text',
      values: v(
        r =>
          `${r.rows.responses.toLocaleString(
            'en-US',
          )} / ${r.rows.expectedResponses.toLocaleString('en-US')}`,
      ),
    },
    {
      key: 'rowsParticipation',
      label: '  participation / answers / comments',
      unit: 'text',
      values: v(
        r =>
          `${r.rows.participation.toLocaleString(
            'en-US',
          )} / ${r.rows.answers.toLocaleString(
            'en-US',
          )} / ${r.rows.comments.toLocaleString('en-US')}`,
      ),
    },
    {
      key: 'lost',
      label: '  lost responses',
      unit: 'n',
      values: v(r => r.rows.lost),
      target: { text: '0', ok: x => x === 0 },
    },
    {
      key: 'duplicates',
      label: '  duplicated participation (GROUP BY user_ref > 1)',
      unit: 'n',
      values: v(r => r.rows.duplicateParticipation),
      target: { text: '0', ok: x => x === 0 },
    },
    {
      key: 'rowsOk',
      label: '  every count as expected',
      unit: 'text',
      values: v(r => (r.rows.ok ? 'yes' : 'NO')),
    },
  ];

  const headers = ['figure', ...results.map(r => DB_TITLE[r.db]), 'target'];
  const table = rows.map(row => {
    const cells = row.values.map(value => {
      const text = format(value, row.unit);
      if (!row.target || typeof value !== 'number' || Number.isNaN(value)) {
        return text;
      }
      return `${text} ${row.target.ok(value) ? 'met' : 'MISSED'}`;
    });
    return [row.label, ...cells, row.target?.text ?? ''];
  });
  const widths = headers.map((h, i) =>
    Math.max(h.length, ...table.map(r => r[i].length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  const text = [
    line(headers),
    `|${widths.map(w => '-'.repeat(w + 2)).join('|')}|`,
    ...table.map(line),
  ];

  for (const r of results) {
    if (r.responses < r.responsesRequested) {
      text.push(
        '',
        `${DB_TITLE[r.db]}: ${r.responses.toLocaleString(
          'en-US',
        )} responses seeded instead of ${r.responsesRequested.toLocaleString(
          'en-US',
        )}.`,
      );
    }
  }
  for (const r of results) {
    text.push(
      '',
      `${
        DB_TITLE[r.db]
      }: queries of one results request that recomputed the open wave (mean of ${
        r.invalidated.samples
      }; request ${r.invalidated.sql.requestMs.toFixed(
        1,
      )} ms, a query in flight ${r.invalidated.sql.sqlInFlightMs.toFixed(
        1,
      )} ms, the rest is JavaScript, HTTP and auth):`,
      ...r.invalidated.sql.statements
        .slice(0, 8)
        .map(
          s =>
            `  ${s.meanMs.toFixed(1).padStart(7)} ms ${s.count
              .toFixed(1)
              .padStart(4)}×  ${s.statement}`,
        ),
    );
  }
  for (const r of results) {
    text.push(
      '',
      `${DB_TITLE[r.db]}: queries per submission under ${
        options.respondents
      } respondents (a query in flight ${Math.round(
        r.submissions.sql.inFlightShare * 100,
      )}% of the phase; from sending to the answer being handled, so a busy event loop adds to them; waiting for a pool connection is not included):`,
      ...r.submissions.sql.statements
        .slice(0, 10)
        .map(
          s =>
            `  ${s.meanMs.toFixed(1).padStart(7)} ms ${s.count
              .toFixed(2)
              .padStart(5)}×  ${s.statement}`,
        ),
    );
  }
  text.push(
    '',
    `Notes: the results of a wave include every earlier wave (trend). The service keeps computed results in memory (closed waves for good, per catalog snapshot; the open wave for 15 s), so the ${
      options.phaseSeconds
    } s loads mostly measure cached views; "recomputed" is one request at a time, each after the open wave's view expired (a submission before each). "+ submissions": a submission every ${
      results[0]?.http.backgroundIntervalMs ?? '?'
    } ms during the load. "backend event loop busy" near 100% means the backend's JavaScript is the limit. The seeded respondents are synthetic refs not in the catalog (the catalog has ${
      results[0] ? Math.round(results[0].users / results[0].teams) : '?'
    } users a team), so response rates exceed 100%.`,
  );

  const json = {
    machine,
    options,
    figures: Object.fromEntries(
      rows.map(row => [
        row.key,
        Object.fromEntries(
          results.map((r, i) => {
            const value = row.values[i];
            return [
              r.db,
              {
                value: value ?? null,
                unit: row.unit,
                ...(row.target && typeof value === 'number'
                  ? { target: row.target.text, met: row.target.ok(value) }
                  : {}),
              },
            ];
          }),
        ),
      ]),
    ),
    results,
  };
  return { text: text.join('\n'), json };
}
