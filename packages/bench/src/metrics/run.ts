import { RELATION_OWNED_BY } from '@backstage/catalog-model';
import { loadavg } from 'node:os';
import {
  cpuProfiler,
  fmt,
  groupTreeStitched,
  ingestCatalog,
  log,
  sqlRecorder,
  Stitched,
} from '../harness';
import { withMetricsBackend } from './backend';
import { generateMetricsCatalog, MetricsCatalog } from './catalogData';
import { countDeployments, evenlySpread } from './deployments';
import {
  Dataset,
  MetricsContext,
  MetricsDbResult,
  MetricsRunOptions,
} from './results';
import { SCENARIOS } from './scenarios';

/** Stitched: every component owned, every group in its tree, the templates. */
const catalogStitched =
  (catalog: MetricsCatalog): Stitched =>
  async read => {
    const components = await read('Component');
    const groups = await read('Group');
    const templates = await read('Template');
    return (
      components.length === catalog.components.length &&
      components.every(c =>
        c.relations?.some(r => r.type === RELATION_OWNED_BY),
      ) &&
      templates.length === catalog.templates.length &&
      groups.length === catalog.groups.length &&
      groupTreeStitched(groups, catalog.groups)
    );
  };

/** The deployments of the run: `years` of history up to its start. */
function planDataset(
  catalog: MetricsCatalog,
  options: MetricsRunOptions,
  now: number,
): Dataset {
  const start = new Date(now);
  start.setUTCFullYear(start.getUTCFullYear() - options.years);
  const from = start.getTime();
  const { total, commits } = countDeployments(catalog.plans, from, now);
  const ingesting = options.scenarios.includes('ingest');
  if (ingesting && total < options.deployments) {
    throw new Error(
      `${fmt(options.services)} services give ${fmt(
        total,
      )} deployments, fewer than --deployments ${fmt(
        options.deployments,
      )}: ask for more services, more --per-week or fewer deployments`,
    );
  }
  const httpCount = ingesting ? options.deployments : 0;
  return {
    now,
    from,
    total,
    commits,
    viaHttp: evenlySpread(total, httpCount),
    httpCount,
  };
}

/** Every chosen scenario on one database engine, on one backend. */
export async function runOnDatabase(
  options: MetricsRunOptions,
): Promise<MetricsDbResult> {
  const { db } = options;
  // Whole minutes: the catalog's creation times and the deployments agree.
  const now = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  const catalog = generateMetricsCatalog(
    options.services,
    now,
    options.perWeek,
  );
  const dataset = planDataset(catalog, options, now.getTime());
  log(
    `[${db}] ${catalog.groups.length} groups (${
      catalog.levels[3].length
    } teams), ${catalog.templates.length} templates, ${fmt(
      catalog.components.length,
    )} components; ${options.years} years of deployments: ${fmt(
      dataset.total,
    )} (${fmt(dataset.commits)} commits), ${fmt(
      dataset.httpCount,
    )} of them through HTTP`,
  );
  return withMetricsBackend(db, async run => {
    const catalogIngestMs = await ingestCatalog(
      run.backend,
      catalog.all(),
      catalogStitched(catalog),
    );
    const knex = await run.backend.flywheel.database.getClient();
    const context: MetricsContext = {
      options,
      run,
      catalog,
      dataset,
      knex,
      recorder: sqlRecorder(knex, 160),
      profile: cpuProfiler(options.cpuProfileDir),
      httpIngested: false,
    };
    const loadAverage = loadavg()[0];
    const scenarios: MetricsDbResult['scenarios'] = {};
    for (const scenario of SCENARIOS) {
      if (options.scenarios.includes(scenario.id)) {
        log(`-- ${scenario.title}`);
        scenarios[scenario.id] = await scenario.run(context);
      }
    }
    return {
      db,
      services: catalog.components.length,
      groups: catalog.groups.length,
      catalogEntities: catalog.all().length,
      catalogIngestMs,
      dataset: {
        total: dataset.total,
        commits: dataset.commits,
        httpCount: dataset.httpCount,
      },
      loadAverage,
      scenarios,
    };
  });
}
