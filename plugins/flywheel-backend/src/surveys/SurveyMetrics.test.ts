import { mockCredentials } from '@backstage/backend-test-utils';
import { SurveyMetrics } from './SurveyMetrics';
import { SurveyService } from './SurveyService';

const d = (iso: string) => new Date(iso);

function surveysWith(trend: object[]) {
  const calls: unknown[][] = [];
  const surveys = {
    listSurveys: async () => [
      {
        id: 'pulse',
        title: 'Pulse',
        questions: [
          { id: 'nps', type: 'nps', title: 'Recommend?' },
          { id: 'sat', type: 'csat', title: 'Satisfied?' },
        ],
      },
      {
        id: 'ideas',
        title: 'Ideas',
        questions: [{ id: 't', type: 'text', title: 'Ideas?' }],
      },
    ],
    results: async (...args: unknown[]) => {
      calls.push(args);
      return { trend };
    },
  } as unknown as SurveyService;
  return { calls, metrics: new SurveyMetrics({ surveys }) };
}

describe('SurveyMetrics', () => {
  it('publishes NPS and CSAT where a survey asks them, and every response rate', async () => {
    const { metrics } = surveysWith([]);
    expect((await metrics.metrics()).map(m => m.id)).toEqual([
      'surveys.pulse.nps',
      'surveys.pulse.csat',
      'surveys.pulse.responseRate',
      'surveys.ideas.responseRate',
    ]);
  });

  it('reads the last wave opened in each interval through the survey results, as the caller', async () => {
    const { metrics, calls } = surveysWith([
      {
        opensAt: '2026-09-01T00:00:00Z',
        responses: 40,
        responseRate: 0.4,
        nps: { value: 10 },
        csat: { value: 70 },
      },
      {
        opensAt: '2026-09-20T00:00:00Z',
        responses: 50,
        responseRate: 0.5,
        nps: { value: 20 },
        csat: { value: 75 },
      },
      { opensAt: '2026-11-01T00:00:00Z', responses: 3, responseRate: 0.03 },
    ]);
    const buckets = [
      { start: d('2026-09-01T00:00:00Z'), end: d('2026-10-01T00:00:00Z') },
      { start: d('2026-10-01T00:00:00Z'), end: d('2026-11-01T00:00:00Z') },
      { start: d('2026-11-01T00:00:00Z'), end: d('2026-12-01T00:00:00Z') },
    ];
    const credentials = mockCredentials.user('user:default/pm');
    const scope = { kind: 'group' as const, ref: 'group:default/payments' };
    expect(
      await metrics.values('surveys.pulse.nps', scope, buckets, credentials),
    ).toEqual([
      { value: 20, sampleSize: 50 },
      { value: null, sampleSize: 0 },
      // a wave whose numbers the anonymity rules hold back has no value
      { value: null, sampleSize: 3 },
    ]);
    expect(
      await metrics.values(
        'surveys.pulse.responseRate',
        scope,
        buckets,
        credentials,
      ),
    ).toEqual([
      { value: 50, sampleSize: 50 },
      { value: null, sampleSize: 0 },
      { value: 3, sampleSize: 3 },
    ]);
    expect(calls[0]).toEqual([
      'pulse',
      { groupRef: 'group:default/payments' },
      credentials,
      'user:default/pm',
    ]);
  });
});
