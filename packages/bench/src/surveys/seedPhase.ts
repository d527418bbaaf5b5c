import { statSync } from 'node:fs';
import { join } from 'node:path';
import { BenchBackend, fmt, log, secs } from '../harness';
import { SurveyDbKind } from './backend';
import { SurveyStore } from './flywheel';
import {
  benchSurveyDefinition,
  createBenchSurvey,
  seedResponses,
  SeedResult,
} from './seed';

/** Rows a seeded response writes: participation, response, 3 answers, comments. */
export const seededRows = (seed: SeedResult) =>
  seed.responses * 5 + seed.commentsPerWave.reduce((a, b) => a + b, 0);

/**
 * The survey, its waves and the responses, straight into the plugin's
 * database with the plugin's store; then the database settled (PostgreSQL)
 * and its size.
 */
export async function seedSurvey(
  backend: BenchBackend,
  options: {
    waves: number;
    responses: number;
    teams: string[];
    users: number;
    db: SurveyDbKind;
    /** Where SQLite keeps its files. */
    sqliteDirectory?: string;
  },
) {
  const now = new Date();
  const seedDb = await backend.flywheel.database.getClient();
  const store = new SurveyStore(seedDb);
  const definition = benchSurveyDefinition(options.waves, now);
  const waves = await createBenchSurvey(
    store,
    definition,
    options.waves,
    options.users,
    now,
  );
  const seed = await seedResponses(store, {
    waves,
    teams: options.teams,
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
      seededRows(seed),
    )} rows: participation, response and 3 answers each, and comments) in ${secs(
      seed.ms,
    )} with SurveyStore.bulkInsertResponses, 10,000 a batch`,
  );
  let vacuumMs: number | undefined;
  let databaseMb: number;
  if (options.db === 'pg') {
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
      statSync(join(options.sqliteDirectory!, 'flywheel.sqlite')).size /
      1024 /
      1024;
  }
  log(`flywheel database: ${Math.round(databaseMb)} MB`);
  return {
    waves,
    openWave: waves[waves.length - 1],
    closedWave: waves[waves.length - 2] ?? waves[waves.length - 1],
    seed,
    vacuumMs,
    databaseMb,
  };
}
