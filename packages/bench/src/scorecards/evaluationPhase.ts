import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { loadavg } from 'node:os';
import {
  BenchBackend,
  cpuMeter,
  CpuUse,
  log,
  secs,
  sleep,
  Profile,
} from '../harness';
import {
  makeComponent,
  ownersOf,
  REVISION_ANNOTATION,
  SyntheticCatalog,
} from './catalogData';
import { createProfiledEngine } from './flywheel';
import { DbResult, Evaluation } from './results';

/** Samples the RSS every 20 ms; `stop` returns the peak in MB. */
export function rssSampler() {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 20);
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage.rss());
      return peak / 1024 / 1024;
    },
  };
}

export interface EvaluationsResult {
  cold: Evaluation;
  warm: Evaluation;
  incremental: Evaluation;
  warmAfterChange: Evaluation;
  changedRefs: string[];
  cpu: { cold: CpuUse; warm: CpuUse };
  rss: Omit<DbResult['rss'], 'peakDuringTechInsightsMb'>;
  flywheelStates: Record<string, number>;
  snapshotsMs: number;
  /** Load average before the evaluations. */
  loadAverage: number;
}

/**
 * Changes 100 components in the catalog (a delta mutation) and waits until
 * the catalog serves them with their owners.
 */
async function changeComponents(
  backend: BenchBackend,
  credentials: BackstageCredentials,
  synthetic: SyntheticCatalog,
  entities: number,
): Promise<string[]> {
  const owners = ownersOf(synthetic);
  const step = Math.max(1, Math.floor(entities / 100));
  const changed: Entity[] = [];
  for (let i = 0; i < entities && changed.length < 100; i += step) {
    changed.push(makeComponent(i, owners.teams, owners.departments, 1));
  }
  const changedRefs = changed.map(e => stringifyEntityRef(e));
  await backend.provider.update(changed);
  const changeStarted = performance.now();
  for (;;) {
    const { items } = await backend.flywheel.catalog.getEntitiesByRefs(
      { entityRefs: changedRefs },
      { credentials },
    );
    if (
      items.every(
        e =>
          e?.metadata.annotations?.[REVISION_ANNOTATION] === '1' &&
          e.relations?.some(r => r.type === RELATION_OWNED_BY),
      )
    ) {
      break;
    }
    await sleep(250);
  }
  log(
    `catalog: ${changed.length} changed components readable after ${secs(
      performance.now() - changeStarted,
    )}`,
  );
  await sleep(3000); // let the catalog finish stitching the owners
  return changedRefs;
}

/**
 * Flywheel's engine: cold and warm evaluateAll, then 100 changed
 * components evaluated alone and a warm evaluateAll after them, with CPU,
 * memory, the stored states and the daily snapshots. `readCatalogOnce`
 * runs between the cold and the warm evaluation (a baseline read after it).
 */
export async function runEvaluations(
  backend: BenchBackend,
  options: {
    synthetic: SyntheticCatalog;
    entities: number;
    pg: boolean;
    profile: Profile;
    readCatalogOnce(): Promise<void>;
  },
): Promise<EvaluationsResult> {
  const { flywheel: handles } = backend;
  const credentials = await handles.auth.getOwnServiceCredentials();
  const flywheel = await createProfiledEngine(handles);
  if (global.gc) {
    global.gc();
  }
  const beforeEvaluationMb = process.memoryUsage.rss() / 1024 / 1024;
  const loadAverage = loadavg()[0];
  const sampler = rssSampler();
  const coldCpu = cpuMeter(options.pg);
  const cold = await options.profile('cold-evaluation', () =>
    flywheel.evaluateAll(),
  );
  const cpu = { cold: coldCpu.stop(), warm: { processMs: 0, databaseMs: 0 } };
  log(
    `Flywheel cold evaluateAll: ${secs(cold.wallMs)} (${
      cold.stats.evaluations
    } evaluations, ${cold.stats.entitiesWritten} results and ${
      cold.stats.checksWritten
    } check rows written)`,
  );
  await options.readCatalogOnce();
  const warmCpu = cpuMeter(options.pg);
  const warm = await flywheel.evaluateAll();
  cpu.warm = warmCpu.stop();
  log(
    `Flywheel warm evaluateAll: ${secs(warm.wallMs)} (${
      warm.stats.unchanged
    } unchanged, ${warm.stats.entitiesWritten} written)`,
  );

  const changedRefs = await changeComponents(
    backend,
    credentials,
    options.synthetic,
    options.entities,
  );
  const incremental = await flywheel.evaluateEntities(changedRefs);
  log(
    `Flywheel evaluateEntities(${changedRefs.length} changed): ${secs(
      incremental.wallMs,
    )} (${incremental.stats.entitiesWritten} results written)`,
  );
  const warmAfterChange = await flywheel.evaluateAll();
  log(
    `Flywheel warm evaluateAll after the change: ${secs(
      warmAfterChange.wallMs,
    )} (${warmAfterChange.stats.entitiesWritten} written)`,
  );
  const peakDuringEvaluationMb = sampler.stop();
  const processMaxRssMb = process.resourceUsage().maxRSS / 1024;

  const resultsDb = await handles.database.getClient();
  const flywheelStates: Record<string, number> = {};
  for (const row of (await resultsDb('scorecard_owner_checks')
    .select('state')
    .sum({ n: 'n' })
    .groupBy('state')) as { state: string; n: string | number }[]) {
    flywheelStates[row.state] = Number(row.n);
  }
  log(`Flywheel check results by state: ${JSON.stringify(flywheelStates)}`);

  const snapshotsStarted = performance.now();
  await flywheel.engine.writeSnapshots();
  const snapshotsMs = performance.now() - snapshotsStarted;

  return {
    cold,
    warm,
    incremental,
    warmAfterChange,
    changedRefs,
    cpu,
    rss: { beforeEvaluationMb, peakDuringEvaluationMb, processMaxRssMb },
    flywheelStates,
    snapshotsMs,
    loadAverage,
  };
}
