import { CpuUse, Figure } from '../harness';
import { DbResult } from './results';

const cpuTotal = (use: CpuUse) => use.processMs + use.databaseMs;
const ti = (r: DbResult) => r.techInsights;

/** The scorecards benchmark's figures and their targets, in table order. */
export function scorecardFigures(entities: number): Figure<DbResult>[] {
  return [
    {
      key: 'loadEvaluation',
      label: 'machine load average (1 min) before the evaluations',
      unit: 'load',
      value: r => r.loadAverage?.evaluation,
    },
    {
      key: 'loadHttp',
      label: 'machine load average (1 min) before the HTTP load',
      unit: 'load',
      value: r => r.loadAverage?.http,
    },
    {
      key: 'catalogEntities',
      label: 'entities in the catalog (all kinds)',
      unit: 'n',
      value: r => r.catalogEntities,
    },
    {
      key: 'ingest',
      label: 'catalog ingestion: provider full mutation → all stitched',
      unit: 's',
      value: r => r.ingestMs,
    },
    {
      key: 'catalogRead',
      label: `baseline: read ${entities} components via catalog API (median)`,
      unit: 's',
      value: r => r.catalogReadMedianMs,
    },
    {
      key: 'cold',
      label: 'Flywheel cold evaluateAll (read → results stored)',
      unit: 's',
      value: r => r.cold.wallMs,
    },
    {
      key: 'coldRatio',
      label: '  cold evaluation ÷ catalog read',
      unit: 'x',
      value: r => r.cold.wallMs / r.catalogReadMedianMs,
      target: { text: '≤ 1.5×', ok: x => x <= 1.5 },
    },
    {
      key: 'cpuRead',
      label: '  CPU of one catalog read (backend + PostgreSQL)',
      unit: 's',
      value: r => (r.cpu ? cpuTotal(r.cpu.read) : undefined),
    },
    {
      key: 'cpuCold',
      label: '  CPU of the cold evaluation (backend + PostgreSQL)',
      unit: 's',
      value: r => (r.cpu ? cpuTotal(r.cpu.cold) : undefined),
    },
    {
      key: 'coldFloor',
      label: '  cold ÷ read at best: its CPU spread over every core',
      unit: 'x',
      value: r =>
        r.cpu
          ? cpuTotal(r.cpu.cold) / r.cpu.cores / r.catalogReadMedianMs
          : undefined,
    },
    {
      key: 'warm',
      label: 'Flywheel warm evaluateAll, nothing changed',
      unit: 's',
      value: r => r.warm.wallMs,
    },
    {
      key: 'cpuWarm',
      label: '  CPU of the warm evaluation (backend + PostgreSQL)',
      unit: 's',
      value: r => (r.cpu ? cpuTotal(r.cpu.warm) : undefined),
    },
    {
      key: 'incremental',
      label: 'Flywheel evaluateEntities(100 changed entities)',
      unit: 'ms',
      value: r => r.incremental.wallMs,
      target: { text: '< 1 s', ok: x => x < 1000 },
    },
    {
      key: 'warmAfterChange',
      label: 'Flywheel full warm evaluateAll after the 100 changes',
      unit: 's',
      value: r => r.warmAfterChange.wallMs,
    },
    {
      key: 'snapshots',
      label: 'daily snapshots after a run (writeSnapshots)',
      unit: 's',
      value: r => r.snapshotsMs,
    },
    {
      key: 'peakRss',
      label: 'peak RSS during Flywheel evaluations (whole backend)',
      unit: 'MB',
      value: r => r.rss.peakDuringEvaluationMb,
      target: { text: '< 1 GB', ok: x => x < 1024 },
    },
    {
      key: 'rssBefore',
      label: '  RSS before the first evaluation',
      unit: 'MB',
      value: r => r.rss.beforeEvaluationMb,
    },
    {
      key: 'rssIncrease',
      label: '  increase during the evaluations (Flywheel, results DB)',
      unit: 'MB',
      value: r => r.rss.peakDuringEvaluationMb - r.rss.beforeEvaluationMb,
    },
    {
      key: 'maxRss',
      label: '  process maxRSS incl. catalog ingestion',
      unit: 'MB',
      value: r => r.rss.processMaxRssMb,
    },
    {
      key: 'entityP95',
      label: 'GET /scorecards/results p95, 20 clients',
      unit: 'ms',
      value: r => r.http.entityResults.p95,
      target: { text: '< 50 ms', ok: x => x < 50 },
    },
    {
      key: 'entitySingleP95',
      label: '  p95 with one client (no queueing)',
      unit: 'ms',
      value: r => r.http.entityResultsSingle.p95,
    },
    {
      key: 'entityP50',
      label: '  p50',
      unit: 'ms',
      value: r => r.http.entityResults.p50,
    },
    {
      key: 'entityRps',
      label: '  throughput (req/s)',
      unit: 'n',
      value: r => Math.round(r.http.entityResults.rps),
    },
    {
      key: 'listP95',
      label: 'reference: GET /scorecards (same stack, no DB) p95',
      unit: 'ms',
      value: r => r.http.listScorecards.p95,
    },
    {
      key: 'rollupP95',
      label: 'GET /scorecards/rollup top group, one scorecard, p95',
      unit: 'ms',
      value: r => r.http.rollupOneScorecard.p95,
      target: { text: '< 200 ms', ok: x => x < 200 },
    },
    {
      key: 'rollupSingleP95',
      label: '  p95 with one client (no queueing)',
      unit: 'ms',
      value: r => r.http.rollupSingle.p95,
    },
    {
      key: 'rollupP50',
      label: '  p50',
      unit: 'ms',
      value: r => r.http.rollupOneScorecard.p50,
    },
    {
      key: 'rollupAllP95',
      label: 'GET /scorecards/rollup top group, all 5 scorecards, p95',
      unit: 'ms',
      value: r => r.http.rollupAllScorecards.p95,
    },
    {
      key: 'tiRetrieval',
      label: 'Tech Insights: fact retrieval (2 retrievers, stored)',
      unit: 's',
      value: r => ti(r)?.retrievalMs,
    },
    {
      key: 'tiChecks',
      label: 'Tech Insights: 50 checks × all entities (POST /checks/run)',
      unit: 's',
      value: r => ti(r)?.checksMs,
    },
    {
      key: 'tiTotal',
      label: 'Tech Insights: total for the same work',
      unit: 's',
      value: r => ti(r)?.totalMs,
    },
    {
      key: 'tiRatio',
      label: '  Tech Insights ÷ Flywheel cold evaluation',
      unit: 'x',
      value: r => (ti(r) ? ti(r)!.totalMs / r.cold.wallMs : undefined),
      target: { text: '≥ 20×', ok: x => x >= 20 },
    },
    {
      key: 'tiRatioWarm',
      label: '  Tech Insights ÷ Flywheel warm evaluation (no writes)',
      unit: 'x',
      value: r => (ti(r) ? ti(r)!.totalMs / r.warm.wallMs : undefined),
    },
  ];
}
