import { RELATION_MEMBER_OF } from '@backstage/catalog-model';
import { loadavg } from 'node:os';
import {
  cpuProfiler,
  fmt,
  generateOrg,
  groupTreeStitched,
  ingestCatalog,
  log,
  secs,
  sqlRecorder,
  Stitched,
  SyntheticOrg,
  waitForCatalog,
} from '../harness';
import { withSurveysBackend } from './backend';
import { measureColdRequests } from './coldPhase';
import { measureRecomputed } from './recomputedPhase';
import { measureResultsUnderLoad } from './resultsLoadPhase';
import { SurveyDbResult, SurveyRunOptions } from './results';
import { checkStoredRows } from './rowCheck';
import { seededRows, seedSurvey } from './seedPhase';
import { SurveySession } from './session';
import { measureSubmissions } from './submissionPhase';

/**
 * Stitched: every user with its team and every group with its place in the
 * tree, which is what the surveys' directory reads.
 */
const orgStitched =
  (org: SyntheticOrg): Stitched =>
  async read => {
    const users = await read('User');
    const groups = await read('Group');
    const members = users.filter(u =>
      u.relations?.some(r => r.type === RELATION_MEMBER_OF),
    ).length;
    return (
      users.length === org.users.length &&
      members === users.length &&
      groups.length === org.groups.length &&
      groupTreeStitched(groups, org.groups)
    );
  };

/** The whole surveys benchmark on one database engine. */
export async function runOnDatabase(
  options: SurveyRunOptions,
): Promise<SurveyDbResult> {
  const { db } = options;
  const profile = cpuProfiler(options.cpuProfileDir);
  const org = generateOrg(options.teams, options.usersPerTeam);
  const teams = org.levels[3];
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

  return withSurveysBackend(db, async run => {
    // 1. The organisation, through a real entity provider.
    const ingestMs = await ingestCatalog(
      run.backend,
      org.all(),
      orgStitched(org),
    );

    // 2. The survey, its waves and the responses.
    const loadAverage = { seed: loadavg()[0], http: 0, submissions: 0 };
    const seeded = await seedSurvey(run.backend, {
      waves: options.waves,
      responses: options.responses,
      teams,
      users: org.users.length,
      db,
      sqliteDirectory: run.databases.sqliteDirectory,
    });
    const { openWave, closedWave, seed } = seeded;

    // 3. A fresh backend on the same databases: nothing cached.
    const restartStarted = performance.now();
    const backend = await run.restart();
    await waitForCatalog(backend, {
      expected: org.all().length,
      stitched: orgStitched(org),
      quiet: true,
    });
    const restartMs = performance.now() - restartStarted;
    log(`fresh backend on the same databases after ${secs(restartMs)}`);

    // The knex instance of the fresh backend's Flywheel plugin.
    const dbClient = await backend.flywheel.database.getClient();
    const session = new SurveySession(
      backend,
      org.people[0],
      openWave,
      options.waves - 1,
    );
    const topGroup = org.levels[1][0];
    const seededOpenWave = seed.responsesPerWave[options.waves - 1];

    // 4. The first, cold requests.
    const { cold, coldEnded } = await measureColdRequests(session, {
      openWave,
      closedWave,
      topGroup,
      seededOpenWave,
    });

    // 5. Recomputed, one request at a time (the view expired).
    const probes = org.people.slice(org.people.length - probeUsers);
    const recorder = sqlRecorder(dbClient);
    const invalidated = await measureRecomputed(session, {
      recorder,
      probes,
      rounds: options.invalidatedRounds,
      openWave,
      coldEnded,
      profile,
    });

    // 6. Results under load.
    loadAverage.http = loadavg()[0];
    const http = await measureResultsUnderLoad(session, {
      clients: options.clients,
      phaseSeconds: options.phaseSeconds,
      openWave,
      closedWave,
      topGroup,
      submitters: probes.slice(options.invalidatedRounds),
      profile,
    });

    // 7. Submission throughput.
    loadAverage.submissions = loadavg()[0];
    const submissionsResult = await measureSubmissions(session, {
      people: org.people.slice(0, submissions),
      respondents: options.respondents,
      submitSeconds: options.submitSeconds,
      recorder,
      profile,
    });

    // 8. Count what is stored.
    const rows = await checkStoredRows(dbClient, session, {
      openWave,
      waves: options.waves,
      seed,
      seededOpenWave,
      acceptedTwice: submissionsResult.acceptedTwice,
    });
    session.close();

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
      seedRowsPerSecond: (seededRows(seed) / seed.ms) * 1000,
      vacuumMs: seeded.vacuumMs,
      databaseMb: seeded.databaseMb,
      restartMs,
      cold,
      invalidated,
      http,
      submissions: submissionsResult,
      rows,
      loadAverage,
    };
  });
}
