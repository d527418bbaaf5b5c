import { RELATION_MEMBER_OF } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
import { Knex } from 'knex';
import { mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import {
  BENCH_TOKEN,
  Cluster,
  cpuMeter,
  createScratchDatabases,
  fmt,
  LoadResult,
  LoadStream,
  log,
  Replica,
  runLoad,
  secs,
  sleep,
  startCluster,
} from '../harness';
import { BENCH_CAMPAIGNS, flywheelApi } from '../campaigns/campaigns';
import { SYNTHETIC_CATALOG_KINDS } from '../scorecards/catalogData';
import { flywheelScorecardsConfig } from '../scorecards/scorecards';
import { LoadDataset, loadDataset } from './dataset';
import { describeMix, loadMix, MixContext, MixEntry, READS } from './mix';
import type { ProbeReading } from './probePlugin';
import { valueStreamFactsCaughtUp } from '../metrics/valueStreamFactsCaughtUp';
import { flywheelDatabase, SeedFigures, seedHistory } from './seed';

export interface LoadRunOptions {
  components: number;
  /** Seconds each phase is measured. */
  duration: number;
  clients: number;
  /** Each client's pause between an answer and its next request, on average (ms). */
  think: number;
  /** Seconds of reads before each phase, not measured. */
  warmup: number;
  /** Seconds after which a request counts as failed (given up). */
  timeout: number;
  cpuProfileDir?: string;
}

/** One phase: the mix over `replicas` replicas. */
export interface PhaseResult {
  /** The table's column key: `one` or `two` replicas. */
  db: string;
  replicas: number;
  /**
   * Each read endpoint alone, one request at a time (5 variants), on the
   * first replica before the load: what a request costs without a queue.
   */
  single?: LoadResult['byTag'];
  /** The 1-minute load average before the phase (other work on the machine). */
  loadAverage: number;
  load: LoadResult;
  /** Each replica's event loop and CPU over the measured load. */
  probes: (ProbeReading & { replica: string })[];
  /** CPU milliseconds of the PostgreSQL server over the measured load. */
  databaseCpuMs: number;
  /** Warnings and errors the replicas logged during the phase (first few). */
  replicaWarnings: string[];
  replicaWarningCount: number;
}

export interface LoadDbResult {
  db: 'pg';
  components: number;
  entities: number;
  people: number;
  /** From starting the first replica until it served the processed catalog. */
  firstReplicaMs: number;
  secondReplicaMs: number;
  seed: SeedFigures;
  /** The scheduled scorecard evaluation, triggered once. */
  evaluation: { ms: number; line: string };
  campaigns: { id: string; createMs: number }[];
  mix: MixEntry[];
  phases: PhaseResult[];
}

const manual = { frequency: { trigger: 'manual' }, timeout: { hours: 2 } };

/** What the replicas run: the scorecards benchmark's scorecards and facts. */
function flywheelConfig(): JsonObject {
  return {
    scorecards: flywheelScorecardsConfig(),
    // Refreshed when a campaign is created; not again while measuring.
    campaigns: { schedule: manual },
  };
}

// The bench runs from its sources (never built), so this file's folder is
// where the replicas' modules are.
// eslint-disable-next-line no-restricted-syntax
const HERE = __dirname;
const MODULES = [
  resolve(HERE, 'qualityFactsModule.ts'),
  resolve(HERE, 'probePlugin.ts'),
];

async function post(baseUrl: string, path: string, token?: string) {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`POST ${path} answered ${response.status}: ${text}`);
  }
  return text ? JSON.parse(text) : undefined;
}

/** Waits for a line the replica logs from now on. */
async function waitForLine(
  replica: Replica,
  pattern: RegExp,
  timeoutMs: number,
): Promise<string> {
  const from = replica.lines.length;
  const started = Date.now();
  for (;;) {
    const line = replica.lines.slice(from).find(l => pattern.test(l));
    if (line) {
      return line;
    }
    if (Date.now() - started > timeoutMs) {
      throw new Error(`${replica.name} did not log ${pattern} in time`);
    }
    await sleep(500);
  }
}

/** The scorecards' scheduled evaluation, triggered through the scheduler's API. */
async function evaluateOnce(replica: Replica) {
  const started = performance.now();
  const done = waitForLine(replica, /Scorecards evaluated:/, 30 * 60_000);
  await post(
    replica.baseUrl,
    '/api/flywheel/.backstage/scheduler/v1/tasks/flywheel-scorecards-evaluate/trigger',
    BENCH_TOKEN,
  );
  const line = await done;
  const ms = performance.now() - started;
  log(`scorecards: ${line.replace(/^.*Scorecards/, 'Scorecards')}`);
  return { ms, line: line.replace(/^.*Scorecards/, 'Scorecards') };
}

/** Waits until the catalog has stitched every person's team membership. */
async function peopleStitched(replica: Replica, dataset: LoadDataset) {
  const started = Date.now();
  for (;;) {
    const response = await fetch(
      `${replica.baseUrl}/api/catalog/entities/by-query?filter=kind=user&fields=relations&limit=10000`,
      { headers: { authorization: `Bearer ${BENCH_TOKEN}` } },
    );
    const { items } = (await response.json()) as {
      items: { relations?: { type: string }[] }[];
    };
    const stitched = items.filter(u =>
      u.relations?.some(r => r.type === RELATION_MEMBER_OF),
    ).length;
    if (stitched === dataset.people.length) {
      return;
    }
    if (Date.now() - started > 600_000) {
      throw new Error(
        `${stitched} of ${dataset.people.length} people in their teams after 10 minutes`,
      );
    }
    await sleep(2000);
  }
}

const WARN = /^\s*\[(warn|error)\]/;

const SINGLE_VARIANTS = 5;

/**
 * Each read endpoint on its own, one request at a time, 5 variants each:
 * also warms every plugin's user-token keys gently (a replica fetches them
 * from the auth plugin on its own event loop, within 5 s, on first use).
 */
async function singleRequests(replicas: Replica[], streams: LoadStream[]) {
  const calls = streams
    .filter(s => s.calls[0]?.tags?.includes(READS))
    .flatMap(s => s.calls.slice(0, SINGLE_VARIANTS));
  let byTag: LoadResult['byTag'];
  for (const replica of replicas) {
    const r = await runLoad({
      name: `one at a time, ${replica.name}`,
      baseUrl: replica.baseUrl,
      clients: 1,
      calls,
      once: true,
      warmup: 0,
      timeoutMs: 120_000,
    });
    byTag ??= r.byTag;
  }
  return byTag;
}

/** One phase: warm-up (reads), then the whole mix measured. */
async function runPhase(
  cluster: Cluster,
  context: MixContext,
  options: LoadRunOptions,
): Promise<PhaseResult> {
  const replicas = cluster.replicas;
  const key = replicas.length === 1 ? 'one' : 'two';
  const streams = loadMix(context);
  const baseUrls = replicas.map(r => r.baseUrl);
  const common = {
    baseUrl: baseUrls[0],
    baseUrls,
    clients: options.clients,
    calls: [],
    timeoutMs: options.timeout * 1000,
    thinkMs: options.think,
  };
  log(
    `phase ${context.phase + 1}: ${replicas.length} replica(s), ${
      options.clients
    } clients pausing ${
      options.think
    } ms on average; each read endpoint one at a time, then ${
      options.warmup
    } s of reads to warm up`,
  );
  const single = await singleRequests(
    context.phase === 0 ? replicas : replicas.slice(1),
    streams,
  );
  await runLoad({
    ...common,
    name: `warm-up, ${key}`,
    mix: streams.filter(s => s.calls[0]?.tags?.includes(READS)),
    durationMs: options.warmup * 1000,
    warmup: 0,
  });

  const profileDir =
    options.cpuProfileDir && join(options.cpuProfileDir, `${key}-replicas`);
  if (profileDir) {
    mkdirSync(profileDir, { recursive: true });
  }
  const lineMarks = replicas.map(r => r.lines.length);
  const loadAverage = loadavg()[0];
  await Promise.all(
    replicas.map(r =>
      post(
        r.baseUrl,
        `/api/bench-probe/start${
          profileDir
            ? `?profile=${encodeURIComponent(
                join(profileDir, `${r.name}.cpuprofile`),
              )}`
            : ''
        }`,
      ),
    ),
  );
  const database = cpuMeter(true);
  const load = await runLoad({
    ...common,
    name: `mix, ${key}`,
    mix: streams,
    durationMs: options.duration * 1000,
    warmup: 0,
  });
  const databaseCpuMs = database.stop().databaseMs;
  const probes = await Promise.all(
    replicas.map(async r => ({
      replica: r.name,
      ...((await post(r.baseUrl, '/api/bench-probe/stop')) as ProbeReading),
    })),
  );
  const warnings = replicas.flatMap((r, i) =>
    r.lines
      .slice(lineMarks[i])
      .filter(l => WARN.test(l))
      .map(l => `${r.name}: ${l.trim()}`),
  );
  log(
    `phase ${context.phase + 1}: ${fmt(load.requests)} requests in ${secs(
      load.durationMs,
    )} (${Math.round(load.rps)}/s), ${
      load.errors
    } errors; p95 ${load.p95.toFixed(0)} ms; event loop ${probes
      .map(p => `${Math.round(p.eventLoopBusy * 100)}%`)
      .join(' / ')} busy; ${warnings.length} warnings logged`,
  );
  for (const warning of warnings.slice(0, 5)) {
    log(`  ${warning.slice(0, 300)}`);
  }
  return {
    db: key,
    replicas: replicas.length,
    single: context.phase === 0 ? single : undefined,
    loadAverage,
    load,
    probes,
    databaseCpuMs,
    replicaWarnings: warnings.slice(0, 20).map(w => w.slice(0, 500)),
    replicaWarningCount: warnings.length,
  };
}

/** The whole run: one replica, then two, on the same databases. */
export async function runLoadBenchmark(
  options: LoadRunOptions,
): Promise<LoadDbResult> {
  const dataset = loadDataset(options.components);
  const entities = dataset.all();
  log(
    `catalog: ${fmt(entities.length)} entities (${fmt(
      dataset.componentRefs.length,
    )} components, ${dataset.catalog.groups.length} groups, ${fmt(
      dataset.people.length,
    )} people, ${dataset.capabilities.length} capabilities)`,
  );
  const databases = await createScratchDatabases(
    { engine: 'pg' },
    'flywheel_bench_load',
  );
  let cluster: Cluster | undefined;
  let db: Knex | undefined;
  try {
    const firstStarted = performance.now();
    cluster = await startCluster(1, {
      database: databases.config,
      catalogKinds: SYNTHETIC_CATALOG_KINDS,
      staticToken: true,
      userTokens: true,
      flywheel: flywheelConfig(),
      seed: entities,
      modules: MODULES,
    });
    const firstReplicaMs = performance.now() - firstStarted;
    log(`replica-1 serves the catalog after ${secs(firstReplicaMs)}`);
    const [first] = cluster.replicas;

    db = flywheelDatabase(databases.config);
    const { figures: seed, survey } = await seedHistory(db, dataset);
    const evaluation = await evaluateOnce(first);
    await peopleStitched(first, dataset);

    const tokens = new Map(
      dataset.people.map(p => [
        p.userRef,
        cluster!.tokens.issue(p.userRef, [p.teamRef], 6 * 3600),
      ]),
    );
    const owner = dataset.people[0];
    const campaigns: LoadDbResult['campaigns'] = [];
    for (const campaign of BENCH_CAMPAIGNS) {
      const started = performance.now();
      await flywheelApi(
        first.baseUrl,
        tokens.get(owner.userRef)!,
        '/campaigns',
        campaign.body(new Date()),
      );
      campaigns.push({
        id: campaign.id,
        createMs: performance.now() - started,
      });
      log(
        `POST /campaigns ${campaign.id}: ${secs(performance.now() - started)}`,
      );
    }
    await valueStreamFactsCaughtUp(db, first.baseUrl, first.name);

    const context = (phase: number): MixContext => ({
      dataset,
      tokens,
      survey,
      campaignIds: campaigns.map(c => c.id),
      phase,
      phases: 2,
      maxRequests: options.duration * 1500,
      runId: String(process.pid),
    });
    const phases: PhaseResult[] = [];
    phases.push(await runPhase(cluster, context(0), options));

    const secondStarted = performance.now();
    const second = await cluster.add('replica-2');
    const secondReplicaMs = performance.now() - secondStarted;
    log(`replica-2 serves after ${secs(secondReplicaMs)}`);
    cluster.replicas.sort((a, b) => a.name.localeCompare(b.name));
    await valueStreamFactsCaughtUp(db, second.baseUrl, second.name);
    phases.push(await runPhase(cluster, context(1), options));

    return {
      db: 'pg',
      components: dataset.componentRefs.length,
      entities: entities.length,
      people: dataset.people.length,
      firstReplicaMs,
      secondReplicaMs,
      seed,
      evaluation,
      campaigns,
      mix: describeMix(loadMix(context(0))),
      phases,
    };
  } finally {
    await cluster?.stop().catch(e => log(`replicas stop: ${e}`));
    await db?.destroy().catch(() => undefined);
    await databases.remove();
  }
}
