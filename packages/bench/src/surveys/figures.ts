import { Figure, LoadResult } from '../harness';
import { SurveyDbResult } from './results';

/** The options the figures' labels name. */
export interface SurveyReportOptions {
  clients: number;
  respondents: number;
  phaseSeconds: number;
}

/** p50 / p99 and how busy the backend's event loop was. */
const spread = (load: LoadResult) =>
  `${load.p50.toFixed(1)} / ${load.p99.toFixed(1)} ms${
    load.eventLoopBusy === undefined
      ? ''
      : ` · ${Math.round(load.eventLoopBusy * 100)}%`
  }`;

const p95Target = { text: '< 300 ms', ok: (x: number) => x < 300 };

/** The surveys benchmark's figures and their targets, in table order. */
export function surveyFigures(
  options: SurveyReportOptions,
  /** Waves of the survey, when a run finished. */
  waves: number | undefined,
): Figure<SurveyDbResult>[] {
  const c = options.clients;
  return [
    {
      key: 'loadSeed',
      label: 'machine load average (1 min) before seeding',
      unit: 'load',
      value: r => r.loadAverage.seed,
    },
    {
      key: 'loadHttp',
      label: 'machine load average (1 min) before the HTTP load',
      unit: 'load',
      value: r => r.loadAverage.http,
    },
    {
      key: 'org',
      label: 'catalog: groups / teams / users',
      unit: 'text',
      value: r =>
        `${r.catalogEntities - r.users} / ${r.teams} / ${r.users.toLocaleString(
          'en-US',
        )}`,
    },
    {
      key: 'ingest',
      label: 'catalog ingestion (provider → all stitched)',
      unit: 's',
      digits: 1,
      value: r => r.ingestMs,
    },
    {
      key: 'responses',
      label: `responses seeded (${waves ?? '?'} waves)`,
      unit: 'n',
      value: r => r.responses,
    },
    {
      key: 'seed',
      label: '  seeding time (bulkInsertResponses, 10k a batch)',
      unit: 's',
      digits: 1,
      value: r => r.seedMs,
    },
    {
      key: 'seedRows',
      label: '  rows written per second (5 per response + comments)',
      unit: 'rps',
      value: r => r.seedRowsPerSecond,
    },
    {
      key: 'vacuum',
      label: '  VACUUM (ANALYZE) afterwards (PostgreSQL)',
      unit: 's',
      digits: 1,
      value: r => r.vacuumMs,
    },
    {
      key: 'dbSize',
      label: '  Flywheel database size',
      unit: 'MB',
      value: r => r.databaseMb,
    },
    {
      key: 'coldOpen',
      label: 'GET results, open wave: first request, fresh backend',
      unit: 'ms',
      value: r => r.cold.openWaveMs,
    },
    {
      key: 'directoryRead',
      label: "  reading the directory's entities from the catalog alone",
      unit: 'ms',
      value: r => r.cold.directoryReadMs,
    },
    {
      key: 'coldOpenSecond',
      label: '  second request (cached)',
      unit: 'ms',
      value: r => r.cold.openWaveSecondMs,
    },
    {
      key: 'invalidatedP95',
      label: 'GET results, open wave, recomputed (view expired), p95',
      unit: 'ms',
      value: r => r.invalidated.p95,
      target: p95Target,
    },
    {
      key: 'invalidatedP50',
      label: '  p50 / samples (one request at a time)',
      unit: 'text',
      value: r =>
        `${r.invalidated.p50.toFixed(1)} ms / ${r.invalidated.samples}`,
    },
    {
      key: 'invalidatedSql',
      label: '  of which a query in flight (mean)',
      unit: 'ms',
      value: r => r.invalidated.sql.sqlInFlightMs,
    },
    {
      key: 'cachedP50',
      label: 'GET results, open wave, cached, one at a time: p50',
      unit: 'ms',
      value: r => r.invalidated.cached?.p50,
    },
    {
      key: 'openP95',
      label: `GET results, open wave, ${c} clients, p95 (15 s cache)`,
      unit: 'ms',
      value: r => r.http.openWave.p95,
      target: p95Target,
    },
    {
      key: 'openP50',
      label: '  p50 / p99 · backend event loop busy',
      unit: 'text',
      value: r => spread(r.http.openWave),
    },
    {
      key: 'openRps',
      label: '  throughput',
      unit: 'rps',
      value: r => r.http.openWave.rps,
    },
    {
      key: 'openInvalidatedP95',
      label: `GET results, open wave, ${c} clients + submissions, p95`,
      unit: 'ms',
      value: r => r.http.openWaveInvalidated.p95,
      target: p95Target,
    },
    {
      key: 'openInvalidatedP50',
      label: '  p50 / p99 · backend event loop busy',
      unit: 'text',
      value: r => spread(r.http.openWaveInvalidated),
    },
    {
      key: 'closedFirst',
      label: 'GET results, closed wave: first request (counts cached)',
      unit: 'ms',
      value: r => r.cold.closedWaveFirstMs,
    },
    {
      key: 'closedP95',
      label: `GET results, closed wave, ${c} clients, p95`,
      unit: 'ms',
      value: r => r.http.closedWave.p95,
      target: p95Target,
    },
    {
      key: 'closedP50',
      label: '  p50 / p99 · backend event loop busy',
      unit: 'text',
      value: r => spread(r.http.closedWave),
    },
    {
      key: 'teamFirst',
      label: 'GET results ?groupRef=<division>: first request (cached)',
      unit: 'ms',
      value: r => r.cold.teamScopeFirstMs,
    },
    {
      key: 'teamP95',
      label: `GET results ?groupRef=<division>, ${c} clients, p95`,
      unit: 'ms',
      value: r => r.http.teamScope.p95,
      target: p95Target,
    },
    {
      key: 'teamP50',
      label: '  p50 / p99 · backend event loop busy',
      unit: 'text',
      value: r => spread(r.http.teamScope),
    },
    {
      key: 'submitRps',
      label: `POST responses, ${options.respondents} respondents: accepted/s`,
      unit: 'rps',
      value: r => r.submissions.createdPerSecond,
      target: { text: '≥ 300/s', ok: x => x >= 300 },
    },
    {
      key: 'submitAllRps',
      label: '  all requests/s (incl. rejected duplicates)',
      unit: 'rps',
      value: r => r.submissions.rps,
    },
    {
      key: 'submitP95',
      label: '  p95 latency',
      unit: 'ms',
      value: r => r.submissions.p95,
    },
    {
      key: 'submitP50',
      label: '  p50 / p99 · backend event loop busy',
      unit: 'text',
      value: r => spread(r.submissions),
    },
    {
      key: 'submitCounts',
      label: '  201 / 409 / other, of requests',
      unit: 'text',
      value: r =>
        `${r.submissions.created} / ${r.submissions.conflicts} / ${
          r.submissions.otherErrors
        } of ${r.submissions.requests} in ${(
          r.submissions.durationMs / 1000
        ).toFixed(1)} s`,
    },
    {
      key: 'duplicatesSent',
      label: '  second submissions sent (must all be 409)',
      unit: 'n',
      value: r => r.submissions.duplicates,
    },
    {
      key: 'acceptedTwice',
      label: '  people accepted twice',
      unit: 'n',
      value: r => r.submissions.acceptedTwice,
      target: { text: '0', ok: x => x === 0 },
    },
    {
      key: 'rowsResponses',
      label: 'open wave: responses stored / expected',
      unit: 'text',
      value: r =>
        `${r.rows.responses.toLocaleString(
          'en-US',
        )} / ${r.rows.expectedResponses.toLocaleString('en-US')}`,
    },
    {
      key: 'rowsParticipation',
      label: '  participation / answers / comments',
      unit: 'text',
      value: r =>
        `${r.rows.participation.toLocaleString(
          'en-US',
        )} / ${r.rows.answers.toLocaleString(
          'en-US',
        )} / ${r.rows.comments.toLocaleString('en-US')}`,
    },
    {
      key: 'lost',
      label: '  lost responses',
      unit: 'n',
      value: r => r.rows.lost,
      target: { text: '0', ok: x => x === 0 },
    },
    {
      key: 'duplicates',
      label: '  duplicated participation (GROUP BY user_ref > 1)',
      unit: 'n',
      value: r => r.rows.duplicateParticipation,
      target: { text: '0', ok: x => x === 0 },
    },
    {
      key: 'rowsOk',
      label: '  every count as expected',
      unit: 'text',
      value: r => (r.rows.ok ? 'yes' : 'NO'),
    },
  ];
}
