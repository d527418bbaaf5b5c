import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { MetricDefinition, median } from '@flywheel/plugin-flywheel-common';
import { normalizeRef } from '../catalog/entityRefs';
import type { ServiceOrigin } from '../interfaces/goldenPathInsights';
import { getOrCreate } from '../lang/getOrCreate';
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

/** How many components, and golden-path ones, existed at a time. */
interface AdoptionTimeline {
  existingAt(end: Date): { all: number; golden: number };
}

/**
 * Components with no known creation time count throughout; the others
 * from their creation: sorted once, each interval end is a binary search.
 */
function adoptionTimeline(origins: readonly ServiceOrigin[]): AdoptionTimeline {
  const timeless = { all: 0, golden: 0 };
  const created: { at: number; golden: boolean }[] = [];
  for (const origin of origins) {
    if (origin.createdAt) {
      created.push({
        at: origin.createdAt.getTime(),
        golden: origin.isGoldenPath,
      });
    } else {
      timeless.all += 1;
      timeless.golden += origin.isGoldenPath ? 1 : 0;
    }
  }
  created.sort((a, b) => a.at - b.at);
  // goldenBefore[i]: golden-path components among the first i created.
  const goldenBefore = [0];
  for (const c of created) {
    goldenBefore.push(
      goldenBefore[goldenBefore.length - 1] + (c.golden ? 1 : 0),
    );
  }
  return {
    existingAt(end) {
      const limit = end.getTime();
      let lo = 0;
      let hi = created.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (created[mid].at < limit) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return {
        all: timeless.all + lo,
        golden: timeless.golden + goldenBefore[lo],
      };
    },
  };
}

const inBucket = (time: Date | undefined, bucket: Bucket) =>
  time !== undefined && time >= bucket.start && time < bucket.end;

/** What the golden-path domain publishes to the metric registry. */
export class GoldenPathMetrics implements MetricProvider {
  /** Per list of components: the organisation's is the snapshot's own. */
  private readonly timelines = new WeakMap<
    readonly unknown[],
    AdoptionTimeline
  >();

  constructor(
    private readonly deps: {
      goldenPaths: GoldenPathService;
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
    const inScope = await this.deps.goldenPaths.componentsInScope(
      scope.kind === 'group' ? scope.ref! : undefined,
      credentials,
    );
    if (!inScope) {
      throw new NotFoundError(`No group ${scope.ref} in the catalog`);
    }
    const timeline = getOrCreate(this.timelines, inScope, () =>
      adoptionTimeline(inScope.map(c => c.origin)),
    );
    return buckets.map(bucket => {
      const existing = timeline.existingAt(bucket.end);
      return {
        value:
          existing.all === 0
            ? null
            : Math.round((1000 * existing.golden) / existing.all) / 10,
        sampleSize: existing.all,
      };
    });
  }

  /**
   * Successful golden-path runs of the scope (its team's, by the run's
   * owner), leaving out runs whose service or owner the caller may not see.
   */
  private async runsInScope(
    scope: ResolvedScope,
    credentials: BackstageCredentials,
  ): Promise<ScaffolderRun[]> {
    const [view, stored] = await Promise.all([
      this.deps.goldenPaths.runScope(credentials),
      this.deps.runs.list(),
    ]);
    let runs = stored.filter(
      r => r.outcome === 'succeeded' && r.completedAt && view.counts(r),
    );
    if (scope.kind === 'goldenPath') {
      runs = runs.filter(
        r => normalizeRef(r.templateRef) === normalizeRef(scope.ref!),
      );
    } else if (scope.kind === 'group') {
      const owned = view.ownedBy(runs, scope.ref!);
      if (!owned) {
        throw new NotFoundError(`No group ${scope.ref} in the catalog`);
      }
      runs = owned;
    }
    return runs;
  }
}
