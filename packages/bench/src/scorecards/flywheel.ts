/* eslint-disable @backstage/no-forbidden-package-imports --
 * The engine, store and catalog reader are internals of the Flywheel backend
 * plugin (it exports only the plugin). The benchmark builds them exactly as
 * plugin.ts does, on the plugin's own database and catalog client, so it can
 * time evaluateAll / evaluateEntities and profile their phases. The HTTP
 * figures come from the real plugin's router in the same backend. */
import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
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
import {
  GOLDEN_PATH_METRICS,
  GoldenPathService,
} from '@flywheel/plugin-flywheel-backend/src/goldenPaths/GoldenPathService';
import { ScaffolderRunStore } from '@flywheel/plugin-flywheel-backend/src/goldenPaths/ScaffolderRunStore';
import { BenchHandles } from './backend';
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
export interface SqlTiming {
  statement: string;
  count: number;
  ms: number;
}

function normaliseSql(sql: string): string {
  return sql
    .replace(/\s+/g, ' ')
    .replace(/(\?|\$\d+)(\s*,\s*(\?|\$\d+))+/g, '…')
    .slice(0, 110);
}

/** Times every query of a knex instance by listening to its events. */
function sqlTimer(db: Knex) {
  const started = new Map<string, { at: number; key: string }>();
  const totals = new Map<string, SqlTiming>();
  let active = false;
  const onQuery = (data: { __knexQueryUid?: string; sql?: string }) => {
    if (active && data.__knexQueryUid && data.sql) {
      started.set(data.__knexQueryUid, {
        at: now(),
        key: normaliseSql(data.sql),
      });
    }
  };
  const onDone = (_response: unknown, data: { __knexQueryUid?: string }) => {
    const start = data?.__knexQueryUid
      ? started.get(data.__knexQueryUid)
      : undefined;
    if (!start) {
      return;
    }
    started.delete(data.__knexQueryUid!);
    const entry = totals.get(start.key) ?? {
      statement: start.key,
      count: 0,
      ms: 0,
    };
    entry.count += 1;
    entry.ms += now() - start.at;
    totals.set(start.key, entry);
  };
  db.on('query', onQuery);
  db.on('query-response', onDone);
  db.on('query-error', (error: unknown, data: { __knexQueryUid?: string }) =>
    onDone(error, data),
  );
  return {
    start() {
      started.clear();
      totals.clear();
      active = true;
    },
    stop(top = 8): SqlTiming[] {
      active = false;
      return [...totals.values()].sort((a, b) => b.ms - a.ms).slice(0, top);
    },
  };
}

/**
 * Accumulates, per phase, the wall time during which at least one of its
 * calls was in flight. The engine reads the next catalog page ahead and, on
 * PostgreSQL, writes in the background, so phases overlap; the time when no
 * call at all was in flight is the engine's own work.
 */
class Profiler {
  private totals = new Map<string, number>();
  private inFlight = new Map<string, { count: number; since: number }>();
  private anyCount = 0;
  private anySince = 0;
  private anyTotal = 0;

  private begin(phase: string) {
    const state = this.inFlight.get(phase) ?? { count: 0, since: 0 };
    if (state.count++ === 0) {
      state.since = now();
    }
    this.inFlight.set(phase, state);
    if (this.anyCount++ === 0) {
      this.anySince = now();
    }
  }

  private end(phase: string) {
    const state = this.inFlight.get(phase)!;
    if (--state.count === 0) {
      this.totals.set(
        phase,
        (this.totals.get(phase) ?? 0) + now() - state.since,
      );
    }
    if (--this.anyCount === 0) {
      this.anyTotal += now() - this.anySince;
    }
  }

  reset() {
    this.totals.clear();
    this.inFlight.clear();
    this.anyCount = 0;
    this.anyTotal = 0;
  }

  get(phase: string) {
    return this.totals.get(phase) ?? 0;
  }

  /** Wall time with any call of any phase in flight. */
  get busy() {
    return this.anyTotal;
  }

  /** Wraps the async methods of an object so their time counts as `phase`. */
  wrap<T extends object>(target: T, phaseOf: (method: string) => string): T {
    return new Proxy(target, {
      get: (obj, prop, receiver) => {
        const value = Reflect.get(obj, prop, receiver);
        if (typeof value !== 'function' || typeof prop !== 'string') {
          return value;
        }
        const phase = phaseOf(prop);
        return (...args: unknown[]) => {
          this.begin(phase);
          let result: any;
          try {
            result = value.apply(obj, args);
          } catch (error) {
            this.end(phase);
            throw error;
          }
          if (result && typeof result.then === 'function') {
            return result.finally(() => this.end(phase));
          }
          this.end(phase);
          if (result && typeof result[Symbol.asyncIterator] === 'function') {
            return this.timeIterable(result, phase);
          }
          return result;
        };
      },
    });
  }

  /** Counts the time each page of an async iterable is in flight. */
  timeIterable<V>(iterable: AsyncIterable<V>, phase: string): AsyncIterable<V> {
    const begin = () => this.begin(phase);
    const end = () => this.end(phase);
    return {
      [Symbol.asyncIterator]() {
        const iterator = iterable[Symbol.asyncIterator]();
        return {
          async next() {
            begin();
            try {
              return await iterator.next();
            } finally {
              end();
            }
          },
          async return(value?: unknown) {
            return iterator.return
              ? iterator.return(value)
              : { done: true as const, value: undefined };
          },
        };
      },
    };
  }
}

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
    goldenPaths: new GoldenPathService(catalogReader, runs),
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
export function createProfiledEngine(handles: BenchHandles['flywheel']) {
  const profiler = new Profiler();
  return (async () => {
    const db = await handles.database.getClient();
    const sql = sqlTimer(db);
    const { engine, scorecards } = buildEngine({
      db,
      config: handles.config,
      catalog: handles.catalog,
      auth: handles.auth,
      logger: handles.logger,
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
      const statements = sql.stop();
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
