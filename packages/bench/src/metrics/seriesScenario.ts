import { Agent } from 'node:http';
import {
  RecordedQuery,
  BENCH_TOKEN,
  BenchCall,
  callOnce,
  fmt,
  LatencySummary,
  LoadResult,
  log,
  median,
  prng,
  runLoad,
  secs,
  summarizeLatencies,
  withEventLoopBusy,
} from '../harness';
import { GOLDEN_PATHS, MetricsCatalog } from './catalogData';
import { CatalogReader } from './flywheel';
import { MetricsContext, MetricsScenario } from './results';
import { seedHistory, SeedResult } from './seed';
import { SqlProfile, statementLines, statementsPer } from './sqlProfile';
import { valueStreamFactsCaughtUp } from './valueStreamFactsCaughtUp';

/** The metrics the readers ask for (every value-stream metric of the API). */
export const SERIES_METRICS = [
  'valueStream.timeToFirstDeploy.median',
  'valueStream.deployedWithinDays',
  'valueStream.leadTime.median',
  'valueStream.deploymentFrequency',
  'valueStream.deployments',
  'valueStream.changeFailureRate',
  'valueStream.recoveryTime.median',
];

/** The scopes a reader asks for, as the query string names them. */
export type ScopeKind = 'org' | 'division' | 'team' | 'goldenPath' | 'entity';
const SCOPE_KINDS: ScopeKind[] = [
  'org',
  'division',
  'team',
  'goldenPath',
  'entity',
];

/** The readers' mix: a team's dashboard is the most common view. */
const MIX: [number, ScopeKind][] = [
  [0.15, 'org'],
  [0.25, 'division'],
  [0.6, 'team'],
  [0.75, 'goldenPath'],
  [1, 'entity'],
];

const WINDOWS = ['window=2y&interval=month', 'window=26w&interval=week'];

interface SeriesCall {
  kind: ScopeKind;
  metric: string;
  path: string;
}

/** The scope's query parameter, for the n-th pick of its kind. */
function scopeParam(
  catalog: MetricsCatalog,
  kind: ScopeKind,
  pick: (n: number) => number,
): string {
  const deploying = catalog.plans.filter(p => p.deploys);
  switch (kind) {
    case 'org':
      return '';
    case 'division':
      // Divisions and departments: larger groups than a team.
      return `groupRef=${encodeURIComponent(
        [...catalog.levels[1], ...catalog.levels[2]][
          pick(catalog.levels[1].length + catalog.levels[2].length)
        ],
      )}&`;
    case 'team':
      return `groupRef=${encodeURIComponent(
        catalog.levels[3][pick(catalog.levels[3].length)],
      )}&`;
    case 'goldenPath':
      return `goldenPath=${encodeURIComponent(
        GOLDEN_PATHS[pick(GOLDEN_PATHS.length)],
      )}&`;
    default:
      return `entityRef=${encodeURIComponent(
        deploying[pick(deploying.length)].entityRef,
      )}&`;
  }
}

const seriesPath = (metric: string, scope: string, window: string) =>
  `/api/flywheel/metrics/${metric}/series?${scope}${window}`;

/** `count` readers' calls, seeded: scope by the mix, metric and window even. */
function mixedCalls(catalog: MetricsCatalog, count: number): SeriesCall[] {
  const rnd = prng(0x5e71e5);
  const pick = (n: number) => Math.floor(rnd() * n);
  return Array.from({ length: count }, () => {
    const roll = rnd();
    const kind = MIX.find(([upTo]) => roll < upTo)![1];
    const metric = SERIES_METRICS[pick(SERIES_METRICS.length)];
    return {
      kind,
      metric,
      path: seriesPath(
        metric,
        scopeParam(catalog, kind, pick),
        WINDOWS[pick(WINDOWS.length)],
      ),
    };
  });
}

/** One request at a time, each metric for each kind of scope. */
export interface SingleRequests {
  byKind: Record<ScopeKind, LatencySummary & { sqlInFlightMs: number }>;
  /** The slowest request: its metric, scope and time. */
  slowest: { kind: ScopeKind; metric: string; ms: number };
  /** The org's statements per request (the largest scope). */
  orgSql: SqlProfile;
  /** Every request's statements together, by total time. */
  allSql: SqlProfile;
}

export interface SeriesResult {
  seed: SeedResult;
  /**
   * From the end of seeding until the backend's in-memory facts count every
   * seeded deployment (ValueStreamFacts reads them again after a backfill).
   */
  catchUpMs: number;
  /** Reading every Component from the catalog as ServiceDirectory does (median of 3). */
  catalogReadMs: number;
  single: SingleRequests;
  mixed: LoadResult & {
    byKind: Record<ScopeKind, { requests: number; p50: number; p95: number }>;
    readers: number;
  };
}

/** Each scope kind × each metric, 2 years by month, one at a time. */
async function singleRequests(
  context: MetricsContext,
): Promise<SingleRequests> {
  const { catalog, recorder, run } = context;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const rnd = prng(0x51691e);
  const pick = (n: number) => Math.floor(rnd() * n);
  const byKind = {} as SingleRequests['byKind'];
  const allQueries: RecordedQuery[] = [];
  let orgQueries: RecordedQuery[] = [];
  let slowest: SingleRequests['slowest'] = { kind: 'org', metric: '', ms: 0 };
  let requests = 0;
  try {
    await context.profile('series-single', async () => {
      for (const kind of SCOPE_KINDS) {
        const times: number[] = [];
        let inFlight = 0;
        const kindQueries: RecordedQuery[] = [];
        for (const metric of SERIES_METRICS) {
          const path = seriesPath(
            metric,
            scopeParam(catalog, kind, pick),
            WINDOWS[0],
          );
          recorder.start();
          const r = await callOnce(agent, run.backend.baseUrl, {
            method: 'GET',
            path,
            token: BENCH_TOKEN,
          });
          const { inFlightMs, queries } = recorder.stop();
          if (r.status !== 200) {
            throw new Error(`GET ${path} answered ${r.status}: ${r.text}`);
          }
          requests++;
          times.push(r.ms);
          inFlight += inFlightMs;
          kindQueries.push(...queries);
          if (r.ms > slowest.ms) {
            slowest = { kind, metric, ms: r.ms };
          }
        }
        allQueries.push(...kindQueries);
        if (kind === 'org') {
          orgQueries = kindQueries;
        }
        byKind[kind] = {
          ...summarizeLatencies(times),
          sqlInFlightMs: inFlight / times.length,
        };
        log(
          `GET series, ${kind} scope, 2y by month, one at a time: p50 ${byKind[
            kind
          ].p50.toFixed(0)} ms, max ${byKind[kind].max.toFixed(0)} ms over ${
            times.length
          } metrics; a query in flight ${byKind[kind].sqlInFlightMs.toFixed(
            0,
          )} ms a request`,
        );
      }
    });
  } finally {
    agent.destroy();
  }
  const profileOf = (queries: RecordedQuery[], per: number): SqlProfile => ({
    inFlightShare: NaN,
    statements: statementsPer(queries, per),
  });
  return {
    byKind,
    slowest,
    orgSql: profileOf(orgQueries, SERIES_METRICS.length),
    allSql: profileOf(allQueries, requests),
  };
}

/** `readers` closed-loop readers asking the mix for `seriesSeconds`. */
async function mixedLoad(
  context: MetricsContext,
): Promise<SeriesResult['mixed']> {
  const { options, catalog, run } = context;
  // More calls than the readers can send in the time; each sent once, so
  // each one's latency is known by its scope.
  const calls = mixedCalls(
    catalog,
    Math.max(2000, options.seriesSeconds * 500),
  );
  const benchCalls: BenchCall[] = calls.map(c => ({
    method: 'GET',
    path: c.path,
    token: BENCH_TOKEN,
  }));
  // Warm-up: the connections, the JIT, the database's caches.
  await runLoad({
    name: 'series, warm-up',
    baseUrl: run.backend.baseUrl,
    clients: options.readers,
    calls: benchCalls.slice(-options.readers),
    once: true,
    warmup: 0,
  });
  const load = await withEventLoopBusy(() =>
    context.profile('series-mixed', () =>
      runLoad({
        name: 'series, mixed readers',
        baseUrl: run.backend.baseUrl,
        clients: options.readers,
        calls: benchCalls,
        once: true,
        durationMs: options.seriesSeconds * 1000,
        warmup: 0,
      }),
    ),
  );
  const byKind = {} as SeriesResult['mixed']['byKind'];
  for (const kind of SCOPE_KINDS) {
    const times = calls
      .map((c, i) => (c.kind === kind ? load.latencyByCall![i] : NaN))
      .filter(ms => typeof ms === 'number' && !Number.isNaN(ms));
    const summary = summarizeLatencies(times);
    byKind[kind] = {
      requests: times.length,
      p50: summary.p50,
      p95: summary.p95,
    };
  }
  log(
    `GET series, ${options.readers} readers, mixed, ${secs(
      load.durationMs,
    )}: ${fmt(load.requests)} requests, p50 ${load.p50.toFixed(
      0,
    )} ms, p95 ${load.p95.toFixed(0)} ms, ${load.rps.toFixed(1)}/s, ${
      load.errors
    } errors; p95 by scope: ${SCOPE_KINDS.map(
      k => `${k} ${byKind[k].p95.toFixed(0)} ms (${byKind[k].requests})`,
    ).join(', ')}`,
  );
  return {
    ...load,
    statusByCall: undefined,
    latencyByCall: undefined,
    byKind,
    readers: options.readers,
  };
}

/** Reading every Component as the plugin's ServiceDirectory does. */
async function catalogRead(context: MetricsContext): Promise<number> {
  const { backend } = context.run;
  const reader = new CatalogReader(backend.flywheel.catalog);
  const credentials = await backend.flywheel.auth.getOwnServiceCredentials();
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const components = await reader.listComponents(credentials);
    times.push(performance.now() - started);
    if (components.length !== context.catalog.components.length) {
      throw new Error(
        `The catalog served ${components.length} components, not ${context.catalog.components.length}`,
      );
    }
  }
  const ms = median(times);
  log(
    `reading the ${fmt(
      context.catalog.components.length,
    )} components from the catalog alone: ${ms.toFixed(0)} ms (median of 3)`,
  );
  return ms;
}

/**
 * Scenario 2: the history seeded (what the ingest did not post), then
 * `GET /metrics/{id}/series` one request at a time for each metric and kind
 * of scope, and under `--readers` concurrent readers asking a mix of
 * scopes (organisation, division or department, team, golden path,
 * service), metrics and windows (2 years by month, 26 weeks by week).
 */
export const seriesScenario: MetricsScenario<SeriesResult> = {
  id: 'series',
  title: 'metric series',

  async run(context) {
    const seed = await seedHistory(context);
    const catchUpMs = await valueStreamFactsCaughtUp(
      context.knex,
      context.run.backend.baseUrl,
      'the backend',
    );
    const catalogReadMs = await catalogRead(context);
    const single = await singleRequests(context);
    const mixed = await mixedLoad(context);
    return { seed, catchUpMs, catalogReadMs, single, mixed };
  },

  figures: options => {
    const p95Target = { text: '< 300 ms', ok: (x: number) => x < 300 };
    const singleKind = (kind: ScopeKind, label: string) => ({
      key: `series.single.${kind}`,
      label: `  ${label}: p50 / max`,
      unit: 'text' as const,
      value: (r: SeriesResult) =>
        `${r.single.byKind[kind].p50.toFixed(0)} / ${r.single.byKind[
          kind
        ].max.toFixed(0)} ms`,
    });
    const mixedKind = (kind: ScopeKind, label: string) => ({
      key: `series.mixed.${kind}`,
      label: `  ${label}: p95 (requests)`,
      unit: 'text' as const,
      value: (r: SeriesResult) =>
        `${r.mixed.byKind[kind].p95.toFixed(0)} ms (${fmt(
          r.mixed.byKind[kind].requests,
        )})`,
    });
    return [
      {
        key: 'series.stored',
        label: `deployments stored (${options.years} years) / production`,
        unit: 'text',
        value: r =>
          `${fmt(r.seed.stored.deployments)} / ${fmt(
            r.seed.stored.production,
          )}`,
      },
      {
        key: 'series.storedCommits',
        label: '  commits / services reporting / first deployments',
        unit: 'text',
        value: r =>
          `${fmt(r.seed.stored.commits)} / ${fmt(
            r.seed.stored.reportingServices,
          )} / ${fmt(r.seed.stored.firstDeployments)}`,
      },
      {
        key: 'series.seed',
        label: '  seeding the rest (DeploymentStore.write)',
        unit: 's',
        digits: 1,
        value: r => r.seed.ms,
      },
      {
        key: 'series.catchUp',
        label: "  until the backend's facts count them all",
        unit: 's',
        digits: 1,
        value: r => r.catchUpMs,
      },
      {
        key: 'series.seedRate',
        label: '  deployments seeded per second',
        unit: 'rps',
        value: r => r.seed.perSecond,
      },
      {
        key: 'series.vacuum',
        label: '  VACUUM (ANALYZE) afterwards (PostgreSQL)',
        unit: 's',
        digits: 1,
        value: r => r.seed.vacuumMs,
      },
      {
        key: 'series.catalogRead',
        label: `reading the ${fmt(
          options.services,
        )} components from the catalog alone`,
        unit: 'ms',
        digits: 0,
        value: r => r.catalogReadMs,
      },
      {
        key: 'series.singleHead',
        label: 'GET series, 2y by month, one at a time, 7 metrics each:',
        unit: 'text',
        value: () => '',
      },
      singleKind('org', 'organisation'),
      singleKind('division', 'division or department'),
      singleKind('team', 'team'),
      singleKind('goldenPath', 'golden path'),
      singleKind('entity', 'one service'),
      {
        key: 'series.mixedP95',
        label: `GET series, ${options.readers} readers, mixed scopes, metrics, windows: p95`,
        unit: 'ms',
        digits: 0,
        value: r => r.mixed.p95,
        target: p95Target,
      },
      {
        key: 'series.mixedP50',
        label: '  p50 / p99 · backend event loop busy',
        unit: 'text',
        value: r =>
          `${r.mixed.p50.toFixed(0)} / ${r.mixed.p99.toFixed(
            0,
          )} ms · ${Math.round((r.mixed.eventLoopBusy ?? 0) * 100)}%`,
      },
      {
        key: 'series.mixedRps',
        label: `  requests (sent for ${options.seriesSeconds} s) / throughput`,
        unit: 'text',
        value: r =>
          `${fmt(r.mixed.requests)} in ${(r.mixed.durationMs / 1000).toFixed(
            0,
          )} s / ${r.mixed.rps.toFixed(1)}/s`,
      },
      {
        key: 'series.mixedErrors',
        label: '  failed requests',
        unit: 'n',
        value: r => r.mixed.errors,
        target: { text: '0', ok: x => x === 0 },
      },
      mixedKind('org', 'organisation (15%)'),
      mixedKind('division', 'division or department (10%)'),
      mixedKind('team', 'team (35%)'),
      mixedKind('goldenPath', 'golden path (15%)'),
      mixedKind('entity', 'one service (25%)'),
    ];
  },

  notes: (r, dbTitle) => [
    `${dbTitle}: queries of one organisation-wide series request, one at a time (mean of the 7 metrics; the slowest request: ${
      r.single.slowest.metric
    } for ${r.single.slowest.kind}, ${r.single.slowest.ms.toFixed(0)} ms):`,
    ...statementLines(r.single.orgSql.statements, 6),
  ],

  failed: r => r.mixed.errors > 0,
};
