import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  BENCH_TOKEN,
  getCalls,
  LoadResult,
  log,
  ROOT_GROUP,
  runLoad,
  Profile,
} from '../harness';
import { SyntheticCatalog } from './catalogData';
import { DbResult } from './results';
import { BENCH_SCORECARDS } from './scorecards';

/** Rounds of the entity results load and of its reference, and their size. */
const LOAD_ROUNDS = 3;
const ROUND_REQUESTS = 2_000;

/** The list started at `offset` (modulo its length) and wrapped around. */
function rotate<T>(items: T[], offset: number): T[] {
  const start = items.length === 0 ? 0 : offset % items.length;
  return [...items.slice(start), ...items.slice(0, start)];
}

/**
 * Runs the loads in turn, `rounds` times, and gives for each load the round
 * with the median p95 (rounds should be odd).
 */
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

/** Fails early when the results API does not answer with results. */
async function checkResultsAnswer(baseUrl: string, entityRef: string) {
  const sample = await fetch(
    `${baseUrl}/api/flywheel/scorecards/results?entityRef=${encodeURIComponent(
      entityRef,
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
}

/**
 * The real plugin's router over HTTP, 20 concurrent clients: entity
 * results (against a no-database reference), and the top group's rollup.
 */
export async function runHttpLoads(
  baseUrl: string,
  options: {
    synthetic: SyntheticCatalog;
    /** A changed component: its results must be there. */
    sampleRef: string;
    profile: Profile;
  },
): Promise<DbResult['http']> {
  const { profile } = options;
  await checkResultsAnswer(baseUrl, options.sampleRef);
  const refs = options.synthetic.components.map(e => stringifyEntityRef(e));
  const shuffled = refs
    .map((ref, i) => ({ ref, k: (i * 7919) % refs.length }))
    .sort((a, b) => a.k - b.k)
    .map(x => x.ref);
  const load = (spec: {
    name: string;
    paths: string[];
    requests: number;
    clients?: number;
    warmup?: number;
  }) =>
    runLoad({
      name: spec.name,
      baseUrl,
      clients: spec.clients ?? 20,
      warmup: spec.warmup ?? 40,
      requests: spec.requests,
      calls: getCalls(spec.paths, BENCH_TOKEN),
    });
  const entityPaths = shuffled.map(
    ref =>
      `/api/flywheel/scorecards/results?entityRef=${encodeURIComponent(ref)}`,
  );
  const entityResultsSingle = await load({
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
      load({
        name: 'scorecard list (reference: same stack, no database)',
        requests: ROUND_REQUESTS,
        paths: ['/api/flywheel/scorecards'],
      }),
    round => {
      const entityLoad = () =>
        load({
          name: 'entity results',
          requests: ROUND_REQUESTS,
          // Each round starts further on, wrapping around in small catalogs.
          paths: rotate(entityPaths, round * ROUND_REQUESTS),
        });
      return round === 0
        ? profile('entity-results-load', entityLoad)
        : entityLoad();
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
    s => `/api/flywheel/scorecards/rollup?groupRef=${top}&scorecardId=${s.id}`,
  );
  const rollupSingle = await load({
    name: 'top-group rollup, one client',
    clients: 1,
    warmup: 5,
    requests: 50,
    paths: rollupPaths,
  });
  const rollupOneScorecard = await profile('rollup-load', () =>
    load({
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
  const rollupAllScorecards = await load({
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
  return {
    listScorecards,
    entityResultsSingle,
    entityResults,
    rollupSingle,
    rollupOneScorecard,
    rollupAllScorecards,
  };
}
