import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { MetricDefinition, median } from '@flywheel/plugin-flywheel-common';
import { CatalogReader } from '../catalog/CatalogReader';
import { normalizeRef } from '../catalog/entityRefs';
import { ownedInScope } from '../catalog/ownedInScope';
import type {
  Bucket,
  EntityMetricValues,
  MetricProvider,
  MetricValue,
  ResolvedScope,
} from '../interfaces/metricRegistry';
import { GoldenPathService } from './GoldenPathService';
import { ScaffolderRun, ScaffolderRunStore } from './ScaffolderRunStore';

const DEFINITIONS: MetricDefinition[] = [
  {
    id: 'goldenPaths.adoption',
    title: 'Golden-path adoption',
    description:
      'Components whose source template is a golden path ÷ all Components in scope, as of the end of each interval (Components created later left out; those with no known creation time counted throughout).',
    domain: 'goldenPaths',
    unit: 'percent',
    direction: 'higher',
    scopes: ['group', 'org'],
    aggregation: 'share',
    comparable: false,
  },
  {
    id: 'goldenPaths.creationTime.median',
    title: 'Service creation time (median)',
    description:
      'From a scaffolder task being created to its completion, for the successful golden-path runs completed in the interval (dry runs are never recorded).',
    domain: 'goldenPaths',
    unit: 'seconds',
    direction: 'lower',
    scopes: ['group', 'goldenPath', 'org'],
    aggregation: 'median',
    comparable: false,
  },
  {
    id: 'goldenPaths.runs',
    title: 'Successful golden-path runs',
    description:
      'Scaffolder runs of golden-path templates that succeeded in the interval.',
    domain: 'goldenPaths',
    unit: 'count',
    direction: 'neutral',
    scopes: ['group', 'goldenPath', 'org'],
    aggregation: 'count',
    comparable: false,
  },
];

const inBucket = (time: Date | undefined, bucket: Bucket) =>
  time !== undefined && time >= bucket.start && time < bucket.end;

/** What the golden-path domain publishes to the metric registry. */
export class GoldenPathMetrics implements MetricProvider {
  constructor(
    private readonly deps: {
      goldenPaths: GoldenPathService;
      catalog: CatalogReader;
      runs: ScaffolderRunStore;
    },
  ) {}

  async metrics() {
    return DEFINITIONS;
  }

  async values(
    metricId: string,
    scope: ResolvedScope,
    buckets: Bucket[],
    credentials: BackstageCredentials,
  ): Promise<MetricValue[]> {
    if (metricId === 'goldenPaths.adoption') {
      return this.adoption(scope, buckets, credentials);
    }
    const runs = await this.runsInScope(scope, credentials);
    return buckets.map(bucket => {
      const done = runs.filter(r => inBucket(r.completedAt, bucket));
      if (metricId === 'goldenPaths.runs') {
        return { value: done.length, sampleSize: done.length };
      }
      const seconds = done
        .filter(r => r.startedAt)
        .map(r => (r.completedAt!.getTime() - r.startedAt!.getTime()) / 1000);
      return { value: median(seconds), sampleSize: seconds.length };
    });
  }

  /** Per entity, for scorecard checks: the golden-path insights' metrics. */
  async entityValues(
    credentials: BackstageCredentials,
  ): Promise<EntityMetricValues> {
    const insights = await this.deps.goldenPaths.entityInsights(credentials);
    return {
      value: (entity, entityRef, metricId) =>
        insights.metric(entity, entityRef, metricId),
    };
  }

  private async adoption(
    scope: ResolvedScope,
    buckets: Bucket[],
    credentials: BackstageCredentials,
  ): Promise<MetricValue[]> {
    const [components, insights, graph] = await Promise.all([
      this.deps.catalog.listComponents(credentials),
      this.deps.goldenPaths.entityInsights(credentials),
      scope.kind === 'group'
        ? this.deps.catalog.groupTree(credentials)
        : undefined,
    ]);
    const inScope =
      scope.kind === 'group'
        ? ownedInScope(components, scope.ref!, graph!)
        : components;
    if (!inScope) {
      throw new NotFoundError(`No group ${scope.ref} in the catalog`);
    }
    const origins = inScope.map(c => insights.origin(c.entity, c.entityRef));
    return buckets.map(bucket => {
      const existing = origins.filter(
        o => !o.createdAt || o.createdAt < bucket.end,
      );
      const golden = existing.filter(o => o.isGoldenPath).length;
      return {
        value:
          existing.length === 0
            ? null
            : Math.round((1000 * golden) / existing.length) / 10,
        sampleSize: existing.length,
      };
    });
  }

  /** Successful golden-path runs of the scope (its team's, by the run's owner). */
  private async runsInScope(
    scope: ResolvedScope,
    credentials: BackstageCredentials,
  ): Promise<ScaffolderRun[]> {
    const goldenPaths = new Set(
      (await this.deps.goldenPaths.goldenPathRefs(credentials)).map(
        normalizeRef,
      ),
    );
    let runs = (await this.deps.runs.list()).filter(
      r =>
        r.outcome === 'succeeded' &&
        r.completedAt &&
        goldenPaths.has(normalizeRef(r.templateRef)),
    );
    if (scope.kind === 'goldenPath') {
      runs = runs.filter(
        r => normalizeRef(r.templateRef) === normalizeRef(scope.ref!),
      );
    } else if (scope.kind === 'group') {
      const owned = ownedInScope(
        runs,
        scope.ref!,
        await this.deps.catalog.groupTree(credentials),
      );
      if (!owned) {
        throw new NotFoundError(`No group ${scope.ref} in the catalog`);
      }
      runs = owned;
    }
    return runs;
  }
}
