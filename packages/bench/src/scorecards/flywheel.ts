/* eslint-disable @backstage/no-forbidden-package-imports --
 * The engine, store and catalog reader are internals of the Flywheel backend
 * plugin (it exports only the plugin). The benchmark builds them exactly as
 * plugin.ts does, on the plugin's own database and catalog client, so it can
 * time evaluateAll / evaluateEntities and profile their phases. The HTTP
 * figures come from the real plugin's router in the same backend. */
import {
  AuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Knex } from 'knex';
import { connectDatabase } from '@flywheel/plugin-flywheel-backend/src/database/migrate';
import {
  builtinCheckTypes,
  checkTypesById,
} from '@flywheel/plugin-flywheel-backend/src/scorecards/checks';
import { resolveScorecards } from '@flywheel/plugin-flywheel-backend/src/scorecards/config';
import { ScorecardEngine } from '@flywheel/plugin-flywheel-backend/src/scorecards/engine/ScorecardEngine';
import { ScorecardStore } from '@flywheel/plugin-flywheel-backend/src/scorecards/store/ScorecardStore';
import { CatalogReader } from '@flywheel/plugin-flywheel-backend/src/catalog/CatalogReader';
import { EntityVisibility } from '@flywheel/plugin-flywheel-backend/src/catalog/EntityVisibility';
import {
  GOLDEN_PATH_METRICS,
  GoldenPathService,
} from '@flywheel/plugin-flywheel-backend/src/goldenPaths/GoldenPathService';
import { ScaffolderRunStore } from '@flywheel/plugin-flywheel-backend/src/goldenPaths/ScaffolderRunStore';
import {
  FlywheelHandles,
  sqlRecorder,
  statementTotals,
  StatementTotal,
} from '../harness';
import { PhaseProfiler } from './phaseProfiler';
import { factProviderTime, qualityFactProvider } from './flywheelFacts';

export type { EvaluationStats } from '@flywheel/plugin-flywheel-backend/src/scorecards/engine/ScorecardEngine';

/** Where an evaluation's wall time went, in milliseconds. */
export interface PhaseProfile {
  /** Waiting for the catalog API (pages of entities, groups, templates). */
  catalog: number;
  /** Inside fact providers. */
  facts: number;
  /** Store reads before evaluating (stored hashes, exemptions, runs). */
  storeReads: number;
  /** Store writes (results, checks, transitions, ancestry, deletes, ANALYZE). */
  storeWrites: number;
  /**
   * Nothing in flight: matching filters, running checks, levels, hashing,
   * preparing writes (CPU). The other phases are in-flight times and overlap.
   */
  evaluation: number;
}

const now = () => performance.now();

/** Time per SQL statement (normalised) during one evaluation. */
export type SqlTiming = StatementTotal;

const STORE_READS = new Set(['inputHashes', 'activeExemptions']);

/**
 * Flywheel's scorecard engine as plugin.ts builds it: the bench's scorecard
 * config, the real check types and the in-process fact provider. `wrap`
 * lets the caller time the catalog and store calls.
 */
export function buildEngine(options: {
  db: Knex;
  config: Config;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  permissions: PermissionsService;
  wrap?: <T extends object>(target: T, phase: (method: string) => string) => T;
}) {
  const { db, wrap = target => target } = options;
  const checkTypes = checkTypesById(builtinCheckTypes);
  const scorecards = resolveScorecards(options.config, {
    checkTypes,
    validation: {
      factProviders: new Set([qualityFactProvider.id]),
      metrics: new Set<string>(GOLDEN_PATH_METRICS),
    },
  });
  const catalogReader = new CatalogReader(
    wrap(options.catalog, () => 'catalog'),
  );
  const runs = wrap(new ScaffolderRunStore(db), () => 'storeReads');
  const store = wrap(new ScorecardStore(db), method =>
    STORE_READS.has(method) ? 'storeReads' : 'storeWrites',
  );
  const engine = new ScorecardEngine({
    scorecards,
    checkTypes,
    store,
    catalog: catalogReader,
    goldenPaths: new GoldenPathService({
      catalog: catalogReader,
      runs,
      permissions: options.permissions,
      auth: options.auth,
      visibility: new EntityVisibility({
        catalog: catalogReader,
        permissions: options.permissions,
        kinds: ['component', 'template'],
      }),
    }),
    factProviders: [qualityFactProvider],
    auth: options.auth,
    logger: options.logger,
  });
  return { engine, scorecards };
}

/** Brings a database to Flywheel's schema, as the plugin does at startup. */
export async function migrateFlywheel(db: Knex): Promise<void> {
  await connectDatabase({ getClient: async () => db });
}

/** A read of Flywheel's entity results, as the API's handler makes it. */
export function entityResultsReader(db: Knex) {
  const store = new ScorecardStore(db);
  return (entityRef: string) => store.getEntityResults(entityRef);
}

/**
 * Flywheel's scorecard engine wired as plugin.ts wires it — same database,
 * catalog client, scorecard definitions and fact provider — with each
 * dependency timed, so a run's wall time splits into phases.
 */
export function createProfiledEngine(handles: FlywheelHandles) {
  const profiler = new PhaseProfiler();
  return (async () => {
    const db = await handles.database.getClient();
    const sql = sqlRecorder(db, 110);
    const { engine, scorecards } = buildEngine({
      db,
      config: handles.config,
      catalog: handles.catalog,
      auth: handles.auth,
      logger: handles.logger,
      permissions: handles.permissions,
      wrap: (target, phase) => profiler.wrap(target, phase),
    });

    /** Runs one evaluation and splits its wall time into phases. */
    async function profiled<S extends { durationMs: number }>(
      run: () => Promise<S>,
    ): Promise<{
      stats: S;
      wallMs: number;
      profile: PhaseProfile;
      sql: SqlTiming[];
    }> {
      profiler.reset();
      sql.start();
      const factsBefore = factProviderTime.ms;
      const started = now();
      const stats = await run();
      const wallMs = now() - started;
      const statements = statementTotals(sql.stop().queries).slice(0, 8);
      const facts = factProviderTime.ms - factsBefore;
      const profile: PhaseProfile = {
        catalog: profiler.get('catalog'),
        facts,
        storeReads: profiler.get('storeReads'),
        storeWrites: profiler.get('storeWrites'),
        evaluation: 0,
      };
      profile.evaluation = Math.max(0, wallMs - profiler.busy - facts);
      return { stats, wallMs, profile, sql: statements };
    }

    return {
      engine,
      store: new ScorecardStore(db),
      scorecards,
      evaluateAll: () => profiled(() => engine.evaluateAll()),
      evaluateEntities: (refs: string[]) =>
        profiled(() => engine.evaluateEntities(refs)),
    };
  })();
}
