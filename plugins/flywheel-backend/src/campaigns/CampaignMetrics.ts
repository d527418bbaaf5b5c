import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { MetricDefinition } from '@flywheel/plugin-flywheel-common';
import type {
  Bucket,
  MetricProvider,
  MetricValue,
  ResolvedScope,
} from '../interfaces/metricRegistry';
import type { CampaignService } from './CampaignService';
import type { CampaignStore } from './store/CampaignStore';

/**
 * What campaigns publish to the metric registry: each campaign's progress,
 * the share of its cohort not exempt that meets the goal, on the last
 * recorded day of each interval. Read through the campaign's progress, so
 * a caller who may not see every entity of the cohort gets no values.
 */
export class CampaignMetrics implements MetricProvider {
  constructor(
    private readonly deps: {
      store: Pick<CampaignStore, 'list'>;
      campaigns: Pick<CampaignService, 'progress'>;
    },
  ) {}

  /** Read every time: a campaign created a moment ago has its metric at once. */
  async metrics(): Promise<MetricDefinition[]> {
    return (await this.deps.store.list()).map(({ definition }) => ({
      id: `campaigns.${definition.id}.progress`,
      title: `${definition.title}: progress`,
      description: `Share of the cohort of "${definition.title}" (without exempt entities) that meets the campaign's goal, on the last day recorded in each interval.`,
      domain: 'campaigns' as const,
      unit: 'percent' as const,
      direction: 'higher' as const,
      scopes: ['org'],
      aggregation: 'latest' as const,
      comparable: false,
    }));
  }

  async values(
    metricId: string,
    _scope: ResolvedScope,
    buckets: Bucket[],
    credentials: BackstageCredentials,
  ): Promise<MetricValue[]> {
    const id = metricId.slice('campaigns.'.length, metricId.lastIndexOf('.'));
    const { days } = await this.deps.campaigns.progress(id, credentials);
    return buckets.map(bucket => {
      const inBucket = days.filter(d => {
        const at = Date.parse(`${d.day}T00:00:00Z`);
        return at >= bucket.start.getTime() && at < bucket.end.getTime();
      });
      const last = inBucket[inBucket.length - 1];
      const target = last ? last.cohort - last.exempt : 0;
      if (!last || target <= 0) {
        return { value: null, sampleSize: 0 };
      }
      return {
        value: Math.round((1000 * last.met) / target) / 10,
        sampleSize: target,
      };
    });
  }
}
