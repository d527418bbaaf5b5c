/* eslint-disable @backstage/no-forbidden-package-imports --
 * The engine, store and catalog reader are internals of the Flywheel backend
 * plugin (it exports only the plugin). The benchmark builds them exactly as
 * plugin.ts does, on the plugin's own database and catalog client, so it can
 * time evaluateAll / evaluateEntities and profile their phases. The HTTP
 * figures come from the real plugin's router in the same backend. */
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Knex } from 'knex';
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
  /** The rest: matching filters, running checks, levels, hashing (CPU). */
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

/** Accumulates time per phase while an evaluation runs. */
class Profiler {
  private totals = new Map<string, number>();

  add(phase: string, ms: number) {
    this.totals.set(phase, (this.totals.get(phase) ?? 0) + ms);
  }

  reset() {
    this.totals.clear();
  }

  get(phase: string) {
    return this.totals.get(phase) ?? 0;
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
          const started = now();
          const result = value.apply(obj, args);
          if (result && typeof result.then === 'function') {
            return result.finally(() => this.add(phase, now() - started));
          }
          if (result && typeof result[Symbol.asyncIterator] === 'function') {
            this.add(phase, now() - started);
            return this.timeIterable(result, phase);
          }
          this.add(phase, now() - started);
          return result;
        };
      },
    });
  }

  /** Counts the time spent waiting for each page of an async iterable. */
  timeIterable<V>(iterable: AsyncIterable<V>, phase: string): AsyncIterable<V> {
    const add = (ms: number) => this.add(phase, ms);
    return {
      [Symbol.asyncIterator]() {
        const iterator = iterable[Symbol.asyncIterator]();
        return {
          async next() {
            const started = now();
            try {
              return await iterator.next();
            } finally {
              add(now() - started);
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
 * Flywheel's scorecard engine wired as plugin.ts wires it — same database,
 * catalog client, scorecard definitions and fact provider — with each
 * dependency timed, so a run's wall time splits into phases.
 */
export function createProfiledEngine(handles: BenchHandles['flywheel']) {
  const profiler = new Profiler();
  return (async () => {
    const db = await handles.database.getClient();
    const sql = sqlTimer(db);
    const checkTypes = checkTypesById(builtinCheckTypes);
    const scorecards = resolveScorecards(handles.config, {
      checkTypes,
      validation: {
        factProviders: new Set([qualityFactProvider.id]),
        metrics: new Set<string>(GOLDEN_PATH_METRICS),
      },
    });
    const catalog = profiler.wrap<CatalogService>(
      handles.catalog,
      () => 'catalog',
    );
    const catalogReader = new CatalogReader(catalog);
    const runs = profiler.wrap(new ScaffolderRunStore(db), () => 'storeReads');
    const store = profiler.wrap(new ScorecardStore(db), method =>
      STORE_READS.has(method) ? 'storeReads' : 'storeWrites',
    );
    const engine = new ScorecardEngine({
      scorecards,
      checkTypes,
      store,
      catalog: catalogReader,
      goldenPaths: new GoldenPathService(catalogReader, runs),
      factProviders: [qualityFactProvider],
      auth: handles.auth,
      logger: handles.logger,
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
      profile.evaluation = Math.max(
        0,
        wallMs -
          profile.catalog -
          profile.facts -
          profile.storeReads -
          profile.storeWrites,
      );
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
