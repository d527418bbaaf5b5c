import { SurveyResultsResponse } from '@flywheel/plugin-flywheel-common';
import { fmt, log, readWithRelations } from '../harness';
import { SurveyDbResult } from './results';
import { SurveySession } from './session';

/**
 * The first, cold request on a fresh backend: the directory from the
 * catalog and the counts of every wave up to the open one. Then a second
 * (cached), the first of a closed wave and of one top-level group, and for
 * reference the catalog reads of the survey directory alone.
 */
export async function measureColdRequests(
  session: SurveySession,
  options: {
    openWave: { id: string };
    closedWave: { id: string };
    topGroup: string;
    seededOpenWave: number;
  },
): Promise<{ cold: SurveyDbResult['cold']; coldEnded: number }> {
  const { openWave, closedWave, topGroup } = options;
  const coldResult = await session.get(session.resultsPath(openWave.id));
  const coldEnded = performance.now();
  const coldSecond = await session.get(session.resultsPath(openWave.id));
  const closedFirst = await session.get(session.resultsPath(closedWave.id));
  const teamFirst = await session.get(
    session.resultsPath(openWave.id, topGroup),
  );
  const body = (await (
    await fetch(`${session.baseUrl}${session.resultsPath(openWave.id)}`, {
      headers: { authorization: `Bearer ${session.pmToken}` },
    })
  ).json()) as SurveyResultsResponse;
  if (body.responses !== options.seededOpenWave) {
    throw new Error(
      `The results count ${body.responses} responses in the open wave, ${options.seededOpenWave} were seeded`,
    );
  }
  // For reference: the catalog reads of the survey directory (users,
  // groups, components with their relations), as the plugin makes them.
  const directoryStarted = performance.now();
  const { backend } = session;
  const credentials = await backend.flywheel.auth.getOwnServiceCredentials();
  for (const kind of ['User', 'Group', 'Component']) {
    await readWithRelations(backend, credentials, kind);
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
  return { cold, coldEnded };
}
