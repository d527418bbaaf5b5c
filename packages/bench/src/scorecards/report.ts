import { CpuUse } from './cpu';
import { DbResult } from './run';

const cpuTotal = (use: CpuUse) => use.processMs + use.databaseMs;

interface Row {
  key: string;
  label: string;
  unit: 'ms' | 's' | 'x' | 'MB' | 'n' | 'load';
  values: (number | undefined)[];
  target?: { text: string; ok: (value: number) => boolean };
}

export const DB_TITLE = {
  sqlite: 'SQLite',
  'sqlite-disk': 'SQLite on disk',
  pg: 'PostgreSQL',
} as const;

function format(value: number | undefined, unit: Row['unit']): string {
  if (value === undefined || Number.isNaN(value)) {
    return 'n/a';
  }
  switch (unit) {
    case 'ms':
      return `${value.toFixed(1)} ms`;
    case 's':
      return `${(value / 1000).toFixed(2)} s`;
    case 'x':
      return `${value.toFixed(2)}×`;
    case 'load':
      return value.toFixed(2);
    case 'MB':
      return `${Math.round(value)} MB`;
    default:
      return value.toLocaleString('en-US');
  }
}

/** The figures against the targets, as text and as JSON. */
export function report(
  results: DbResult[],
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string },
  entities: number,
) {
  const v = (f: (r: DbResult) => number | undefined) => results.map(f);
  const ti = (r: DbResult) => r.techInsights;
  const rows: Row[] = [
    {
      key: 'loadEvaluation',
      label: 'machine load average (1 min) before the evaluations',
      unit: 'load',
      values: v(r => r.loadAverage?.evaluation),
    },
    {
      key: 'loadHttp',
      label: 'machine load average (1 min) before the HTTP load',
      unit: 'load',
      values: v(r => r.loadAverage?.http),
    },
    {
      key: 'catalogEntities',
      label: 'entities in the catalog (all kinds)',
      unit: 'n',
      values: v(r => r.catalogEntities),
    },
    {
      key: 'ingest',
      label: 'catalog ingestion: provider full mutation → all stitched',
      unit: 's',
      values: v(r => r.ingestMs),
    },
    {
      key: 'catalogRead',
      label: `baseline: read ${entities} components via catalog API (median)`,
      unit: 's',
      values: v(r => r.catalogReadMedianMs),
    },
    {
      key: 'cold',
      label: 'Flywheel cold evaluateAll (read → results stored)',
      unit: 's',
      values: v(r => r.cold.wallMs),
    },
    {
      key: 'coldRatio',
      label: '  cold evaluation ÷ catalog read',
      unit: 'x',
      values: v(r => r.cold.wallMs / r.catalogReadMedianMs),
      target: { text: '≤ 1.5×', ok: x => x <= 1.5 },
    },
    {
      key: 'cpuRead',
      label: '  CPU of one catalog read (backend + PostgreSQL)',
      unit: 's',
      values: v(r => (r.cpu ? cpuTotal(r.cpu.read) : undefined)),
    },
    {
      key: 'cpuCold',
      label: '  CPU of the cold evaluation (backend + PostgreSQL)',
      unit: 's',
      values: v(r => (r.cpu ? cpuTotal(r.cpu.cold) : undefined)),
    },
    {
      key: 'coldFloor',
      label: '  cold ÷ read at best: its CPU spread over every core',
      unit: 'x',
      values: v(r =>
        r.cpu
          ? cpuTotal(r.cpu.cold) / r.cpu.cores / r.catalogReadMedianMs
          : undefined,
      ),
    },
    {
      key: 'warm',
      label: 'Flywheel warm evaluateAll, nothing changed',
      unit: 's',
      values: v(r => r.warm.wallMs),
    },
    {
      key: 'cpuWarm',
      label: '  CPU of the warm evaluation (backend + PostgreSQL)',
      unit: 's',
      values: v(r => (r.cpu ? cpuTotal(r.cpu.warm) : undefined)),
    },
    {
      key: 'incremental',
      label: 'Flywheel evaluateEntities(100 changed entities)',
      unit: 'ms',
      values: v(r => r.incremental.wallMs),
      target: { text: '< 1 s', ok: x => x < 1000 },
    },
    {
      key: 'warmAfterChange',
      label: 'Flywheel full warm evaluateAll after the 100 changes',
      unit: 's',
      values: v(r => r.warmAfterChange.wallMs),
    },
    {
      key: 'snapshots',
      label: 'daily snapshots after a run (writeSnapshots)',
      unit: 's',
      values: v(r => r.snapshotsMs),
    },
    {
      key: 'peakRss',
      label: 'peak RSS during Flywheel evaluations (whole backend)',
      unit: 'MB',
      values: v(r => r.rss.peakDuringEvaluationMb),
      target: { text: '< 1 GB', ok: x => x < 1024 },
    },
    {
      key: 'rssBefore',
      label: '  RSS before the first evaluation',
      unit: 'MB',
      values: v(r => r.rss.beforeEvaluationMb),
    },
    {
      key: 'rssIncrease',
      label: '  increase during the evaluations (Flywheel, results DB)',
      unit: 'MB',
      values: v(r => r.rss.peakDuringEvaluationMb - r.rss.beforeEvaluationMb),
    },
    {
      key: 'maxRss',
      label: '  process maxRSS incl. catalog ingestion',
      unit: 'MB',
      values: v(r => r.rss.processMaxRssMb),
    },
    {
      key: 'entityP95',
      label: 'GET /scorecards/results p95, 20 clients',
      unit: 'ms',
      values: v(r => r.http.entityResults.p95),
      target: { text: '< 50 ms', ok: x => x < 50 },
    },
    {
      key: 'entitySingleP95',
      label: '  p95 with one client (no queueing)',
      unit: 'ms',
      values: v(r => r.http.entityResultsSingle.p95),
    },
    {
      key: 'entityP50',
      label: '  p50',
      unit: 'ms',
      values: v(r => r.http.entityResults.p50),
    },
    {
      key: 'entityRps',
      label: '  throughput (req/s)',
      unit: 'n',
      values: v(r => Math.round(r.http.entityResults.rps)),
    },
    {
      key: 'listP95',
      label: 'reference: GET /scorecards (same stack, no DB) p95',
      unit: 'ms',
      values: v(r => r.http.listScorecards.p95),
    },
    {
      key: 'rollupP95',
      label: 'GET /scorecards/rollup top group, one scorecard, p95',
      unit: 'ms',
      values: v(r => r.http.rollupOneScorecard.p95),
      target: { text: '< 200 ms', ok: x => x < 200 },
    },
    {
      key: 'rollupSingleP95',
      label: '  p95 with one client (no queueing)',
      unit: 'ms',
      values: v(r => r.http.rollupSingle.p95),
    },
    {
      key: 'rollupP50',
      label: '  p50',
      unit: 'ms',
      values: v(r => r.http.rollupOneScorecard.p50),
    },
    {
      key: 'rollupAllP95',
      label: 'GET /scorecards/rollup top group, all 5 scorecards, p95',
      unit: 'ms',
      values: v(r => r.http.rollupAllScorecards.p95),
    },
    {
      key: 'tiRetrieval',
      label: 'Tech Insights: fact retrieval (2 retrievers, stored)',
      unit: 's',
      values: v(r => ti(r)?.retrievalMs),
    },
    {
      key: 'tiChecks',
      label: 'Tech Insights: 50 checks × all entities (POST /checks/run)',
      unit: 's',
      values: v(r => ti(r)?.checksMs),
    },
    {
      key: 'tiTotal',
      label: 'Tech Insights: total for the same work',
      unit: 's',
      values: v(r => ti(r)?.totalMs),
    },
    {
      key: 'tiRatio',
      label: '  Tech Insights ÷ Flywheel cold evaluation',
      unit: 'x',
      values: v(r => (ti(r) ? ti(r)!.totalMs / r.cold.wallMs : undefined)),
      target: { text: '≥ 20×', ok: x => x >= 20 },
    },
    {
      key: 'tiRatioWarm',
      label: '  Tech Insights ÷ Flywheel warm evaluation (no writes)',
      unit: 'x',
      values: v(r => (ti(r) ? ti(r)!.totalMs / r.warm.wallMs : undefined)),
    },
  ];

  const headers = ['figure', ...results.map(r => DB_TITLE[r.db]), 'target'];
  const table: string[][] = rows.map(row => {
    const cells = row.values.map(value => {
      const text = format(value, row.unit);
      if (!row.target || value === undefined || Number.isNaN(value)) {
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
    `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  const text = [
    line(headers),
    `|${widths.map(w => '-'.repeat(w + 2)).join('|')}|`,
    ...table.map(line),
  ];

  // Where the cold evaluation's time went.
  text.push(
    '',
    'Where the time of the full evaluations went (time with calls in flight; the engine reads ahead and writes in the background, so phases overlap; evaluation = nothing in flight):',
  );
  const phases = [
    'catalog',
    'facts',
    'storeReads',
    'storeWrites',
    'evaluation',
  ] as const;
  const runs = results.flatMap(r => [
    { title: `${DB_TITLE[r.db]} cold`, run: r.cold },
    { title: `${DB_TITLE[r.db]} warm`, run: r.warm },
  ]);
  const phaseHeaders = ['phase', ...runs.map(r => r.title)];
  const phaseRows = [...phases, 'total'].map(phase => [
    phase,
    ...runs.map(({ run }) => {
      const ms =
        phase === 'total'
          ? run.wallMs
          : run.profile[phase as (typeof phases)[number]];
      return `${(ms / 1000).toFixed(2)} s (${Math.round(
        (ms / run.wallMs) * 100,
      )}%)`;
    }),
  ]);
  const pw = phaseHeaders.map((h, i) =>
    Math.max(h.length, ...phaseRows.map(r => r[i].length)),
  );
  const pline = (cells: string[]) =>
    `| ${cells.map((c, i) => c.padEnd(pw[i])).join(' | ')} |`;
  text.push(
    pline(phaseHeaders),
    `|${pw.map(w => '-'.repeat(w + 2)).join('|')}|`,
    ...phaseRows.map(pline),
  );
  for (const r of results) {
    text.push(
      '',
      `Cold evaluateAll on ${DB_TITLE[r.db]}, SQL statements by total time:`,
      ...r.cold.sql.map(
        q =>
          `  ${(q.ms / 1000).toFixed(2).padStart(6)} s ${String(
            q.count,
          ).padStart(5)}×  ${q.statement}`,
      ),
    );
  }
  for (const r of results) {
    if (r.techInsightsError) {
      text.push(
        `Tech Insights on ${DB_TITLE[r.db]} failed: ${r.techInsightsError}`,
      );
    }
  }

  const json = {
    machine,
    entities,
    figures: Object.fromEntries(
      rows.map(row => [
        row.key,
        Object.fromEntries(
          results.map((r, i) => [
            r.db,
            {
              value: row.values[i] ?? null,
              unit: row.unit,
              ...(row.target && row.values[i] !== undefined
                ? {
                    target: row.target.text,
                    met: row.target.ok(row.values[i]!),
                  }
                : {}),
            },
          ]),
        ),
      ]),
    ),
    results,
  };
  return { text: text.join('\n'), json };
}
