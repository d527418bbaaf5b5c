import {
  LoadResult,
  LoadSpec,
  log,
  Profile,
  runLoad,
  withEventLoopBusy,
} from '../harness';
import { SurveyDbResult } from './results';
import { Person, SurveySession } from './session';

/**
 * Results under load, `clients` closed-loop readers for `phaseSeconds`
 * each: the open wave (cached 15 s), the open wave with submissions in
 * between (each invalidates the cache), a closed wave and one top-level
 * group. `eventLoopBusy`: the share of the phase the backend's event loop
 * was busy (1 = JavaScript-bound).
 */
export async function measureResultsUnderLoad(
  session: SurveySession,
  options: {
    clients: number;
    phaseSeconds: number;
    openWave: { id: string };
    closedWave: { id: string };
    topGroup: string;
    /** People who submit during the second load. */
    submitters: Person[];
    profile: Profile;
  },
): Promise<SurveyDbResult['http']> {
  const { clients, openWave, closedWave, topGroup } = options;
  const load = (
    profileName: string,
    spec: Pick<LoadSpec, 'name' | 'calls' | 'background'>,
  ): Promise<LoadResult> =>
    withEventLoopBusy(() =>
      options.profile(profileName, () =>
        runLoad({
          ...spec,
          baseUrl: session.baseUrl,
          clients,
          durationMs: options.phaseSeconds * 1000,
          warmup: clients * 2,
        }),
      ),
    );

  const openWaveLoad = await load('results-open-wave', {
    name: 'results, open wave',
    calls: [session.resultsCall(openWave.id)],
  });
  log(
    `GET results open wave, ${clients} clients: p50 ${openWaveLoad.p50.toFixed(
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
  const background = options.submitters.map(person =>
    session.submission(person),
  );
  const openWaveInvalidated = await load('results-open-wave-submissions', {
    name: 'results, open wave, submissions in between',
    calls: [session.resultsCall(openWave.id)],
    background: {
      calls: background.map(b => b.call),
      intervalMs: backgroundIntervalMs,
    },
  });
  openWaveInvalidated.background?.statusByCall.forEach((status, i) => {
    if (status === 201) {
      session.noteAccepted(
        options.submitters[i].userRef,
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
    `GET results open wave, ${clients} clients, a submission every ${Math.round(
      backgroundIntervalMs,
    )} ms: p50 ${openWaveInvalidated.p50.toFixed(
      0,
    )} ms, p95 ${openWaveInvalidated.p95.toFixed(0)} ms (${
      openWaveInvalidated.background?.sent
    } submissions)`,
  );
  const closedWaveLoad = await load('results-closed-wave', {
    name: 'results, closed wave',
    calls: [session.resultsCall(closedWave.id)],
  });
  log(
    `GET results closed wave: p50 ${closedWaveLoad.p50.toFixed(
      0,
    )} ms, p95 ${closedWaveLoad.p95.toFixed(0)} ms`,
  );
  const teamScope = await load('results-team-scope', {
    name: 'results, open wave, one top-level group',
    calls: [session.resultsCall(openWave.id, topGroup)],
  });
  log(
    `GET results open wave ?groupRef=${topGroup}: p50 ${teamScope.p50.toFixed(
      0,
    )} ms, p95 ${teamScope.p95.toFixed(0)} ms`,
  );
  return {
    openWave: openWaveLoad,
    openWaveInvalidated,
    backgroundIntervalMs,
    closedWave: closedWaveLoad,
    teamScope,
  };
}
