import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { filterPredicateToFilterFunction } from '@backstage/filter-predicates';
import { setImmediate } from 'node:timers/promises';
import { FlywheelFactProvider } from '@flywheel/plugin-flywheel-node';
import { CatalogReader } from '../../catalog/CatalogReader';
import {
  GoldenPathInsights,
  GoldenPathInsightsSource,
} from '../../interfaces/goldenPathInsights';
import type {
  EntityMetricValues,
  MetricReader,
} from '../../interfaces/metricRegistry';
import { CheckType } from '../checks/CheckType';
import { EvaluationContext, ScorecardDefinition } from '../definitions';
import type { EntityEvaluation, ScorecardStore } from '../store/ScorecardStore';
import { kindsToRead } from './entityKinds';
import {
  ActiveExemption,
  evaluateScorecard,
  exemptionKey,
} from './evaluateScorecard';
import { BatchFacts, FactCollector } from './FactCollector';

/** What one evaluation run did, for logs, the API and the benchmark. */
export interface EvaluationStats {
  entitiesRead: number;
  evaluations: number;
  /** Evaluations whose result had not changed: nothing was written. */
  unchanged: number;
  entitiesWritten: number;
  checksWritten: number;
  transitions: number;
  removed: number;
  durationMs: number;
  /** Refs asked for that the catalog does not have (evaluateEntities only). */
  missing?: string[];
}

interface RunState {
  insights: GoldenPathInsights;
  metrics: EntityMetricValues;
  exemptions: Map<string, ActiveExemption>;
  /** Stored result hashes by scorecard and entity; only for full runs. */
  hashes?: Map<string, Map<string, string | null>>;
  /** Changed evaluations not yet handed to the store. */
  pending: EntityEvaluation[];
  /** The store write in flight, if any: one at a time, in order. */
  writing?: Promise<void>;
}

/**
 * Changed evaluations per store write. Each write also updates the per-owner
 * aggregates by its netted differences (up to owners × checks × states rows
 * whatever its size), so fewer, larger writes cost less in all: at 20,000
 * entities, 10,000 per write upserted 215,000 aggregate rows in a cold run,
 * 25,000 about half that. Pending evaluations take about 3 kB each.
 */
const WRITE_BATCH = 25_000;

/**
 * Entities evaluated between turns of the event loop (about 10 ms of work).
 * Evaluating a whole page at once held back for 100 ms every answer the
 * engine waits for meanwhile: each statement of the write in flight, the
 * next catalog page, and whatever else the backend serves.
 */
const YIELD_EVERY = 100;

/** The entities evaluated for each scorecard, by scorecard id. */
type Seen = Map<string, Set<string>>;

/**
 * Evaluates scorecards over the catalog: the whole catalog in batches on a
 * schedule, or a few entities on demand. Writes only results that changed.
 */
export class ScorecardEngine {
  private readonly matchers: Array<(entity: Entity) => boolean>;
  private readonly facts: FactCollector;
  private readonly batchSize: number;
  private readonly now: () => Date;
  private readonly evaluatedListeners: Array<
    (entityRefs: string[]) => Promise<void>
  > = [];

  constructor(
    private readonly deps: {
      scorecards: ScorecardDefinition[];
      checkTypes: Map<string, CheckType>;
      store: ScorecardStore;
      catalog: CatalogReader;
      goldenPaths: GoldenPathInsightsSource;
      /**
       * Where `metric` checks read per-entity values: the metric registry.
       * Without it, the golden-path insights' own metrics.
       */
      metrics?: Pick<MetricReader, 'entityValues'>;
      factProviders: FlywheelFactProvider[];
      auth: AuthService;
      logger: LoggerService;
      now?: () => Date;
      batchSize?: number;
      /** Changed evaluations per store write (default 10,000). */
      writeBatchSize?: number;
    },
  ) {
    this.matchers = deps.scorecards.map(s =>
      filterPredicateToFilterFunction<Entity>(s.filter),
    );
    const usedProviders = new Set(
      deps.scorecards.flatMap(s =>
        s.checks
          .filter(c => c.type === 'fact')
          .map(c => String(c.params.provider)),
      ),
    );
    this.facts = new FactCollector(
      deps.factProviders.filter(p => usedProviders.has(p.id)),
      deps.logger,
    );
    this.batchSize = deps.batchSize ?? 1000;
    this.now = deps.now ?? (() => new Date());
  }

  get scorecards(): ScorecardDefinition[] {
    return this.deps.scorecards;
  }

  /** Evaluates every entity any scorecard applies to; removes the rest. */
  async evaluateAll(): Promise<EvaluationStats> {
    const started = Date.now();
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    await this.refreshGroupAncestry(credentials);
    const state = await this.prepare(credentials, true);
    const stats = emptyStats();
    const seen: Seen = new Map();
    const kinds = kindsToRead(this.deps.scorecards.map(s => s.filter));

    let batch: Entity[] = [];
    for await (const page of readAhead(
      this.deps.catalog.streamEntities(
        kinds ? { kind: kinds } : undefined,
        credentials,
        this.batchSize,
      ),
    )) {
      batch.push(...page);
      if (batch.length >= this.batchSize) {
        await this.evaluateBatch(batch, state, stats, seen);
        batch = [];
      }
    }
    await this.evaluateBatch(batch, state, stats, seen);
    await this.write(state, stats, true);

    for (const [scorecardId, stored] of state.hashes!) {
      const evaluated = seen.get(scorecardId);
      const gone = [...stored.keys()].filter(ref => !evaluated?.has(ref));
      if (gone.length > 0) {
        stats.removed += await this.deps.store.removeResults(scorecardId, gone);
      }
    }
    stats.removed += await this.deps.store.removeScorecardsExcept(
      this.deps.scorecards.map(s => s.id),
    );
    if (stats.entitiesWritten >= 1000) {
      // Fresh planner statistics keep team rollups fast after bulk writes.
      await this.deps.store.analyze();
    }
    stats.durationMs = Date.now() - started;
    return stats;
  }

  /**
   * Re-evaluates the given entities now (a refresh from the UI, or the
   * entities known to have changed). Entities no longer in the catalog lose
   * their results, and so do entities for the scorecards that no longer
   * apply to them.
   */
  async evaluateEntities(entityRefs: string[]): Promise<EvaluationStats> {
    const started = Date.now();
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    if (
      entityRefs.some(ref =>
        ref.toLocaleLowerCase('en-US').startsWith('group:'),
      )
    ) {
      // Team rollups join through the group tree: keep it current too.
      await this.refreshGroupAncestry(credentials);
    }
    const state = await this.prepare(credentials, false);
    const stats = emptyStats();
    const entities = await this.deps.catalog.getEntities(
      entityRefs,
      credentials,
    );
    const seen: Seen = new Map();
    for (let i = 0; i < entities.length; i += this.batchSize) {
      await this.evaluateBatch(
        entities.slice(i, i + this.batchSize),
        state,
        stats,
        seen,
      );
    }
    await this.write(state, stats, true);
    const found = new Set(entities.map(e => stringifyEntityRef(e)));
    // A full run drops these through `seen`; without this an entity that
    // stopped matching a scorecard's filter would keep its old result until
    // the next full run.
    for (const scorecard of this.deps.scorecards) {
      const stale = [...found].filter(ref => !seen.get(scorecard.id)?.has(ref));
      if (stale.length > 0) {
        stats.removed += await this.deps.store.removeResults(
          scorecard.id,
          stale,
        );
      }
    }
    const missing = entityRefs.filter(ref => !found.has(ref));
    stats.missing = missing;
    if (missing.length > 0) {
      stats.removed += await this.deps.store.removeEntities(missing);
    }
    stats.durationMs = Date.now() - started;
    for (const listener of this.evaluatedListeners) {
      // Whatever follows the results (campaign progress) must not fail them.
      await listener(entityRefs).catch(error =>
        this.deps.logger.warn(
          `After re-evaluating ${entityRefs.length} entities: ${error}`,
        ),
      );
    }
    return stats;
  }

  /**
   * Calls `listener` after entities were re-evaluated on their own (not
   * after full runs), with their refs; its failure is logged.
   */
  onEntitiesEvaluated(listener: (entityRefs: string[]) => Promise<void>) {
    this.evaluatedListeners.push(listener);
  }

  /** Writes today's snapshots from the current results. */
  async writeSnapshots(): Promise<number> {
    const now = this.now();
    return this.deps.store.writeSnapshots(now.toISOString().slice(0, 10), now);
  }

  private async refreshGroupAncestry(credentials: BackstageCredentials) {
    const graph = await this.deps.catalog.groupTree(credentials);
    await this.deps.store.replaceGroupAncestry(graph.ancestryEdges());
  }

  private async prepare(
    credentials: BackstageCredentials,
    full: boolean,
  ): Promise<RunState> {
    const [insights, metrics, exemptions, hashes] = await Promise.all([
      this.deps.goldenPaths.entityInsights(credentials),
      this.deps.metrics?.entityValues(credentials),
      this.deps.store.activeExemptions(this.now()),
      full ? this.deps.store.inputHashes() : Promise.resolve(undefined),
    ]);
    return {
      insights,
      metrics: metrics ?? { value: insights.metric },
      exemptions,
      hashes,
      pending: [],
    };
  }

  /**
   * Hands the pending evaluations to the store once there are enough of
   * them, or all of them with `final`. The write runs while the next batch
   * is read and evaluated (PostgreSQL answers asynchronously); it fails the
   * run at the next write or at the end.
   */
  private async write(state: RunState, stats: EvaluationStats, final = false) {
    if (
      !final &&
      state.pending.length < (this.deps.writeBatchSize ?? WRITE_BATCH)
    ) {
      return;
    }
    const evaluations = state.pending;
    state.pending = [];
    const previous = state.writing;
    state.writing = undefined;
    await previous;
    if (evaluations.length === 0) {
      return;
    }
    const writing = this.deps.store
      .applyEvaluations(evaluations, this.now())
      .then(applied => {
        stats.entitiesWritten += applied.entitiesWritten;
        stats.checksWritten += applied.checksWritten;
        stats.transitions += applied.transitions;
      });
    if (final) {
      await writing;
      return;
    }
    // Awaited by the next write; until then its failure must not be unhandled.
    writing.catch(() => {});
    state.writing = writing;
  }

  private async evaluateBatch(
    entities: Entity[],
    state: RunState,
    stats: EvaluationStats,
    seen: Seen,
  ) {
    if (entities.length === 0) {
      return;
    }
    stats.entitiesRead += entities.length;
    const applicable = entities.map(entity =>
      this.deps.scorecards.filter((_, i) => this.matchers[i](entity)),
    );
    const facts = await this.facts.collect(
      entities.filter((_, i) => applicable[i].length > 0),
    );
    const changed = state.pending;
    for (let i = 0; i < entities.length; i++) {
      if (i > 0 && i % YIELD_EVERY === 0) {
        await setImmediate();
      }
      if (applicable[i].length === 0) {
        continue;
      }
      const entity = entities[i];
      const context = this.contextFor(entity, state, facts);
      const ownerRef = entity.relations?.find(
        r => r.type === RELATION_OWNED_BY,
      )?.targetRef;
      for (const scorecard of applicable[i]) {
        let evaluated = seen.get(scorecard.id);
        if (!evaluated) {
          evaluated = new Set();
          seen.set(scorecard.id, evaluated);
        }
        evaluated.add(context.entityRef);
        const evaluation = evaluateScorecard({
          scorecard,
          checkTypes: this.deps.checkTypes,
          context,
          ownerRef,
          exemptions: state.exemptions,
        });
        stats.evaluations += 1;
        if (
          state.hashes?.get(scorecard.id)?.get(context.entityRef) ===
          evaluation.inputHash
        ) {
          stats.unchanged += 1;
        } else {
          changed.push(evaluation);
        }
      }
    }
    await this.write(state, stats);
  }

  private contextFor(
    entity: Entity,
    state: Pick<RunState, 'insights' | 'metrics'>,
    facts: BatchFacts,
  ): EvaluationContext {
    const entityRef = stringifyEntityRef(entity);
    return {
      entity,
      entityRef,
      goldenPath: state.insights.provenance(entity),
      fact: (providerId, fact) => facts.get(providerId)?.get(entityRef)?.[fact],
      metric: metricId => state.metrics.value(entity, entityRef, metricId),
    };
  }
}

/**
 * Iterates `source` with its next item already requested, so that whatever
 * the consumer does between items overlaps waiting for the next one. Holds at
 * most one item beyond the one being consumed.
 */
export async function* readAhead<T>(
  source: AsyncIterable<T>,
): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let finished = false;
  let next = iterator.next();
  try {
    for (;;) {
      let result: IteratorResult<T>;
      try {
        result = await next;
      } catch (error) {
        finished = true;
        throw error;
      }
      if (result.done) {
        finished = true;
        return;
      }
      next = iterator.next();
      // Its failure is thrown by the await above; if the consumer stops first
      // nobody awaits it, and it must not become an unhandled rejection.
      next.catch(() => {});
      yield result.value;
    }
  } finally {
    if (!finished) {
      // The consumer stopped early (it threw or broke out): let the source
      // release what it holds, as `for await` would have. Its own failure
      // must not hide the consumer's error.
      Promise.resolve()
        .then(() => iterator.return?.())
        .catch(() => {});
    }
  }
}

function emptyStats(): EvaluationStats {
  return {
    entitiesRead: 0,
    evaluations: 0,
    unchanged: 0,
    entitiesWritten: 0,
    checksWritten: 0,
    transitions: 0,
    removed: 0,
    durationMs: 0,
  };
}

export { exemptionKey };
