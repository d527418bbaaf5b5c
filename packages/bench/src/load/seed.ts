import { Knex, knex as createKnex } from 'knex';
import { fmt, hashOf, log, pgConnectionString, prng, secs } from '../harness';
import { planService, WEEK_MS } from '../metrics/catalogData';
import { allDeployments, toNewDeployment } from '../metrics/deployments';
import { DeploymentStore, NewDeployment } from '../metrics/flywheel';
import { sessionEvents, usagePages } from '../metrics/usageScenario';
import { SurveyStore } from '../surveys/flywheel';
import {
  benchSurveyDefinition,
  createBenchSurvey,
  seedResponses,
  SURVEY_ID,
} from '../surveys/seed';
import { LoadDataset } from './dataset';
import { parseUsageEvents, UsageStore } from './flywheel';

/**
 * The history the load reads, scaled to the catalog as the demo's is to
 * its own: written straight into the Flywheel plugin's database with the
 * plugin's stores (the statements the plugin runs for a post, without HTTP),
 * after the first replica has migrated it, with the other benchmarks'
 * generators.
 *
 * - deployments: the metrics benchmark's per-service plans (first
 *   deployment days after creation, then 0.5 a week on average, golden
 *   paths faster and more often) over the last 26 weeks, as the demo has
 *   six months; the catalog's libraries never deploy;
 * - survey: the surveys benchmark's anonymous quarterly Platform NPS with 5
 *   waves (as the demo's), the last one open, half the people's worth of
 *   responses in each (synthetic respondents, so every person of the
 *   catalog may still answer the open wave);
 * - usage: the metrics benchmark's analytics sessions over the last 30
 *   days, 1.5 sessions of 1–19 events per person every 6 days;
 * - then VACUUM (ANALYZE), as autovacuum would within minutes.
 */

export const SURVEY_WAVES = 5;
export const HISTORY_WEEKS = 26;
const USAGE_WINDOWS = 5;
const USAGE_WINDOW_DAYS = 6;
const DAY_MS = 86_400_000;

export interface SeedFigures {
  deployments: number;
  productionSuccesses: number;
  surveyResponses: number;
  usageEvents: number;
  usageSessions: number;
  ms: number;
}

export interface SeededSurvey {
  id: string;
  openWaveId: string;
  closedWaveId: string;
  /** The open wave's index (answers shift a little by wave). */
  openWaveIndex: number;
}

/** A knex client of the plugin's own PostgreSQL database. */
export function flywheelDatabase(config: { prefix?: unknown }): Knex {
  // In the URL: pg lets a connection string's database win over `database`.
  const url = new URL(pgConnectionString());
  url.pathname = `/${String(config.prefix)}flywheel`;
  return createKnex({
    client: 'pg',
    connection: { connectionString: url.toString() },
    pool: { min: 0, max: 8 },
  });
}

/** Runs `work` over the items, `concurrency` at a time. */
async function pool<T>(
  items: Iterable<T>,
  concurrency: number,
  work: (item: T) => Promise<void>,
) {
  const iterator = items[Symbol.iterator]();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let next = iterator.next(); !next.done; next = iterator.next()) {
        await work(next.value);
      }
    }),
  );
}

async function seedDeployments(
  db: Knex,
  dataset: LoadDataset,
  now: number,
): Promise<number> {
  const { catalog } = dataset;
  const owners = {
    teams: catalog.levels[3],
    departments: catalog.levels[2],
  };
  const plans = catalog.components.map((component, i) => {
    const plan = planService(i, owners, new Date(now), 0.5);
    return {
      ...plan,
      deploys: plan.deploys && component.spec?.type !== 'library',
    };
  });
  const store = new DeploymentStore(db);
  let batch: NewDeployment[] = [];
  let seeded = 0;
  const from = now - HISTORY_WEEKS * WEEK_MS;
  for (const d of allDeployments(plans, from, now)) {
    batch.push(toNewDeployment(d));
    if (batch.length >= 2000) {
      await store.write(batch, new Date(now));
      seeded += batch.length;
      batch = [];
    }
  }
  if (batch.length) {
    await store.write(batch, new Date(now));
    seeded += batch.length;
  }
  return seeded;
}

async function seedSurvey(
  db: Knex,
  dataset: LoadDataset,
  now: Date,
): Promise<{ survey: SeededSurvey; responses: number }> {
  const store = new SurveyStore(db);
  const definition = benchSurveyDefinition(SURVEY_WAVES, now);
  const waves = await createBenchSurvey(
    store,
    definition,
    SURVEY_WAVES,
    dataset.people.length,
    now,
  );
  const seeded = await seedResponses(store, {
    waves,
    teams: dataset.teams,
    responses: Math.round(dataset.people.length / 2) * SURVEY_WAVES,
    batchSize: 5000,
    now,
    progress: () => undefined,
  });
  const survey: SeededSurvey = {
    id: SURVEY_ID,
    openWaveId: waves[waves.length - 1].id,
    closedWaveId: waves[waves.length - 2].id,
    openWaveIndex: waves.length - 1,
  };
  return { survey, responses: seeded.responses };
}

async function seedUsage(db: Knex, dataset: LoadDataset, now: number) {
  const store = new UsageStore(db);
  const pages = usagePages(dataset.componentRefs);
  const rnd = prng(hashOf('load:usage-history'));
  const perWindow = Math.round(dataset.people.length * 1.5);
  const written = { events: 0, sessions: 0 };
  for (let w = 0; w < USAGE_WINDOWS; w++) {
    const receivedAt = new Date(now - w * USAGE_WINDOW_DAYS * DAY_MS);
    const posts = Array.from({ length: perWindow }, () => {
      const person = dataset.people[Math.floor(rnd() * dataset.people.length)];
      const body = {
        events: sessionEvents(
          rnd,
          pages,
          1 + Math.floor(rnd() * 19),
          receivedAt.getTime(),
        ),
        sentAt: receivedAt.toISOString(),
      };
      return {
        userRef: person.userRef,
        parsed: parseUsageEvents(body, receivedAt),
      };
    });
    await pool(posts, 6, async post => {
      await store.record(post.userRef, post.parsed, receivedAt);
      written.events += post.parsed.length;
      written.sessions += 1;
    });
  }
  return written;
}

const countOf = async (query: Knex.QueryBuilder) =>
  Number(((await query) as { n: unknown }[])[0]?.n ?? 0);

/** Seeds the history; returns what it wrote and the survey's waves. */
export async function seedHistory(
  db: Knex,
  dataset: LoadDataset,
): Promise<{ figures: SeedFigures; survey: SeededSurvey }> {
  const started = performance.now();
  // Whole minutes, as the metrics benchmark's plans are made.
  const now = Math.floor(Date.now() / 60_000) * 60_000;
  const deployments = await seedDeployments(db, dataset, now);
  log(
    `seeded ${fmt(deployments)} deployments (${HISTORY_WEEKS} weeks) in ${secs(
      performance.now() - started,
    )}`,
  );
  const surveyStarted = performance.now();
  const { survey, responses } = await seedSurvey(db, dataset, new Date());
  log(
    `seeded the survey: ${SURVEY_WAVES} waves, ${fmt(
      responses,
    )} responses in ${secs(performance.now() - surveyStarted)}`,
  );
  const usageStarted = performance.now();
  const usage = await seedUsage(db, dataset, Date.now());
  log(
    `seeded ${fmt(usage.events)} usage events in ${fmt(
      usage.sessions,
    )} sessions (${USAGE_WINDOWS * USAGE_WINDOW_DAYS} days) in ${secs(
      performance.now() - usageStarted,
    )}`,
  );
  await db.raw(
    'VACUUM (ANALYZE) metric_deployments, metric_deployment_commits, metric_first_deployments, survey_participation, survey_responses, survey_answers, survey_comments, survey_waves, usage_events, usage_user_days, usage_route_users, usage_route_days',
  );
  const productionSuccesses = await countOf(
    db('metric_deployments')
      .where({ environment: 'PRODUCTION', result: 'SUCCESS' })
      .count({ n: '*' }),
  );
  return {
    figures: {
      deployments,
      productionSuccesses,
      surveyResponses: responses,
      usageEvents: usage.events,
      usageSessions: usage.sessions,
      ms: performance.now() - started,
    },
    survey,
  };
}
