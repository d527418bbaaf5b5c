import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { MetricDefinition, Survey } from '@flywheel/plugin-flywheel-common';
import type {
  Bucket,
  MetricProvider,
  MetricValue,
  ResolvedScope,
} from '../interfaces/metricRegistry';
import { userRefOf } from '../permissions/principals';
import { asksNps } from './definitions/definition';
import { SurveyService } from './SurveyService';

/** How long the list of surveys (and so of their metrics) is reused. */
const LIST_TTL_MS = 10_000;

function definitionsOf(survey: Survey): MetricDefinition[] {
  const base = {
    domain: 'surveys' as const,
    scopes: ['group', 'org'] as MetricDefinition['scopes'],
    aggregation: 'latest' as const,
    comparable: false,
    direction: 'higher' as const,
  };
  const metrics: MetricDefinition[] = [];
  if (asksNps(survey.questions)) {
    metrics.push({
      ...base,
      id: `surveys.${survey.id}.nps`,
      title: `${survey.title}: NPS`,
      description: `Net Promoter Score (−100 to 100) of "${survey.title}": the last wave opened in each interval, within the anonymity rules of the survey's results.`,
      unit: 'score',
    });
  }
  if (survey.questions.some(q => q.type === 'csat')) {
    metrics.push({
      ...base,
      id: `surveys.${survey.id}.csat`,
      title: `${survey.title}: CSAT`,
      description: `Share of 4–5 answers on the 1–5 satisfaction question of "${survey.title}": the last wave opened in each interval.`,
      unit: 'percent',
    });
  }
  metrics.push({
    ...base,
    id: `surveys.${survey.id}.responseRate`,
    title: `${survey.title}: response rate`,
    description: `Responses ÷ people invited to the last wave of "${survey.title}" opened in each interval.`,
    unit: 'percent',
  });
  return metrics;
}

/**
 * What the surveys domain publishes to the metric registry: each wave's
 * headline numbers, read through the survey's results, so the same
 * permissions and anonymity rules apply as on the results page.
 */
export class SurveyMetrics implements MetricProvider {
  private listed?: { at: number; metrics: Promise<MetricDefinition[]> };

  constructor(private readonly deps: { surveys: SurveyService }) {}

  async metrics(): Promise<MetricDefinition[]> {
    if (!this.listed || Date.now() - this.listed.at > LIST_TTL_MS) {
      this.listed = {
        at: Date.now(),
        metrics: this.deps.surveys
          .listSurveys({})
          .then(surveys => surveys.flatMap(definitionsOf)),
      };
    }
    return this.listed.metrics;
  }

  async values(
    metricId: string,
    scope: ResolvedScope,
    buckets: Bucket[],
    credentials: BackstageCredentials,
  ): Promise<MetricValue[]> {
    const measure = metricId.slice(metricId.lastIndexOf('.') + 1);
    const surveyId = metricId.slice(
      'surveys.'.length,
      metricId.lastIndexOf('.'),
    );
    const results = await this.deps.surveys.results(
      surveyId,
      scope.kind === 'group' ? { groupRef: scope.ref } : {},
      credentials,
      userRefOf(credentials),
    );
    const trend = results.trend.map(p => ({ ...p, at: new Date(p.opensAt) }));
    return buckets.map(bucket => {
      const wave = [...trend]
        .reverse()
        .find(p => p.at >= bucket.start && p.at < bucket.end);
      if (!wave) {
        return { value: null, sampleSize: 0 };
      }
      let value: number | null = null;
      if (measure === 'nps') {
        value = wave.nps?.value ?? null;
      } else if (measure === 'csat') {
        value = wave.csat?.value ?? null;
      } else if (wave.responseRate !== undefined) {
        value = Math.round(wave.responseRate * 1000) / 10;
      }
      return { value, sampleSize: wave.responses };
    });
  }
}
