import { mockCredentials } from '@backstage/backend-test-utils';
import { ScorecardDefinition } from './definitions';
import { ScorecardMetrics } from './ScorecardMetrics';
import { ScorecardService } from './ScorecardService';

const d = (iso: string) => new Date(iso);
const SCORECARD = {
  id: 'ready',
  title: 'Production ready',
  levels: [
    { id: 'bronze', title: 'Bronze' },
    { id: 'silver', title: 'Silver' },
    { id: 'gold', title: 'Gold' },
  ],
  checks: [],
} as unknown as ScorecardDefinition;

function metricsWith(
  history: Partial<Awaited<ReturnType<ScorecardService['history']>>>,
) {
  const calls: unknown[] = [];
  const scorecards = {
    history: async (options: unknown) => {
      calls.push(options);
      return {
        scorecardId: 'ready',
        scope: 'scorecard',
        points: [],
        ...history,
      };
    },
  } as unknown as ScorecardService;
  return {
    calls,
    metrics: new ScorecardMetrics({
      scorecards,
      definitions: [SCORECARD],
      now: () => d('2026-12-01T12:00:00Z'),
    }),
  };
}

const point = (
  day: string,
  averageScore: number,
  passRate: number,
  levels: Record<string, number>,
) => ({
  day,
  entityCount: Object.values(levels).reduce((a, b) => a + b, 0),
  averageScore,
  passRate,
  levels,
});

describe('ScorecardMetrics', () => {
  const buckets = [
    { start: d('2026-10-15T12:00:00Z'), end: d('2026-11-01T00:00:00Z') },
    { start: d('2026-11-01T00:00:00Z'), end: d('2026-12-01T00:00:00Z') },
  ];

  it('publishes average score, pass rate and a share per level of each scorecard', async () => {
    const { metrics } = metricsWith({});
    expect((await metrics.metrics()).map(m => m.id)).toEqual([
      'scorecards.ready.averageScore',
      'scorecards.ready.passRate',
      'scorecards.ready.levelShare.bronze',
      'scorecards.ready.levelShare.silver',
      'scorecards.ready.levelShare.gold',
    ]);
  });

  it('takes the last daily snapshot of each interval', async () => {
    const { metrics, calls } = metricsWith({
      points: [
        point('2026-10-15', 40, 0.5, { none: 2, bronze: 2 }),
        point('2026-10-31', 50, 0.6, { none: 1, bronze: 2, silver: 1 }),
        point('2026-11-20', 70, 0.75, { bronze: 1, silver: 2, gold: 1 }),
      ],
    });
    const values = (id: string) =>
      metrics.values(
        `scorecards.ready.${id}`,
        { kind: 'group', ref: 'group:default/payments' },
        buckets,
        mockCredentials.user(),
      );
    expect(await values('averageScore')).toEqual([
      { value: 50, sampleSize: 4 },
      { value: 70, sampleSize: 4 },
    ]);
    expect(await values('passRate')).toEqual([
      { value: 60, sampleSize: 4 },
      { value: 75, sampleSize: 4 },
    ]);
    // silver or above: 1 of 4, then 3 of 4
    expect(await values('levelShare.silver')).toEqual([
      { value: 25, sampleSize: 4 },
      { value: 75, sampleSize: 4 },
    ]);
    expect(calls[0]).toEqual({
      scorecardId: 'ready',
      scope: 'group',
      ref: 'group:default/payments',
      days: 48,
    });
  });

  it('an interval without a snapshot has no value; a withheld series is refused', async () => {
    const { metrics } = metricsWith({ points: [] });
    expect(
      await metrics.values(
        'scorecards.ready.averageScore',
        { kind: 'org' },
        buckets,
        mockCredentials.user(),
      ),
    ).toEqual([
      { value: null, sampleSize: 0 },
      { value: null, sampleSize: 0 },
    ]);
    const withheld = metricsWith({
      withheld: 'This scope includes entities you may not see',
    });
    await expect(
      withheld.metrics.values(
        'scorecards.ready.averageScore',
        { kind: 'org' },
        buckets,
        mockCredentials.user(),
      ),
    ).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: /may not see/,
    });
  });
});
