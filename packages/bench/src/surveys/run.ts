import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_CHILD_OF,
  RELATION_MEMBER_OF,
  RELATION_PARENT_OF,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { SurveyResultsResponse } from '@flywheel/plugin-flywheel-common';
import { Knex } from 'knex';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { Agent } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance as nodePerformance } from 'node:perf_hooks';
import { DbKind } from '../scorecards/backend';
import { percentile } from '../scorecards/load';
import { dropScratchDatabases } from '../scorecards/run';
import { hashOf, prng } from '../scorecards/catalogData';
import { cpuProfiler } from '../scorecards/profile';
import { startSurveyBackend, SurveyBenchBackend } from './backend';
import { SurveyStore } from './flywheel';
import { BenchCall, callOnce, runSurveyLoad, SurveyLoadResult } from './load';
import { generateOrg, SyntheticOrg } from './org';
import {
  benchAnswers,
  benchSurveyDefinition,
  createBenchSurvey,
  seedResponses,
  SURVEY_ID,
  teamBias,
} from './seed';

export interface SurveyRunOptions {
  db: DbKind;
  responses: number;
  teams: number;
  waves: number;
  usersPerTeam: number;
  /** Closed-loop clients reading results. */
  clients: number;
  /** Concurrent respondents. */
  respondents: number;
  /** Distinct people submitting in the throughput phase. */
  submissions: number;
  /** Seconds each results load runs. */
  phaseSeconds: number;
  /** The throughput phase stops after this many seconds at the latest. */
  submitSeconds: number;
  /** Rounds of "submit, wait for the open wave's view to expire, read". */
  invalidatedRounds: number;
  cpuProfileDir?: string;
}

/** Latency of single requests, one after the other. */
export interface Sequential {
  samples: number;
  p50: number;
  p95: number;
  max: number;
}

/** Where the time of the cache-defeated results requests went. */
export interface SqlProfile {
  /** Mean request time, and the part of it with a query in flight. */
  requestMs: number;
  sqlInFlightMs: number;
  statements: { statement: string; count: number; meanMs: number }[];
}

export interface SurveyDbResult {
  db: DbKind;
  teams: number;
  users: number;
  waves: number;
  responses: number;
  responsesRequested: number;
  seededOpenWave: number;
  catalogEntities: number;
  ingestMs: number;
  seedMs: number;
  seedRowsPerSecond: number;
  vacuumMs?: number;
  databaseMb?: number;
  restartMs: number;
  cold: {
    /** Reading the directory's entities from the catalog, for reference. */
    directoryReadMs: number;
    openWaveMs: number;
    openWaveSecondMs: number;
    closedWaveFirstMs: number;
    teamScopeFirstMs: number;
    bytes: number;
    teamsInBreakdown: number;
    hiddenTeams: number;
    trendPoints: number;
  };
  /** Open wave recomputed (view expired), one request at a time. */
  invalidated: Sequential & { cached: Sequential; sql: SqlProfile };
  http: {
    openWave: SurveyLoadResult;
    openWaveInvalidated: SurveyLoadResult;
    /** Submissions during openWaveInvalidated: one every this many ms. */
    backgroundIntervalMs: number;
    closedWave: SurveyLoadResult;
    teamScope: SurveyLoadResult;
  };
  submissions: SurveyLoadResult & {
    respondents: number;
    unique: number;
    duplicates: number;
    created: number;
    conflicts: number;
    otherErrors: number;
    /** People with more than one accepted (201) response: must be 0. */
    acceptedTwice: number;
    /** Duplicate pairs where neither call was accepted. */
    neitherAccepted: number;
    createdPerSecond: number;
    /** Share of the phase with a query in flight; statements per request. */
    sql: { inFlightShare: number; statements: SqlProfile['statements'] };
  };
  rows: RowCheck;
  loadAverage: { seed: number; http: number; submissions: number };
}

export interface RowCheck {
  expectedResponses: number;
  responses: number;
  participation: number;
  answers: number;
  expectedAnswers: number;
  comments: number;
  expectedComments: number;
  /** Participation rows of the benchmark's catalog users (= people accepted). */
  benchParticipation: number;
  acceptedPeople: number;
  duplicateParticipation: number;
  allWavesResponses: number;
  expectedAllWavesResponses: number;
  lost: number;
  ok: boolean;
}

const log = (message: string) =>
  process.stdout.write(
    `  ${new Date().toISOString().slice(11, 19)} ${message}\n`,
  );
const sleep = (ms: number) => new Promise(r => setTimeout(r, Math.max(0, ms)));
/** How long the service keeps an open wave's results (SurveyService). */
const OPEN_VIEW_TTL_MS = 15_000;
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const fmt = (n: number) => n.toLocaleString('en-US');

async function streamAll(
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
 * Waits until the catalog serves every user with its team and every group
 * with its place in the tree: what the surveys' directory reads.
 */
async function waitForOrg(
  org: SyntheticOrg,
  backend: SurveyBenchBackend,
  quiet = false,
) {
  const { catalog, auth } = backend.flywheel;
  const credentials = await auth.getOwnServiceCredentials();
  const children = new Map<string, number>();
  const hasParent = new Set<string>();
  for (const group of org.groups) {
    const parent = (group.spec as { parent?: string }).parent;
    if (parent) {
      children.set(parent, (children.get(parent) ?? 0) + 1);
      hasParent.add(group.metadata.name);
    }
  }
  const started = Date.now();
  let lastReport = Date.now();
  for (;;) {
    const { totalItems } = await catalog.queryEntities(
      { limit: 1 },
      { credentials },
    );
    if (!quiet && Date.now() - lastReport > 30_000) {
      lastReport = Date.now();
      log(
        `catalog: ${fmt(totalItems)} / ${fmt(
          org.all().length,
        )} entities readable after ${Math.round(
          (Date.now() - started) / 1000,
        )} s`,
      );
    }
    if (totalItems >= org.all().length) {
      const users = await streamAll(catalog, credentials, 'User');
      const groups = await streamAll(catalog, credentials, 'Group');
      const members = users.filter(u =>
        u.relations?.some(r => r.type === RELATION_MEMBER_OF),
      ).length;
      const treeDone = groups.every(g => {
        const rel = g.relations ?? [];
        return (
          rel.filter(r => r.type === RELATION_PARENT_OF).length ===
            (children.get(g.metadata.name) ?? 0) &&
          (rel.some(r => r.type === RELATION_CHILD_OF) ||
            !hasParent.has(g.metadata.name))
        );
      });
      if (
        users.length === org.users.length &&
        members === users.length &&
        groups.length === org.groups.length &&
        treeDone
      ) {
        return;
      }
    }
    await sleep(quiet ? 250 : 2000);
  }
}

/**
 * Records when each query of a knex instance is in flight, while active:
 * the SQL part of a request, against its JavaScript part.
 */
function sqlRecorder(db: Knex) {
  const open = new Map<string, { at: number; sql: string }>();
  let intervals: RecordedQuery[] = [];
  let active = false;
  db.on('query', (data: { __knexQueryUid?: string; sql?: string }) => {
    if (active && data.__knexQueryUid && data.sql) {
      open.set(data.__knexQueryUid, {
        at: performance.now(),
        sql: data.sql
          .replace(/\s+/g, ' ')
          .replace(/(\?|\$\d+)(\s*,\s*(\?|\$\d+))+/g, '…')
          .slice(0, 120),
      });
    }
  });
  const done = (_r: unknown, data: { __knexQueryUid?: string }) => {
    const start = data?.__knexQueryUid
      ? open.get(data.__knexQueryUid)
      : undefined;
    if (start) {
      open.delete(data.__knexQueryUid!);
      intervals.push({
        from: start.at,
        to: performance.now(),
        sql: start.sql,
      });
    }
  };
  db.on('query-response', done);
  db.on('query-error', (e: unknown, data: { __knexQueryUid?: string }) =>
    done(e, data),
  );
  return {
    start() {
      open.clear();
      intervals = [];
      active = true;
    },
    /** Stops; the in-flight union time and the queries since start. */
    stop() {
      active = false;
      const sorted = [...intervals].sort((a, b) => a.from - b.from);
      let union = 0;
      let end = -Infinity;
      for (const i of sorted) {
        if (i.to > end) {
          union += i.to - Math.max(i.from, end);
          end = i.to;
        }
      }
      return { inFlightMs: union, queries: sorted };
    },
  };
}

type RecordedQuery = { from: number; to: number; sql: string };

/** Queries by statement: how many per request (or submission), mean time. */
function statementsOf(
  queries: RecordedQuery[],
  per: number,
): SqlProfile['statements'] {
  const byStatement = new Map<string, { count: number; ms: number }>();
  for (const q of queries) {
    const entry = byStatement.get(q.sql) ?? { count: 0, ms: 0 };
    entry.count += 1;
    entry.ms += q.to - q.from;
    byStatement.set(q.sql, entry);
  }
  return [...byStatement.entries()]
    .map(([statement, e]) => ({
      statement,
      count: e.count / Math.max(1, per),
      meanMs: e.ms / e.count,
    }))
    .sort((a, b) => b.meanMs * b.count - a.meanMs * a.count);
}

function sequential(values: number[]): Sequential {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    samples: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[sorted.length - 1],
  };
}

/** The whole surveys benchmark on one database engine. */
export async function runOnDatabase(
  options: SurveyRunOptions,
): Promise<SurveyDbResult> {
  const { db } = options;
  const profile = cpuProfiler(options.cpuProfileDir);
  const org = generateOrg(options.teams, options.usersPerTeam);
  const teams = org.levels[3];
  const pgPrefix = `flywheel_bench_surveys_${process.pid}_`;
  const sqliteDir = join(
    existsSync('/dev/shm') ? '/dev/shm' : tmpdir(),
    `flywheel-bench-surveys-${process.pid}`,
  );
  const probeUsers = options.invalidatedRounds + 200;
  const submissions = Math.min(
    options.submissions,
    org.people.length - probeUsers,
  );
  if (submissions < 100) {
    throw new Error(
      `Too few catalog users (${org.people.length}) for the submission phase`,
    );
  }
  log(
    `[${db}] ${org.groups.length} groups in 4 levels (${
      teams.length
    } teams), ${fmt(org.users.length)} users; survey with ${
      options.waves
    } waves, ${fmt(options.responses)} responses to seed`,
  );

  const cleanUp = async () => {
    if (db === 'pg') {
      await dropScratchDatabases(pgPrefix).catch(e =>
        log(`could not drop the scratch databases ${pgPrefix}*: ${e}`),
      );
    } else {
      rmSync(sqliteDir, { recursive: true, force: true });
    }
  };
  await cleanUp();
  if (db === 'sqlite') {
    mkdirSync(sqliteDir, { recursive: true });
  }
  const place = { db, pgPrefix, sqliteDir };

  let backend: SurveyBenchBackend | undefined;
  try {
    // 1. The organisation, through a real entity provider.
    backend = await startSurveyBackend(place);
    const ingestStarted = performance.now();
    await backend.provider.full(org.all());
    await waitForOrg(org, backend);
    const ingestMs = performance.now() - ingestStarted;
    log(
      `catalog: ${fmt(
        org.all().length,
      )} entities processed and stitched in ${secs(ingestMs)}`,
    );

    // 2. The survey, its waves and the responses, straight into the
    // plugin's database with the plugin's store.
    const loadAverage = { seed: loadavg()[0], http: 0, submissions: 0 };
    const now = new Date();
    const seedDb = await backend.flywheel.database.getClient();
    const store = new SurveyStore(seedDb);
    const definition = benchSurveyDefinition(options.waves, now);
    const waves = await createBenchSurvey(
      store,
      definition,
      options.waves,
      org.users.length,
      now,
    );
    const openWave = waves[waves.length - 1];
    const closedWave = waves[waves.length - 2] ?? openWave;
    const seed = await seedResponses(store, {
      waves,
      teams,
      responses: options.responses,
      batchSize: 10_000,
      now,
      progress: (done, ms) =>
        log(
          `seeding: ${fmt(done)} responses after ${secs(ms)} (${fmt(
            Math.round((done / ms) * 1000),
          )}/s)`,
        ),
    });
    log(
      `seeded ${fmt(seed.responses)} responses (${fmt(
        seed.responses * 5 + seed.commentsPerWave.reduce((a, b) => a + b, 0),
      )} rows: participation, response and 3 answers each, and comments) in ${secs(
        seed.ms,
      )} with SurveyStore.bulkInsertResponses, 10,000 a batch`,
    );
    let vacuumMs: number | undefined;
    let databaseMb: number | undefined;
    if (db === 'pg') {
      // What autovacuum does to freshly loaded tables within minutes; done
      // here so every run measures the same, settled state.
      const started = performance.now();
      await seedDb.raw(
        'VACUUM (ANALYZE) survey_participation, survey_responses, survey_answers, survey_comments, survey_waves',
      );
      vacuumMs = performance.now() - started;
      const { rows } = await seedDb.raw(
        'SELECT pg_database_size(current_database()) AS size',
      );
      databaseMb = Number(rows[0].size) / 1024 / 1024;
      log(`VACUUM (ANALYZE) of the survey tables: ${secs(vacuumMs)}`);
    } else {
      databaseMb =
        statSync(join(sqliteDir, 'flywheel.sqlite')).size / 1024 / 1024;
    }
    log(`flywheel database: ${Math.round(databaseMb)} MB`);

    // 3. A fresh backend on the same databases: nothing cached.
    const restartStarted = performance.now();
    await backend.stop();
    backend = undefined;
    backend = await startSurveyBackend(place);
    await waitForOrg(org, backend, true);
    const restartMs = performance.now() - restartStarted;
    log(`fresh backend on the same databases after ${secs(restartMs)}`);

    const { baseUrl, tokens } = backend;
    // The knex instance of the fresh backend's Flywheel plugin.
    const dbClient = await backend.flywheel.database.getClient();
    const pm = org.people[0];
    const pmToken = tokens.issue(pm.userRef, [pm.teamRef]);
    const resultsPath = (waveId: string, groupRef?: string) =>
      `/api/flywheel/surveys/${SURVEY_ID}/results?waveId=${waveId}${
        groupRef ? `&groupRef=${encodeURIComponent(groupRef)}` : ''
      }`;
    const agent = new Agent({ keepAlive: true, maxSockets: 4 });
    const get = async (path: string) => {
      const r = await callOnce(agent, baseUrl, {
        method: 'GET',
        path,
        token: pmToken,
      });
      if (r.status !== 200) {
        throw new Error(`GET ${path} answered ${r.status}: ${r.text}`);
      }
      return r;
    };
    const topGroup = org.levels[1][0];

    // Every accepted response, by person, across the phases.
    const accepted = new Map<string, number>();
    let acceptedComments = 0;
    const submitCall = (person: { userRef: string; teamRef: string }) => {
      const answered = benchAnswers(
        prng(hashOf(person.userRef)),
        teamBias(person.teamRef),
        options.waves - 1,
      );
      return {
        call: {
          method: 'POST' as const,
          path: `/api/flywheel/surveys/${SURVEY_ID}/responses`,
          token: tokens.issue(person.userRef, [person.teamRef]),
          body: JSON.stringify({
            waveId: openWave.id,
            answers: answered.answers,
          }),
        },
        comments: answered.comments.length,
      };
    };
    const noteAccepted = (userRef: string, comments: number) => {
      accepted.set(userRef, (accepted.get(userRef) ?? 0) + 1);
      acceptedComments += comments;
    };

    // 4. The first, cold request: the directory from the catalog and the
    // counts of every wave up to the open one.
    const coldResult = await get(resultsPath(openWave.id));
    const coldEnded = performance.now();
    const coldSecond = await get(resultsPath(openWave.id));
    const closedFirst = await get(resultsPath(closedWave.id));
    const teamFirst = await get(resultsPath(openWave.id, topGroup));
    const body = (await (
      await fetch(`${baseUrl}${resultsPath(openWave.id)}`, {
        headers: { authorization: `Bearer ${pmToken}` },
      })
    ).json()) as SurveyResultsResponse;
    const seededOpenWave = seed.responsesPerWave[options.waves - 1];
    if (body.responses !== seededOpenWave) {
      throw new Error(
        `The results count ${body.responses} responses in the open wave, ${seededOpenWave} were seeded`,
      );
    }
    // For reference: the catalog reads of the survey directory (users,
    // groups, components with their relations), as the plugin makes them.
    const directoryStarted = performance.now();
    const credentials = await backend.flywheel.auth.getOwnServiceCredentials();
    for (const kind of ['User', 'Group', 'Component']) {
      await streamAll(backend.flywheel.catalog, credentials, kind);
    }
    const directoryReadMs = performance.now() - directoryStarted;
    const cold = {
      directoryReadMs,
      openWaveMs: coldResult.ms,
      openWaveSecondMs: coldSecond.ms,
      closedWaveFirstMs: closedFirst.ms,
      teamScopeFirstMs: teamFirst.ms,
      bytes: coldResult.bytes,
      teamsInBreakdown: body.teams.length,
      hiddenTeams: body.teams.filter(t => t.hidden).length,
      trendPoints: body.trend.length,
    };
    log(
      `GET results (open wave, fresh backend): first ${cold.openWaveMs.toFixed(
        0,
      )} ms, second ${cold.openWaveSecondMs.toFixed(
        0,
      )} ms; closed wave first ${cold.closedWaveFirstMs.toFixed(
        0,
      )} ms; ${topGroup} first ${cold.teamScopeFirstMs.toFixed(0)} ms (${fmt(
        cold.bytes,
      )} bytes, ${cold.teamsInBreakdown} teams of which ${
        cold.hiddenTeams
      } hidden, ${
        cold.trendPoints
      } trend points); reading the directory's entities from the catalog alone: ${cold.directoryReadMs.toFixed(
        0,
      )} ms`,
    );

    // 5. Recomputed: the service keeps an open wave's counts and view for
    // 15 s (OPEN_WAVE_COUNTS_TTL_MS; older versions also dropped them on
    // every submission). Each round submits a response, waits until the
    // view has expired, then reads the results (timed, queries recorded) and
    // reads them once more (cached). Whether a request recomputed is told
    // by its queries: the answers are counted again.
    const probes = org.people.slice(org.people.length - probeUsers);
    const recorder = sqlRecorder(dbClient);
    const recomputedMs: number[] = [];
    const cachedMs: number[] = [];
    const recomputedQueries: RecordedQuery[] = [];
    let sqlInFlight = 0;
    let computedAt = coldEnded;
    await profile('results-recomputed', async () => {
      for (let i = 0; i < options.invalidatedRounds; i++) {
        const probe = submitCall(probes[i]);
        const posted = await callOnce(agent, baseUrl, probe.call);
        if (posted.status !== 201) {
          throw new Error(
            `POST responses answered ${posted.status}: ${posted.text}`,
          );
        }
        noteAccepted(probes[i].userRef, probe.comments);
        // The service stamps a view when it starts computing it, which is
        // before the previous request ended: waiting from that end is safe.
        await sleep(computedAt + OPEN_VIEW_TTL_MS + 300 - performance.now());
        recorder.start();
        const r = await get(resultsPath(openWave.id));
        const { inFlightMs, queries } = recorder.stop();
        computedAt = performance.now();
        if (queries.some(q => q.sql.includes('survey_answers'))) {
          recomputedMs.push(r.ms);
          sqlInFlight += inFlightMs;
          recomputedQueries.push(...queries);
        } else {
          cachedMs.push(r.ms);
        }
        cachedMs.push((await get(resultsPath(openWave.id))).ms);
      }
    });
    const rounds = recomputedMs.length;
    if (rounds === 0) {
      throw new Error(
        "No results request recomputed the open wave: the cache outlived the benchmark's wait",
      );
    }
    const invalidated = {
      ...sequential(recomputedMs),
      cached: sequential(cachedMs),
      sql: {
        requestMs: recomputedMs.reduce((x, y) => x + y, 0) / rounds,
        sqlInFlightMs: sqlInFlight / rounds,
        statements: statementsOf(recomputedQueries, rounds),
      },
    };
    log(
      `GET results, open wave recomputed (view expired), one at a time: p50 ${invalidated.p50.toFixed(
        0,
      )} ms, max ${invalidated.max.toFixed(
        0,
      )} ms over ${rounds}; a query in flight ${invalidated.sql.sqlInFlightMs.toFixed(
        0,
      )} of ${invalidated.sql.requestMs.toFixed(
        0,
      )} ms; cached right after: p50 ${invalidated.cached.p50.toFixed(0)} ms`,
    );

    // 6. Results under load. `eventLoopBusy`: the share of the phase the
    // backend's event loop was busy (1 = JavaScript-bound).
    const measure = async (
      name: string,
      fn: () => Promise<SurveyLoadResult>,
    ): Promise<SurveyLoadResult> => {
      const before = nodePerformance.eventLoopUtilization();
      const result = await profile(name, fn);
      return {
        ...result,
        eventLoopBusy: nodePerformance.eventLoopUtilization(before).utilization,
      };
    };
    loadAverage.http = loadavg()[0];
    const common = {
      baseUrl,
      clients: options.clients,
      durationMs: options.phaseSeconds * 1000,
      warmup: options.clients * 2,
    };
    const openWaveLoad = await measure('results-open-wave', () =>
      runSurveyLoad({
        ...common,
        name: 'results, open wave',
        calls: [
          { method: 'GET', path: resultsPath(openWave.id), token: pmToken },
        ],
      }),
    );
    log(
      `GET results open wave, ${
        options.clients
      } clients: p50 ${openWaveLoad.p50.toFixed(
        0,
      )} ms, p95 ${openWaveLoad.p95.toFixed(0)} ms, ${Math.round(
        openWaveLoad.rps,
      )} req/s (${openWaveLoad.errors} errors)`,
    );
    // About 150 submissions in the phase: each one invalidates the cache.
    const backgroundIntervalMs = Math.max(
      50,
      (options.phaseSeconds * 1000) / 150,
    );
    const background = probes
      .slice(options.invalidatedRounds)
      .map(person => submitCall(person));
    const openWaveInvalidated = await measure(
      'results-open-wave-submissions',
      () =>
        runSurveyLoad({
          ...common,
          name: 'results, open wave, submissions in between',
          calls: [
            { method: 'GET', path: resultsPath(openWave.id), token: pmToken },
          ],
          background: {
            calls: background.map(b => b.call),
            intervalMs: backgroundIntervalMs,
          },
        }),
    );
    openWaveInvalidated.background?.statusByCall.forEach((status, i) => {
      if (status === 201) {
        noteAccepted(
          probes[options.invalidatedRounds + i].userRef,
          background[i].comments,
        );
      }
    });
    const bgStatuses = openWaveInvalidated.background?.statuses ?? {};
    if (Object.keys(bgStatuses).some(status => status !== '201')) {
      log(`background submissions answered: ${JSON.stringify(bgStatuses)}`);
    }
    if (openWaveInvalidated.background) {
      openWaveInvalidated.background.statusByCall = [];
    }
    log(
      `GET results open wave, ${
        options.clients
      } clients, a submission every ${Math.round(
        backgroundIntervalMs,
      )} ms: p50 ${openWaveInvalidated.p50.toFixed(
        0,
      )} ms, p95 ${openWaveInvalidated.p95.toFixed(0)} ms (${
        openWaveInvalidated.background?.sent
      } submissions)`,
    );
    const closedWaveLoad = await measure('results-closed-wave', () =>
      runSurveyLoad({
        ...common,
        name: 'results, closed wave',
        calls: [
          { method: 'GET', path: resultsPath(closedWave.id), token: pmToken },
        ],
      }),
    );
    log(
      `GET results closed wave: p50 ${closedWaveLoad.p50.toFixed(
        0,
      )} ms, p95 ${closedWaveLoad.p95.toFixed(0)} ms`,
    );
    const teamScope = await measure('results-team-scope', () =>
      runSurveyLoad({
        ...common,
        name: 'results, open wave, one top-level group',
        calls: [
          {
            method: 'GET',
            path: resultsPath(openWave.id, topGroup),
            token: pmToken,
          },
        ],
      }),
    );
    log(
      `GET results open wave ?groupRef=${topGroup}: p50 ${teamScope.p50.toFixed(
        0,
      )} ms, p95 ${teamScope.p95.toFixed(0)} ms`,
    );

    // 7. Submission throughput: distinct people who have not answered the
    // open wave, plus ~5% second submissions by someone already sending
    // (some in flight at the same time as the first, some later).
    loadAverage.submissions = loadavg()[0];
    const people = org.people.slice(0, submissions);
    // Every 20th person sends twice: half of the second calls right behind
    // the first (likely in flight together), half a few hundred calls
    // later; any prefix of the list (the time limit may cut it) has ~5%.
    const rnd = prng(0xd0b1e);
    const keyed: {
      key: number;
      call: BenchCall;
      person: string;
      comments: number;
    }[] = [];
    people.forEach((person, i) => {
      keyed.push({ key: i, ...submitCall(person), person: person.userRef });
      if (i % 20 === 0) {
        const offset =
          (i / 20) % 2 === 0
            ? 1 + Math.floor(rnd() * options.respondents)
            : 200 + Math.floor(rnd() * 600);
        keyed.push({
          key: i + offset + 0.5,
          ...submitCall(person),
          person: person.userRef,
        });
      }
    });
    const calls = keyed.sort((x, y) => x.key - y.key);
    recorder.start();
    const submitLoad = await measure('submissions', () =>
      runSurveyLoad({
        name: 'submissions',
        baseUrl,
        clients: options.respondents,
        calls: calls.map(c => c.call),
        once: true,
        durationMs: options.submitSeconds * 1000,
        warmup: 0,
      }),
    );
    const submitSql = recorder.stop();
    const byPerson = new Map<string, number[]>();
    calls.forEach((c, i) => {
      const status = submitLoad.statusByCall![i];
      if (status === 0) {
        return; // not sent before the time limit
      }
      byPerson.set(c.person, [...(byPerson.get(c.person) ?? []), status]);
      if (status === 201) {
        noteAccepted(c.person, c.comments);
      }
    });
    let acceptedTwice = 0;
    let neitherAccepted = 0;
    for (const list of byPerson.values()) {
      const created = list.filter(s => s === 201).length;
      if (created > 1) {
        acceptedTwice += 1;
      }
      if (list.length > 1 && created === 0) {
        neitherAccepted += 1;
      }
    }
    const created = submitLoad.statuses[201] ?? 0;
    const conflicts = submitLoad.statuses[409] ?? 0;
    const sentUnique = byPerson.size;
    const sentDuplicates = submitLoad.requests - sentUnique;
    const submissionsResult = {
      ...submitLoad,
      statusByCall: undefined,
      respondents: options.respondents,
      unique: sentUnique,
      duplicates: sentDuplicates,
      created,
      conflicts,
      otherErrors: submitLoad.requests - created - conflicts,
      acceptedTwice,
      neitherAccepted,
      createdPerSecond: (created / submitLoad.durationMs) * 1000,
      sql: {
        inFlightShare: submitSql.inFlightMs / submitLoad.durationMs,
        statements: statementsOf(submitSql.queries, submitLoad.requests),
      },
    };
    log(
      `POST responses, ${options.respondents} respondents: ${fmt(
        submitLoad.requests,
      )} in ${secs(submitLoad.durationMs)} = ${Math.round(
        submitLoad.rps,
      )}/s (${Math.round(
        submissionsResult.createdPerSecond,
      )} accepted/s); p50 ${submitLoad.p50.toFixed(
        0,
      )} ms, p95 ${submitLoad.p95.toFixed(
        0,
      )} ms; ${created} × 201, ${conflicts} × 409 (${sentDuplicates} second submissions), ${
        submissionsResult.otherErrors
      } other; accepted twice: ${acceptedTwice}`,
    );

    // 8. Count what is stored.
    const one = async (query: Knex.QueryBuilder) =>
      Number(((await query) as { n: unknown }[])[0]?.n ?? 0);
    const wave = openWave.id;
    const acceptedTotal = [...accepted.values()].reduce((a, b) => a + b, 0);
    const responses = await one(
      dbClient('survey_responses').where('wave_id', wave).count({ n: '*' }),
    );
    const participation = await one(
      dbClient('survey_participation').where('wave_id', wave).count({ n: '*' }),
    );
    const answers = await one(
      dbClient('survey_answers').where('wave_id', wave).count({ n: '*' }),
    );
    const comments = await one(
      dbClient('survey_comments').where('wave_id', wave).count({ n: '*' }),
    );
    const benchParticipation = await one(
      dbClient('survey_participation')
        .where('wave_id', wave)
        .where('user_ref', 'like', 'user:default/dev-%')
        .count({ n: '*' }),
    );
    const duplicateParticipation = await one(
      dbClient
        .from(
          dbClient('survey_participation')
            .select('user_ref')
            .where('wave_id', wave)
            .groupBy('user_ref')
            .havingRaw('count(*) > 1')
            .as('d'),
        )
        .count({ n: '*' }),
    );
    const allWavesResponses = await one(
      dbClient('survey_responses').count({ n: '*' }),
    );
    const expectedResponses = seededOpenWave + acceptedTotal;
    const rows: RowCheck = {
      expectedResponses,
      responses,
      participation,
      answers,
      expectedAnswers: responses * 3,
      comments,
      expectedComments:
        seed.commentsPerWave[options.waves - 1] + acceptedComments,
      benchParticipation,
      acceptedPeople: accepted.size,
      duplicateParticipation,
      allWavesResponses,
      expectedAllWavesResponses: seed.responses + acceptedTotal,
      lost: expectedResponses - responses,
      ok: false,
    };
    rows.ok =
      responses === expectedResponses &&
      participation === expectedResponses &&
      answers === rows.expectedAnswers &&
      comments === rows.expectedComments &&
      benchParticipation === accepted.size &&
      acceptedTotal === accepted.size &&
      duplicateParticipation === 0 &&
      allWavesResponses === rows.expectedAllWavesResponses &&
      acceptedTwice === 0;
    log(
      `rows in the open wave: ${fmt(responses)} responses (expected ${fmt(
        expectedResponses,
      )} = ${fmt(seededOpenWave)} seeded + ${fmt(
        acceptedTotal,
      )} accepted), ${fmt(participation)} participation, ${fmt(
        answers,
      )} answers, ${fmt(comments)} comments (expected ${fmt(
        rows.expectedComments,
      )}); duplicates ${duplicateParticipation}, lost ${rows.lost}: ${
        rows.ok ? 'OK' : 'MISMATCH'
      }`,
    );
    agent.destroy();

    return {
      db,
      teams: teams.length,
      users: org.users.length,
      waves: options.waves,
      responses: seed.responses,
      responsesRequested: options.responses,
      seededOpenWave,
      catalogEntities: org.all().length,
      ingestMs,
      seedMs: seed.ms,
      seedRowsPerSecond:
        ((seed.responses * 5 +
          seed.commentsPerWave.reduce((a, b) => a + b, 0)) /
          seed.ms) *
        1000,
      vacuumMs,
      databaseMb,
      restartMs,
      cold,
      invalidated,
      http: {
        openWave: openWaveLoad,
        openWaveInvalidated,
        backgroundIntervalMs,
        closedWave: closedWaveLoad,
        teamScope,
      },
      submissions: submissionsResult,
      rows,
      loadAverage,
    };
  } finally {
    if (backend) {
      await backend.stop().catch(e => log(`backend stop: ${e}`));
    }
    await cleanUp();
  }
}
