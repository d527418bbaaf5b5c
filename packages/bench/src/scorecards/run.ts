import { stringifyEntityRef } from '@backstage/catalog-model';
import { loadavg, cpus } from 'node:os';
import { cpuProfiler, ingestCatalog, log, median, sleep } from '../harness';
import { ScorecardDbKind, withScorecardsBackend } from './backend';
import { generateCatalog } from './catalogData';
import {
  catalogStitched,
  measureCatalogReads,
  readAllComponents,
} from './catalogPhase';
import { runEvaluations } from './evaluationPhase';
import { runHttpLoads } from './httpPhase';
import { DbResult } from './results';
import { compareTechInsights } from './techInsightsPhase';

/** The whole benchmark on one database engine. */
export async function runOnDatabase(options: {
  db: ScorecardDbKind;
  entities: number;
  skipTechInsights?: boolean;
  cpuProfileDir?: string;
}): Promise<DbResult> {
  const { db, entities } = options;
  const pg = db === 'pg';
  const profile = cpuProfiler(options.cpuProfileDir);
  const synthetic = generateCatalog(entities);
  const all = synthetic.all();
  log(
    `[${db}] ${synthetic.components.length.toLocaleString(
      'en-US',
    )} components, ${synthetic.groups.length} groups in 4 levels, ${
      synthetic.others.length
    } systems/domains/templates`,
  );

  return withScorecardsBackend(db, async ({ backend }, { scheduler }) => {
    const { catalog, auth } = backend.flywheel;
    const credentials = await auth.getOwnServiceCredentials();

    // 1. The catalog, from a real entity provider.
    const ingestMs = await ingestCatalog(
      backend,
      all,
      catalogStitched(synthetic),
    );
    await sleep(2000);

    // 2. Baseline: just reading the components through the catalog API.
    const reads = await measureCatalogReads(catalog, credentials, {
      entities,
      pg,
    });
    const catalogReadMs = reads.readsMs;

    // 3. Flywheel's engine.
    const evaluations = await runEvaluations(backend, {
      synthetic,
      entities,
      pg,
      profile,
      readCatalogOnce: async () => {
        catalogReadMs.push((await readAllComponents(catalog, credentials)).ms);
      },
    });

    // 4. HTTP: the real plugin's router, 20 concurrent clients.
    const loadAverage: DbResult['loadAverage'] = {
      evaluation: evaluations.loadAverage,
      http: loadavg()[0],
    };
    const http = await runHttpLoads(backend.baseUrl, {
      synthetic,
      sampleRef: evaluations.changedRefs[0],
      profile,
    });

    // 5. Tech Insights on the same catalog and database engine.
    const techInsights = options.skipTechInsights
      ? undefined
      : await compareTechInsights(
          scheduler,
          backend.baseUrl,
          synthetic.components.map(e => stringifyEntityRef(e)),
          profile,
        );
    if (techInsights) {
      loadAverage.techInsights = techInsights.loadAverage;
    }

    return {
      db,
      entities,
      catalogEntities: all.length,
      ingestMs,
      catalogReadMs,
      catalogReadMedianMs: median(catalogReadMs),
      cold: evaluations.cold,
      warm: evaluations.warm,
      changedEntities: evaluations.changedRefs.length,
      incremental: evaluations.incremental,
      warmAfterChange: evaluations.warmAfterChange,
      snapshotsMs: evaluations.snapshotsMs,
      flywheelStates: evaluations.flywheelStates,
      cpu: { cores: cpus().length, read: reads.cpu, ...evaluations.cpu },
      rss: {
        ...evaluations.rss,
        peakDuringTechInsightsMb: techInsights?.peakDuringTechInsightsMb,
      },
      http,
      techInsights: techInsights?.techInsights,
      techInsightsError: techInsights?.techInsightsError,
      loadAverage,
    };
  });
}
