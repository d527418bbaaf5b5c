import { metricCheck as check } from './metricThreshold';
import { testContext } from './__testUtils__/testContext';

const context = testContext({ metrics: { deploysPerWeek: 3 } });
const validation = {
  factProviders: new Set<string>(),
  metrics: new Set(['deploysPerWeek', 'timeToFirstDeployDays']),
};

describe('metric', () => {
  it('passes and fails on the threshold', () => {
    expect(
      check.evaluate(
        { metric: 'deploysPerWeek', operator: '>=', threshold: 1 },
        context,
      ),
    ).toEqual({
      state: 'pass',
      reason: 'deploysPerWeek is 3 (>= 1)',
      value: 3,
    });
    expect(
      check.evaluate(
        { metric: 'deploysPerWeek', operator: '<', threshold: 3 },
        context,
      ),
    ).toEqual({
      state: 'fail',
      reason: 'deploysPerWeek is 3, expected < 3',
      value: 3,
    });
    for (const [operator, ok] of [
      ['<=', true],
      ['>', false],
      ['==', true],
      ['!=', false],
    ] as const) {
      expect(
        check.evaluate(
          { metric: 'deploysPerWeek', operator, threshold: 3 },
          context,
        ).state,
      ).toBe(ok ? 'pass' : 'fail');
    }
  });

  it('is unknown without a value', () => {
    expect(
      check.evaluate(
        { metric: 'timeToFirstDeployDays', operator: '<', threshold: 7 },
        context,
      ),
    ).toEqual({
      state: 'unknown',
      reason: 'Metric timeToFirstDeployDays is not known for this entity',
    });
    const throwing = {
      ...context,
      metric: () => {
        throw new Error('boom');
      },
    };
    expect(
      check.evaluate(
        { metric: 'deploysPerWeek', operator: '<', threshold: 7 },
        throwing,
      ).state,
    ).toBe('unknown');
  });

  it('validates the metric id and operator', () => {
    expect(
      check.validate!(
        { metric: 'deploysPerWeek', operator: '>', threshold: 1 },
        validation,
      ),
    ).toBeUndefined();
    expect(
      check.validate!(
        { metric: 'deploys', operator: '>', threshold: 1 },
        validation,
      ),
    ).toBe(
      "metric 'deploys' is not a known metric (known: deploysPerWeek, timeToFirstDeployDays)",
    );
    expect(
      check.params.safeParse({ metric: 'x', operator: '=>', threshold: 1 })
        .success,
    ).toBe(false);
    expect(
      check.params.safeParse({ metric: 'x', operator: '>', threshold: '1' })
        .success,
    ).toBe(false);
  });
});
