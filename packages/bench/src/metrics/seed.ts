import { Knex } from 'knex';
import { fmt, log, secs } from '../harness';
import { allDeployments, toNewDeployment } from './deployments';
import { DeploymentStore, NewDeployment } from './flywheel';
import { MetricsContext } from './results';

export interface SeedResult {
  /** Deployments written by the seed (not through HTTP). */
  seeded: number;
  ms: number;
  perSecond: number;
  vacuumMs?: number;
  /** What the tables hold afterwards. */
  stored: {
    deployments: number;
    production: number;
    commits: number;
    firstDeployments: number;
    reportingServices: number;
  };
}

const count = async (query: Knex.QueryBuilder) =>
  Number(((await query) as { n: unknown }[])[0]?.n ?? 0);

/**
 * The history the series read: every deployment the HTTP ingest did not
 * send, written straight into the plugin's database with the plugin's
 * DeploymentStore (the same statements as a post, without HTTP and the
 * catalog lookups), `seedBatch` a write. Then, on PostgreSQL, what
 * autovacuum would do within minutes (VACUUM ANALYZE), so every run
 * measures the same settled tables. SQLite gets no ANALYZE: nothing runs
 * one in a Backstage deployment either.
 */
export async function seedHistory(
  context: MetricsContext,
): Promise<SeedResult> {
  const { catalog, dataset, knex, options } = context;
  const store = new DeploymentStore(knex);
  const now = new Date(dataset.now);
  const started = performance.now();
  let lastReport = started;
  let batch: NewDeployment[] = [];
  let seeded = 0;
  const flush = async () => {
    await store.write(batch, now);
    seeded += batch.length;
    batch = [];
    if (performance.now() - lastReport > 20_000) {
      lastReport = performance.now();
      const ms = performance.now() - started;
      log(
        `seeding: ${fmt(seeded)} deployments after ${secs(ms)} (${fmt(
          Math.round((seeded / ms) * 1000),
        )}/s)`,
      );
    }
  };
  let i = 0;
  for (const d of allDeployments(catalog.plans, dataset.from, dataset.now)) {
    const viaHttp = dataset.viaHttp(i++);
    if (viaHttp && context.httpIngested) {
      continue;
    }
    batch.push(toNewDeployment(d));
    if (batch.length >= options.seedBatch) {
      await flush();
    }
  }
  if (batch.length > 0) {
    await flush();
  }
  const ms = performance.now() - started;
  log(
    `seeded ${fmt(seeded)} deployments in ${secs(ms)} (${fmt(
      Math.round((seeded / ms) * 1000),
    )}/s) with DeploymentStore.write, ${fmt(options.seedBatch)} a write`,
  );
  let vacuumMs: number | undefined;
  if (options.db === 'pg') {
    const vacuumStarted = performance.now();
    await knex.raw(
      'VACUUM (ANALYZE) metric_deployments, metric_deployment_commits, metric_first_deployments',
    );
    vacuumMs = performance.now() - vacuumStarted;
    log(`VACUUM (ANALYZE) of the metric tables: ${secs(vacuumMs)}`);
  }
  const stored = {
    deployments: await count(knex('metric_deployments').count({ n: '*' })),
    production: await count(
      knex('metric_deployments')
        .where('environment', 'PRODUCTION')
        .count({ n: '*' }),
    ),
    commits: await count(knex('metric_deployment_commits').count({ n: '*' })),
    firstDeployments: await count(
      knex('metric_first_deployments').count({ n: '*' }),
    ),
    reportingServices: await count(
      knex('metric_deployments')
        .where('environment', 'PRODUCTION')
        .countDistinct({ n: 'entity_ref' }),
    ),
  };
  if (stored.deployments !== dataset.total) {
    throw new Error(
      `The tables hold ${stored.deployments} deployments, ${dataset.total} were generated`,
    );
  }
  log(
    `stored: ${fmt(stored.deployments)} deployments (${fmt(
      stored.production,
    )} production), ${fmt(stored.commits)} commits, ${fmt(
      stored.reportingServices,
    )} services reporting, ${fmt(stored.firstDeployments)} first deployments`,
  );
  return {
    seeded,
    ms,
    perSecond: (seeded / ms) * 1000,
    vacuumMs,
    stored,
  };
}
