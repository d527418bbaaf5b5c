import {
  callOnce,
  log,
  Profile,
  RecordedQuery,
  sleep,
  sqlRecorder,
  summarizeLatencies,
} from '../harness';
import { statementsPer, SurveyDbResult } from './results';
import { Person, SurveySession } from './session';

/** How long the service keeps an open wave's results (SurveyService). */
const OPEN_VIEW_TTL_MS = 15_000;

/**
 * Recomputed: the service keeps an open wave's counts and view for 15 s
 * (OPEN_WAVE_COUNTS_TTL_MS; older versions also dropped them on every
 * submission). Each round submits a response, waits until the view has
 * expired, then reads the results (timed, queries recorded) and reads them
 * once more (cached). Whether a request recomputed is told by its queries:
 * the answers are counted again.
 */
export async function measureRecomputed(
  session: SurveySession,
  options: {
    recorder: ReturnType<typeof sqlRecorder>;
    probes: Person[];
    rounds: number;
    openWave: { id: string };
    /** When the last request that computed the open wave's view ended. */
    coldEnded: number;
    profile: Profile;
  },
): Promise<SurveyDbResult['invalidated']> {
  const { recorder, probes, openWave } = options;
  const resultsPath = session.resultsPath(openWave.id);
  const recomputedMs: number[] = [];
  const cachedMs: number[] = [];
  const recomputedQueries: RecordedQuery[] = [];
  let sqlInFlight = 0;
  let computedAt = options.coldEnded;
  await options.profile('results-recomputed', async () => {
    for (let i = 0; i < options.rounds; i++) {
      const probe = session.submission(probes[i]);
      const posted = await callOnce(session.agent, session.baseUrl, probe.call);
      if (posted.status !== 201) {
        throw new Error(
          `POST responses answered ${posted.status}: ${posted.text}`,
        );
      }
      session.noteAccepted(probes[i].userRef, probe.comments);
      // The service stamps a view when it starts computing it, which is
      // before the previous request ended: waiting from that end is safe.
      await sleep(computedAt + OPEN_VIEW_TTL_MS + 300 - performance.now());
      recorder.start();
      const r = await session.get(resultsPath);
      const { inFlightMs, queries } = recorder.stop();
      computedAt = performance.now();
      if (queries.some(q => q.sql.includes('survey_answers'))) {
        recomputedMs.push(r.ms);
        sqlInFlight += inFlightMs;
        recomputedQueries.push(...queries);
      } else {
        cachedMs.push(r.ms);
      }
      cachedMs.push((await session.get(resultsPath)).ms);
    }
  });
  const rounds = recomputedMs.length;
  if (rounds === 0) {
    throw new Error(
      "No results request recomputed the open wave: the cache outlived the benchmark's wait",
    );
  }
  const invalidated = {
    ...summarizeLatencies(recomputedMs),
    cached: summarizeLatencies(cachedMs),
    sql: {
      requestMs: recomputedMs.reduce((x, y) => x + y, 0) / rounds,
      sqlInFlightMs: sqlInFlight / rounds,
      statements: statementsPer(recomputedQueries, rounds),
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
  return invalidated;
}
