import { ConfigReader } from '@backstage/config';
import {
  DEFAULT_MODEL,
  readCapabilityFilter,
  readStageModels,
} from './stageModels';

const stages = [
  { id: 'a', title: 'A', criteria: [{ type: 'manual', id: 'x', title: 'X' }] },
  { id: 'b', title: 'B' },
];

const read = (maturity: object) =>
  readStageModels(new ConfigReader({ flywheel: { maturity } }));

describe('readStageModels', () => {
  it('uses the built-in three stages without configuration', () => {
    const { defaultModelId, models } = read({});
    expect(defaultModelId).toBe('platform-stages');
    expect(models.get('platform-stages')).toBe(DEFAULT_MODEL);
    expect(DEFAULT_MODEL.stages.map(s => s.title)).toEqual([
      'Minimum Viable Platform',
      'Production Readiness',
      'Adoption & Scaling',
    ]);
  });

  it('fills defaults of configured criteria', () => {
    const { models } = read({
      models: [
        {
          id: 'infra',
          version: 3,
          title: 'Infra',
          stages: [
            {
              id: 'a',
              title: 'A',
              criteria: [
                {
                  type: 'metric',
                  id: 'm',
                  title: 'M',
                  metric: 'goldenPaths.adoption',
                  comparator: '>=',
                  threshold: 50,
                },
              ],
            },
            { id: 'b', title: 'B' },
          ],
        },
      ],
    });
    expect(models.get('infra')!.stages[0].criteria[0]).toEqual({
      type: 'metric',
      id: 'm',
      title: 'M',
      metric: 'goldenPaths.adoption',
      comparator: '>=',
      threshold: 50,
      required: true,
      scope: 'org',
      aggregation: 'window',
      window: '12w',
      interval: 'week',
      minSampleSize: 1,
    });
    expect(models.get('infra')!.stages[1].criteria).toEqual([]);
  });

  it('stops the backend with the field named on a bad model', () => {
    expect(() =>
      read({
        models: [{ id: 'm', version: 1, title: 'M', stages: [stages[0]] }],
      }),
    ).toThrow(
      /flywheel.maturity.models\[0\].stages: a model needs at least two stages/,
    );
    expect(() =>
      read({
        models: [
          {
            id: 'm',
            version: 1,
            title: 'M',
            stages: [stages[0], { id: 'a', title: 'Again' }],
          },
        ],
      }),
    ).toThrow(/stages.1.id: stage 'a' appears twice/);
    expect(() =>
      read({
        models: [
          {
            id: 'm',
            version: 1,
            title: 'M',
            stages: [
              {
                id: 'a',
                title: 'A',
                criteria: [
                  {
                    type: 'metric',
                    id: 'x',
                    title: 'X',
                    metric: 'm',
                    comparator: '>=',
                    threshold: 1,
                    window: 'forever',
                  },
                ],
              },
              stages[1],
            ],
          },
        ],
      }),
    ).toThrow(/criteria.0.window: e.g. 90d/);
    expect(() =>
      read({
        models: [{ id: 'm', version: 1, title: 'M', stages }],
        defaultModel: 'other',
      }),
    ).toThrow(/defaultModel: no model 'other'; configured: m/);
  });

  it('reads the capability filter, tagged capability by default', () => {
    expect(readCapabilityFilter(new ConfigReader({}))).toEqual({
      'metadata.tags': 'capability',
    });
    expect(
      readCapabilityFilter(
        new ConfigReader({
          flywheel: {
            maturity: {
              capabilities: { filter: { 'spec.type': 'platform-capability' } },
            },
          },
        }),
      ),
    ).toEqual({ 'spec.type': 'platform-capability' });
  });
});
