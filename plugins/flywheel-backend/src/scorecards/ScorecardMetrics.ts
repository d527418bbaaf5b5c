import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { MetricDefinition } from '@flywheel/plugin-flywheel-common';
import type {
  Bucket,
  MetricProvider,
  MetricValue,
  ResolvedScope,
} from '../interfaces/metricRegistry';
import { ScorecardDefinition } from './definitions';
import { ScorecardService } from './ScorecardService';

const DAY_MS = 86_400_000;
/** The longest history the scorecards keep a series of. */
const MAX_DAYS = 730;

/** The metrics of one scorecard: average score, pass rate, share per level. */
function definitionsOf(scorecard: ScorecardDefinition): MetricDefinition[] {
  const base = {
    domain: 'scorecards' as const,
    scopes: ['entity', 'group', 'org'] as MetricDefinition['scopes'],
    aggregation: 'latest' as const,
    comparable: false,
    direction: 'higher' as const,
  };
  return [
    {
      ...base,
      id: `scorecards.${scorecard.id}.averageScore`,
      title: `${scorecard.title}: average score`,
      description: `The average score (0–100) of the entities of "${scorecard.title}" in scope, from the last daily snapshot of each interval.`,
      unit: 'score',
    },
    {
      ...base,
      id: `scorecards.${scorecard.id}.passRate`,
      title: `${scorecard.title}: check pass rate`,
      description: `Passing checks ÷ scored checks of "${scorecard.title}" in scope, from the last daily snapshot of each interval.`,
      unit: 'percent',
    },
    ...scorecard.levels.map(level => ({
      ...base,
      scopes: ['group', 'org'] as MetricDefinition['scopes'],
      id: `scorecards.${scorecard.id}.levelShare.${level.id}`,
      title: `${scorecard.title}: at ${level.title} or above`,
      description: `Share of the entities of "${scorecard.title}" in scope at level ${level.title} or above, from the last daily snapshot of each interval.`,
      unit: 'percent' as const,
    })),
  ];
}

/** What the scorecards domain publishes to the metric registry, from its daily snapshots. */
export class ScorecardMetrics implements MetricProvider {
  private readonly definitions: MetricDefinition[];

  constructor(
    private readonly deps: {
      scorecards: ScorecardService;
      definitions: ScorecardDefinition[];
      now?: () => Date;
    },
  ) {
    this.definitions = deps.definitions.flatMap(definitionsOf);
  }

  async metrics() {
    return this.definitions;
  }

  async values(
    metricId: string,
    scope: ResolvedScope,
    buckets: Bucket[],
    credentials: BackstageCredentials,
  ): Promise<MetricValue[]> {
    const [, scorecardId, measure, levelId] = metricId.split('.');
    const scorecard = this.deps.definitions.find(s => s.id === scorecardId)!;
    const now = this.deps.now?.() ?? new Date();
    const days = Math.min(
      MAX_DAYS,
      Math.ceil((now.getTime() - buckets[0].start.getTime()) / DAY_MS) + 1,
    );
    const history = await this.deps.scorecards.history(
      {
        scorecardId,
        scope:
          scope.kind === 'org'
            ? 'scorecard'
            : (scope.kind as 'entity' | 'group'),
        ref: scope.ref,
        days,
      },
      credentials,
    );
    if (history.withheld) {
      throw new NotAllowedError(history.withheld);
    }
    // Levels run from the lowest up: this one and those after it.
    const levels = new Set(
      scorecard.levels
        .slice(scorecard.levels.findIndex(l => l.id === levelId))
        .map(l => l.id),
    );
    const points = history.points.map(p => ({
      ...p,
      at: new Date(`${p.day}T00:00:00Z`),
    }));
    return buckets.map(bucket => {
      // A day's snapshot counts in the interval its day starts in (the
      // window's first day counts whole).
      const from = new Date(
        `${bucket.start.toISOString().slice(0, 10)}T00:00:00Z`,
      );
      const last = [...points]
        .reverse()
        .find(p => p.at >= from && p.at < bucket.end);
      if (!last) {
        return { value: null, sampleSize: 0 };
      }
      let value: number | null;
      if (measure === 'averageScore') {
        value = last.averageScore;
      } else if (measure === 'passRate') {
        value =
          last.passRate === null ? null : Math.round(last.passRate * 1000) / 10;
      } else {
        const at = Object.entries(last.levels)
          .filter(([id]) => levels.has(id))
          .reduce((n, [, count]) => n + count, 0);
        value =
          last.entityCount === 0
            ? null
            : Math.round((1000 * at) / last.entityCount) / 10;
      }
      return { value, sampleSize: last.entityCount };
    });
  }
}
