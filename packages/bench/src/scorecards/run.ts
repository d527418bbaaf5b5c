import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_CHILD_OF,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
  RELATION_PARENT_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { knex } from 'knex';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BENCH_TOKEN,
  BenchHandles,
  ScorecardDbKind,
  PG_DEFAULT,
  startBenchBackend,
} from './backend';
import {
  generateCatalog,
  makeComponent,
  ownersOf,
  REVISION_ANNOTATION,
  ROOT_GROUP,
  SyntheticCatalog,
} from './catalogData';
import {
  createProfiledEngine,
  EvaluationStats,
  PhaseProfile,
  SqlTiming,
} from './flywheel';
import { LoadResult, runLoadInChild } from './load';
import { BenchLogger } from './logger';
import { cpuProfiler } from './profile';
import { cpuMeter, CpuUse } from './cpu';
import {
  BENCH_SCORECARDS,
  CHECK_COUNT,
  tiCheckId,
  TI_CATALOG_RETRIEVER,
  TI_QUALITY_RETRIEVER,
} from './scorecards';
import { retrieverStarts } from './techInsightsFacts';

/** Everything one database's run measured. */
export interface DbResult {
  db: ScorecardDbKind;
  entities: number;
  catalogEntities: number;
  ingestMs: number;
  catalogReadMs: number[];
  catalogReadMedianMs: number;
  cold: Evaluation;
  warm: Evaluation;
  changedEntities: number;
  incremental: Evaluation;
  warmAfterChange: Evaluation;
  snapshotsMs: number;
  /** Stored check results by state after the run (for comparing with Tech Insights). */
  flywheelStates: Record<string, number>;
  rss: {
    beforeEvaluationMb: number;
    peakDuringEvaluationMb: number;
    processMaxRssMb: number;
    peakDuringTechInsightsMb?: number;
  };
  http: {
    listScorecards: LoadResult;
    entityResultsSingle: LoadResult;
    entityResults: LoadResult;
    rollupSingle: LoadResult;
    rollupOneScorecard: LoadResult;
    rollupAllScorecards: LoadResult;
  };
  techInsights?: TechInsightsResult;
  techInsightsError?: string;
  /**
   * CPU used by the backend process and the PostgreSQL server: one baseline
   * read (the mean of three), the cold and the warm evaluation. Absent in
   * reports saved before it was measured.
   */
  cpu?: { cores: number; read: CpuUse; cold: CpuUse; warm: CpuUse };
  /** 1-minute load average when each part started: other work on the machine. */
  loadAverage: { evaluation: number; http: number; techInsights?: number };
}

export interface Evaluation {
  wallMs: number;
  stats: EvaluationStats;
  profile: PhaseProfile;
  sql: SqlTiming[];
}

export interface TechInsightsResult {
  retrieval: { retrieverId: string; ms: number; facts: number }[];
  retrievalMs: number;
  checksMs: number;
  totalMs: number;
  /** Check results: true, false, skipped for missing facts; entities that failed. */
  results: {
    true: number;
    false: number;
    skipped: number;
    errors: number;
    entities: number;
  };
}

const log = (message: string) =>
  process.stdout.write(
    `  ${new Date().toISOString().slice(11, 19)} ${message}\n`,
  );
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Samples the RSS every 20 ms; `stop` returns the peak in MB. */
function rssSampler() {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 20);
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage.rss());
      return peak / 1024 / 1024;
    },
  };
}

async function count(
  catalog: CatalogService,
  credentials: BackstageCredentials,
  filter?: Record<string, string>,
): Promise<number> {
  const { totalItems } = await catalog.queryEntities(
    { ...(filter ? { filter } : {}), limit: 1 },
    { credentials },
  );
  return totalItems;
}

async function relationsOf(
  catalog: CatalogService,
  credentials: BackstageCredentials,
  kind: string,
): Promise<Entity[]> {
  const all: Entity[] = [];
  for await (const page of catalog.streamEntities(
    {
      filter: { kind },
      fields: ['kind', 'metadata.name', 'metadata.namespace', 'relations'],
      pageSize: 2000,
    },
    { credentials },
  )) {
    all.push(...page);
  }
  return all;
}

/**
 * Waits until the catalog has processed and stitched every entity: all are
 * readable, every component has its owner relation, and every group has its
 * parent/child and ownerOf relations (those are stitched last).
 */
async function waitForCatalog(
  synthetic: SyntheticCatalog,
  catalog: CatalogService,
  credentials: BackstageCredentials,
) {
  const total = synthetic.all().length;
  const expectedOwned = synthetic
    .all()
    .filter(e => (e.spec as { owner?: string } | undefined)?.owner).length;
  const children = new Map<string, number>();
  for (const group of synthetic.groups) {
    const parent = (group.spec as { parent?: string }).parent;
    if (parent) {
      children.set(parent, (children.get(parent) ?? 0) + 1);
    }
  }
  const started = Date.now();
  let lastReport = 0;
  for (;;) {
    const readable = await count(catalog, credentials);
    if (Date.now() - lastReport > 30_000) {
      lastReport = Date.now();
      log(
        `catalog: ${readable.toLocaleString('en-US')} / ${total.toLocaleString(
          'en-US',
        )} entities readable after ${Math.round(
          (Date.now() - started) / 1000,
        )} s`,
      );
    }
    if (readable >= total) {
      const components = await relationsOf(catalog, credentials, 'Component');
      const groups = await relationsOf(catalog, credentials, 'Group');
      const owned = components.filter(c =>
        c.relations?.some(r => r.type === RELATION_OWNED_BY),
      ).length;
      const ownerOf = groups.reduce(
        (n, g) =>
          n +
          (g.relations ?? []).filter(r => r.type === RELATION_OWNER_OF).length,
        0,
      );
      const treeDone = groups.every(g => {
        const parents = (g.relations ?? []).filter(
          r => r.type === RELATION_PARENT_OF,
        ).length;
        const hasParent = (g.relations ?? []).some(
          r => r.type === RELATION_CHILD_OF,
        );
        return (
          parents === (children.get(g.metadata.name) ?? 0) &&
          (hasParent || g.metadata.name === ROOT_GROUP)
        );
      });
      if (
        components.length === synthetic.components.length &&
        owned === components.length &&
        treeDone &&
        ownerOf >= expectedOwned
      ) {
        return;
      }
    }
    await sleep(2000);
  }
}

async function readAllComponents(
  catalog: CatalogService,
  credentials: BackstageCredentials,
): Promise<{ ms: number; count: number }> {
  const started = performance.now();
  let n = 0;
  for await (const page of catalog.streamEntities(
    { filter: { kind: 'Component' }, pageSize: 1000 },
    { credentials },
  )) {
    n += page.length;
  }
  return { ms: performance.now() - started, count: n };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Rounds of the entity results load and of its reference, and their size. */
const LOAD_ROUNDS = 3;
const ROUND_REQUESTS = 2_000;

/**
 * Runs the loads in turn, `rounds` times, and gives for each load the round
 * with the median p95 (rounds should be odd).
 */
/** The list started at `offset` (modulo its length) and wrapped around. */
function rotate<T>(items: T[], offset: number): T[] {
  const start = items.length === 0 ? 0 : offset % items.length;
  return [...items.slice(start), ...items.slice(0, start)];
}

async function medianRounds(
  rounds: number,
  loads: ((round: number) => Promise<LoadResult>)[],
): Promise<LoadResult[]> {
  const results: LoadResult[][] = loads.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (const [i, load] of loads.entries()) {
      results[i].push(await load(round));
    }
  }
  return results.map(
    list =>
      [...list].sort((a, b) => a.p95 - b.p95)[Math.floor(list.length / 2)],
  );
}

async function runTechInsights(
  handles: BenchHandles,
  baseUrl: string,
  componentRefs: string[],
  profile: ReturnType<typeof cpuProfiler>,
): Promise<TechInsightsResult> {
  const retrieval: TechInsightsResult['retrieval'] = [];
  for (const retrieverId of [TI_CATALOG_RETRIEVER, TI_QUALITY_RETRIEVER]) {
    const stored = BenchLogger.waitFor(
      message =>
        message.startsWith('Stored ') &&
        message.includes(`fact retriever ${retrieverId} `),
    );
    const failed = BenchLogger.waitFor(
      message =>
        message.includes(
          `Failed to retrieve facts for retriever ${retrieverId}`,
        ) ||
        message.includes(
          `Failed to insert facts for fact retriever ${retrieverId}`,
        ),
    );
    await handles.techInsights.scheduler.triggerTask(retrieverId);
    const done = await Promise.race([
      stored,
      failed.then(f => {
        throw new Error(f.message);
      }),
    ]);
    const facts = Number(/Stored (\d+) facts/.exec(done.message)?.[1] ?? 0);
    const startedAt = retrieverStarts.get(retrieverId)!;
    retrieval.push({ retrieverId, ms: done.at - startedAt, facts });
    log(
      `Tech Insights: ${retrieverId} stored ${facts} fact rows in ${secs(
        done.at - startedAt,
      )}`,
    );
  }

  const checkIds = BENCH_SCORECARDS.flatMap(s =>
    Object.keys(s.checks).map(id => tiCheckId(s.id, id)),
  );
  const results = { true: 0, false: 0, skipped: 0, errors: 0, entities: 0 };
  const chunkSize = 1000;
  let checksMs = 0;
  await profile('tech-insights-checks', async () => {
    for (let i = 0; i < componentRefs.length; i += chunkSize) {
      const entities = componentRefs.slice(i, i + chunkSize);
      // Timed: the request, Tech Insights' work and the transfer of the answer.
      const started = performance.now();
      const response = await fetch(`${baseUrl}/api/tech-insights/checks/run`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${BENCH_TOKEN}`,
        },
        body: JSON.stringify({ checks: checkIds, entities }),
      });
      const text = await response.text();
      checksMs += performance.now() - started;
      if (!response.ok) {
        throw new Error(
          `POST /checks/run answered ${response.status}: ${text.slice(0, 300)}`,
        );
      }
      // Not timed: counting what came back.
      const answer = JSON.parse(text) as {
        error?: unknown;
        results: { result: boolean }[];
      }[];
      for (const entity of answer) {
        results.entities += 1;
        if (entity.error) {
          results.errors += 1;
        }
        for (const result of entity.results) {
          results[result.result ? 'true' : 'false'] += 1;
        }
        results.skipped += checkIds.length - entity.results.length;
      }
    }
  });
  const retrievalMs = retrieval.reduce((n, r) => n + r.ms, 0);
  log(
    `Tech Insights: ${CHECK_COUNT} checks for ${
      results.entities
    } entities in ${secs(checksMs)} (${results.true} true, ${
      results.false
    } false, ${results.skipped} skipped for missing facts, ${
      results.errors
    } entities failed)`,
  );
  return {
    retrieval,
    retrievalMs,
    checksMs,
    totalMs: retrievalMs + checksMs,
    results,
  };
}

export async function dropScratchDatabases(prefix: string) {
  const admin = knex({
    client: 'pg',
    connection: {
      connectionString: process.env.FLYWHEEL_BENCH_PG ?? PG_DEFAULT,
      database: 'postgres',
    },
  });
  try {
    const { rows } = await admin.raw(
      'SELECT datname FROM pg_database WHERE starts_with(datname, ?)',
      [prefix],
    );
    for (const { datname } of rows as { datname: string }[]) {
      await admin.raw(
        `DROP DATABASE IF EXISTS "${datname.replace(/"/g, '""')}" WITH (FORCE)`,
      );
    }
  } finally {
    await admin.destroy();
  }
}

/** The whole benchmark on one database engine. */
export async function runOnDatabase(options: {
  db: ScorecardDbKind;
  entities: number;
  skipTechInsights?: boolean;
  cpuProfileDir?: string;
}): Promise<DbResult> {
  const { db, entities } = options;
  const profile = cpuProfiler(options.cpuProfileDir);
  const pgPrefix = `flywheel_bench_${process.pid}_`;
  const synthetic = generateCatalog(entities);
  const all = synthetic.all();
  log(
    `[${db}] ${synthetic.components.length.toLocaleString(
      'en-US',
    )} components, ${synthetic.groups.length} groups in 4 levels, ${
      synthetic.others.length
    } systems/domains/templates`,
  );

  if (db === 'pg') {
    await dropScratchDatabases(pgPrefix);
  }
  const sqliteDirectory =
    db === 'sqlite-disk'
      ? mkdtempSync(join(tmpdir(), 'flywheel-bench-sqlite-'))
      : undefined;
  const backend = await startBenchBackend({ db, pgPrefix, sqliteDirectory });
  try {
    const { handles, baseUrl } = backend;
    const catalog = handles.flywheel.catalog;
    const credentials = await handles.flywheel.auth.getOwnServiceCredentials();

    // 1. The catalog, from a real entity provider: full mutation, processing
    // and stitching by the catalog backend.
    const ingestStarted = performance.now();
    await handles.provider.full(all);
    await waitForCatalog(synthetic, catalog, credentials);
    const ingestMs = performance.now() - ingestStarted;
    log(
      `catalog: ${all.length.toLocaleString(
        'en-US',
      )} entities processed and stitched in ${secs(ingestMs)}`,
    );
    await sleep(2000);

    // 2. Baseline: just reading the components through the catalog API.
    await readAllComponents(catalog, credentials); // warm-up, not counted
    const catalogReadMs: number[] = [];
    const readCpu = cpuMeter(db === 'pg');
    for (let i = 0; i < 3; i++) {
      const read = await readAllComponents(catalog, credentials);
      if (read.count !== entities) {
        throw new Error(`Read ${read.count} components, expected ${entities}`);
      }
      catalogReadMs.push(read.ms);
    }
    const readsCpu = readCpu.stop();
    const cpu: NonNullable<DbResult['cpu']> = {
      cores: cpus().length,
      read: {
        processMs: readsCpu.processMs / 3,
        databaseMs: readsCpu.databaseMs / 3,
      },
      cold: { processMs: 0, databaseMs: 0 },
      warm: { processMs: 0, databaseMs: 0 },
    };
    log(
      `catalog read of ${entities} components: ${catalogReadMs
        .map(secs)
        .join(', ')}`,
    );

    // 3. Flywheel's engine.
    const flywheel = await createProfiledEngine(handles.flywheel);
    if (global.gc) {
      global.gc();
    }
    const rssBefore = process.memoryUsage.rss() / 1024 / 1024;
    const loadAverage: DbResult['loadAverage'] = {
      evaluation: loadavg()[0],
      http: 0,
    };
    const sampler = rssSampler();
    const coldCpu = cpuMeter(db === 'pg');
    const cold = await profile('cold-evaluation', () => flywheel.evaluateAll());
    cpu.cold = coldCpu.stop();
    log(
      `Flywheel cold evaluateAll: ${secs(cold.wallMs)} (${
        cold.stats.evaluations
      } evaluations, ${cold.stats.entitiesWritten} results and ${
        cold.stats.checksWritten
      } check rows written)`,
    );
    const catalogReadAfter = await readAllComponents(catalog, credentials);
    catalogReadMs.push(catalogReadAfter.ms);
    const warmCpu = cpuMeter(db === 'pg');
    const warm = await flywheel.evaluateAll();
    cpu.warm = warmCpu.stop();
    log(
      `Flywheel warm evaluateAll: ${secs(warm.wallMs)} (${
        warm.stats.unchanged
      } unchanged, ${warm.stats.entitiesWritten} written)`,
    );

    // Change 100 components in the catalog and wait until it serves them.
    const owners = ownersOf(synthetic);
    const step = Math.max(1, Math.floor(entities / 100));
    const changed: Entity[] = [];
    for (let i = 0; i < entities && changed.length < 100; i += step) {
      changed.push(makeComponent(i, owners.teams, owners.departments, 1));
    }
    const changedRefs = changed.map(e => stringifyEntityRef(e));
    await handles.provider.update(changed);
    const changeStarted = performance.now();
    for (;;) {
      const { items } = await catalog.getEntitiesByRefs(
        { entityRefs: changedRefs },
        { credentials },
      );
      if (
        items.every(
          e =>
            e?.metadata.annotations?.[REVISION_ANNOTATION] === '1' &&
            e.relations?.some(r => r.type === RELATION_OWNED_BY),
        )
      ) {
        break;
      }
      await sleep(250);
    }
    log(
      `catalog: ${changed.length} changed components readable after ${secs(
        performance.now() - changeStarted,
      )}`,
    );
    await sleep(3000); // let the catalog finish stitching the owners
    const incremental = await flywheel.evaluateEntities(changedRefs);
    log(
      `Flywheel evaluateEntities(${changed.length} changed): ${secs(
        incremental.wallMs,
      )} (${incremental.stats.entitiesWritten} results written)`,
    );
    const warmAfterChange = await flywheel.evaluateAll();
    log(
      `Flywheel warm evaluateAll after the change: ${secs(
        warmAfterChange.wallMs,
      )} (${warmAfterChange.stats.entitiesWritten} written)`,
    );
    const peakDuringEvaluationMb = sampler.stop();
    const processMaxRssMb = process.resourceUsage().maxRSS / 1024;

    const resultsDb = await handles.flywheel.database.getClient();
    const flywheelStates: Record<string, number> = {};
    for (const row of (await resultsDb('scorecard_owner_checks')
      .select('state')
      .sum({ n: 'n' })
      .groupBy('state')) as { state: string; n: string | number }[]) {
      flywheelStates[row.state] = Number(row.n);
    }
    log(`Flywheel check results by state: ${JSON.stringify(flywheelStates)}`);

    const snapshotsStarted = performance.now();
    await flywheel.engine.writeSnapshots();
    const snapshotsMs = performance.now() - snapshotsStarted;

    // 4. HTTP: the real plugin's router, 20 concurrent clients.
    loadAverage.http = loadavg()[0];
    const sample = await fetch(
      `${baseUrl}/api/flywheel/scorecards/results?entityRef=${encodeURIComponent(
        changedRefs[0],
      )}`,
      { headers: { authorization: `Bearer ${BENCH_TOKEN}` } },
    );
    const sampleBody = (await sample.json()) as { results?: unknown[] };
    if (!sample.ok || !sampleBody.results?.length) {
      throw new Error(
        `GET /scorecards/results answered ${sample.status}: ${JSON.stringify(
          sampleBody,
        ).slice(0, 300)}`,
      );
    }
    const refs = synthetic.components.map(e => stringifyEntityRef(e));
    const shuffled = refs
      .map((ref, i) => ({ ref, k: (i * 7919) % refs.length }))
      .sort((a, b) => a.k - b.k)
      .map(x => x.ref);
    const common = {
      baseUrl,
      token: BENCH_TOKEN,
      clients: 20,
      warmup: 40,
    };
    const entityPaths = shuffled.map(
      ref =>
        `/api/flywheel/scorecards/results?entityRef=${encodeURIComponent(ref)}`,
    );
    const entityResultsSingle = await runLoadInChild({
      ...common,
      name: 'entity results, one client',
      clients: 1,
      warmup: 10,
      requests: 200,
      paths: entityPaths.slice().reverse(),
    });
    // The results load and its no-database reference take turns, and each
    // reports its median round: one round of a second or two moved by ±25%
    // between runs with the machine's background noise.
    const [listScorecards, entityResults] = await medianRounds(LOAD_ROUNDS, [
      () =>
        runLoadInChild({
          ...common,
          name: 'scorecard list (reference: same stack, no database)',
          requests: ROUND_REQUESTS,
          paths: ['/api/flywheel/scorecards'],
        }),
      round => {
        const load = () =>
          runLoadInChild({
            ...common,
            name: 'entity results',
            requests: ROUND_REQUESTS,
            // Each round starts further on, wrapping around in small catalogs.
            paths: rotate(entityPaths, round * ROUND_REQUESTS),
          });
        return round === 0 ? profile('entity-results-load', load) : load();
      },
    ]);
    log(
      `reference GET /scorecards (no database): p95 ${listScorecards.p95.toFixed(
        1,
      )} ms, ${Math.round(
        listScorecards.rps,
      )} req/s; one client, results: p50 ${entityResultsSingle.p50.toFixed(
        1,
      )} ms, p95 ${entityResultsSingle.p95.toFixed(1)} ms`,
    );
    log(
      `GET /scorecards/results: p95 ${entityResults.p95.toFixed(1)} ms over ${
        entityResults.requests
      } requests (${entityResults.errors} errors)`,
    );
    const top = encodeURIComponent(`group:default/${ROOT_GROUP}`);
    const rollupPaths = BENCH_SCORECARDS.map(
      s =>
        `/api/flywheel/scorecards/rollup?groupRef=${top}&scorecardId=${s.id}`,
    );
    const rollupSingle = await runLoadInChild({
      ...common,
      name: 'top-group rollup, one client',
      clients: 1,
      warmup: 5,
      requests: 50,
      paths: rollupPaths,
    });
    const rollupOneScorecard = await profile('rollup-load', () =>
      runLoadInChild({
        ...common,
        name: 'top-group rollup (one scorecard)',
        requests: 500,
        paths: rollupPaths,
      }),
    );
    log(
      `one client, rollup: p50 ${rollupSingle.p50.toFixed(
        1,
      )} ms, p95 ${rollupSingle.p95.toFixed(1)} ms`,
    );
    log(
      `GET /scorecards/rollup (top group, one scorecard): p95 ${rollupOneScorecard.p95.toFixed(
        1,
      )} ms (${rollupOneScorecard.errors} errors)`,
    );
    const rollupAllScorecards = await runLoadInChild({
      ...common,
      name: 'top-group rollup (all scorecards)',
      // Information only (the UI may ask for all scorecards at once); fewer
      // requests, since each does five rollups.
      requests: 60,
      paths: [`/api/flywheel/scorecards/rollup?groupRef=${top}`],
    });
    log(
      `GET /scorecards/rollup (top group, all 5 scorecards): p95 ${rollupAllScorecards.p95.toFixed(
        1,
      )} ms (${rollupAllScorecards.errors} errors)`,
    );

    // 5. Tech Insights on the same catalog and database engine.
    let techInsights: TechInsightsResult | undefined;
    let techInsightsError: string | undefined;
    let peakDuringTechInsightsMb: number | undefined;
    if (!options.skipTechInsights) {
      loadAverage.techInsights = loadavg()[0];
      const tiSampler = rssSampler();
      try {
        techInsights = await runTechInsights(handles, baseUrl, refs, profile);
      } catch (error) {
        techInsightsError = String(error);
        log(`Tech Insights failed: ${techInsightsError}`);
      }
      peakDuringTechInsightsMb = tiSampler.stop();
    }

    return {
      db,
      entities,
      catalogEntities: all.length,
      ingestMs,
      catalogReadMs,
      catalogReadMedianMs: median(catalogReadMs),
      cold,
      warm,
      changedEntities: changed.length,
      incremental,
      warmAfterChange,
      snapshotsMs,
      flywheelStates,
      cpu,
      rss: {
        beforeEvaluationMb: rssBefore,
        peakDuringEvaluationMb,
        processMaxRssMb,
        peakDuringTechInsightsMb,
      },
      http: {
        listScorecards,
        entityResultsSingle,
        entityResults,
        rollupSingle,
        rollupOneScorecard,
        rollupAllScorecards,
      },
      techInsights,
      techInsightsError,
      loadAverage,
    };
  } finally {
    await backend.stop().catch(e => log(`backend stop: ${e}`));
    if (sqliteDirectory) {
      rmSync(sqliteDirectory, { recursive: true, force: true });
    }
    if (db === 'pg') {
      await dropScratchDatabases(pgPrefix).catch(e =>
        log(`could not drop the scratch databases ${pgPrefix}*: ${e}`),
      );
    }
  }
}
