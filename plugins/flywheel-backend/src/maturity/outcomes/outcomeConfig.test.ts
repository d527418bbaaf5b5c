import { ConfigReader } from '@backstage/config';
import { DEFAULT_OUTCOMES, readOutcomes } from './outcomeConfig';

describe('readOutcomes', () => {
  it('defaults to the three families, with targets from config', () => {
    const outcomes = readOutcomes(
      new ConfigReader({
        flywheel: {
          maturity: {
            targets: [
              { metric: 'goldenPaths.adoption', value: 60 },
              { metric: 'surveys.*.nps', value: 30 },
            ],
          },
        },
      }),
    );
    expect(outcomes.map(o => o.family)).toEqual(
      DEFAULT_OUTCOMES.map(o => o.family),
    );
    expect(
      outcomes.find(o => o.metric === 'goldenPaths.adoption')?.target,
    ).toBe(60);
    expect(outcomes.find(o => o.metric === 'surveys.*.nps')?.target).toBe(30);
    // The defaults themselves are untouched.
    expect(DEFAULT_OUTCOMES.some(o => o.target !== undefined)).toBe(false);
  });

  it('takes a configured list and refuses a bad family or a target without an outcome', () => {
    expect(
      readOutcomes(
        new ConfigReader({
          flywheel: {
            maturity: {
              outcomes: [
                {
                  family: 'usage',
                  metric: 'usage.stickiness',
                  title: 'Stickiness',
                  target: 20,
                },
              ],
            },
          },
        }),
      ),
    ).toEqual([
      {
        family: 'usage',
        metric: 'usage.stickiness',
        title: 'Stickiness',
        target: 20,
      },
    ]);
    expect(() =>
      readOutcomes(
        new ConfigReader({
          flywheel: {
            maturity: { outcomes: [{ family: 'joy', metric: 'x' }] },
          },
        }),
      ),
    ).toThrow(
      /outcomes\[0\].family must be one of satisfaction, usage, valueStream/,
    );
    expect(() =>
      readOutcomes(
        new ConfigReader({
          flywheel: {
            maturity: { targets: [{ metric: 'usage.stickiness', value: 1 }] },
          },
        }),
      ),
    ).toThrow(/targets\[0\].metric: no outcome 'usage.stickiness'/);
  });
});
