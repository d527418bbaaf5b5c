import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { loadavg } from 'node:os';
import { cpuProfiler, fmt, ingestCatalog, log, sleep } from '../harness';
import { generateCatalog } from '../scorecards/catalogData';
import { catalogStitched } from '../scorecards/catalogPhase';
import { withCampaignsBackend } from './backend';
import { createCampaignsInProcess } from './flywheel';
import { runIncremental } from './incrementalPhase';
import { runReadLoads } from './readPhase';
import { CampaignsDbResult, CampaignsRunOptions } from './results';
import { setUpCampaigns } from './setupPhase';

/** The whole benchmark on one database engine. */
export async function runOnDatabase(
  options: CampaignsRunOptions,
): Promise<CampaignsDbResult> {
  const { db, entities } = options;
  const profile = cpuProfiler(options.cpuProfileDir);
  const synthetic = generateCatalog(entities);
  const all = synthetic.all();
  log(
    `[${db}] ${fmt(synthetic.components.length)} components, ${
      synthetic.groups.length
    } groups in 4 levels, ${synthetic.others.length} systems/domains/templates`,
  );
  const components = new Map<string, Entity>(
    synthetic.components.map(e => [stringifyEntityRef(e), e]),
  );

  return withCampaignsBackend(db, async ({ backend }) => {
    // 1. The catalog, from a real entity provider.
    const ingestMs = await ingestCatalog(
      backend,
      all,
      catalogStitched(synthetic),
    );
    await sleep(2000);

    // 2. The scorecards' first evaluation, the two campaigns, refreshAll.
    const loadAverage = { setup: loadavg()[0], http: 0, incremental: 0 };
    const flywheel = await createCampaignsInProcess(backend.flywheel);
    const setup = await setUpCampaigns(backend, flywheel, {
      components,
      profile,
    });

    // 3. The campaign page's reads, 20 readers.
    loadAverage.http = loadavg()[0];
    const http = await runReadLoads(backend, {
      campaignIds: setup.campaigns.map(c => c.id),
      readers: options.readers,
      seconds: options.seconds,
      profile,
    });

    // 4. 100 changed components: scorecards, then the campaigns' refresh.
    loadAverage.incremental = loadavg()[0];
    const incremental = await runIncremental(backend, flywheel, {
      synthetic,
      entities,
      components,
      rounds: options.rounds,
      profile,
    });

    return {
      db,
      entities,
      catalogEntities: all.length,
      ingestMs,
      loadAverage,
      firstEvaluationMs: setup.firstEvaluationMs,
      campaigns: setup.campaigns,
      refreshAll: setup.refreshAll,
      http,
      incremental,
    };
  });
}
