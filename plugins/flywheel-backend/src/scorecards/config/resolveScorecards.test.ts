import { ConfigReader } from '@backstage/config';
import { builtinCheckTypes, checkTypesById } from '../checks';
import { resolveScorecards } from './resolveScorecards';

const options = {
  checkTypes: checkTypesById(builtinCheckTypes),
  validation: { factProviders: new Set<string>(), metrics: new Set<string>() },
};

const configured = (id: string) => ({
  id,
  title: id,
  checks: [
    {
      id: 'owned',
      title: 'Owned',
      type: 'catalog.relation',
      relation: 'ownedBy',
    },
  ],
});

describe('resolveScorecards', () => {
  it('returns the built-in scorecard without config', () => {
    const scorecards = resolveScorecards(new ConfigReader({}), options);
    expect(scorecards.map(s => [s.id, s.source])).toEqual([
      ['golden-path-adoption', 'default'],
    ]);
  });

  it('puts the built-in scorecard before configured ones', () => {
    const scorecards = resolveScorecards(
      new ConfigReader({ flywheel: { scorecards: [configured('security')] } }),
      options,
    );
    expect(scorecards.map(s => [s.id, s.source])).toEqual([
      ['golden-path-adoption', 'default'],
      ['security', 'config'],
    ]);
  });

  it('lets config replace the built-in scorecard', () => {
    const scorecards = resolveScorecards(
      new ConfigReader({
        flywheel: {
          scorecards: [
            configured('security'),
            configured('golden-path-adoption'),
          ],
        },
      }),
      options,
    );
    expect(scorecards.map(s => [s.id, s.source])).toEqual([
      ['security', 'config'],
      ['golden-path-adoption', 'config'],
    ]);
  });

  it('leaves the built-in scorecard out when disabled', () => {
    expect(
      resolveScorecards(
        new ConfigReader({ flywheel: { scorecardsDefault: false } }),
        options,
      ),
    ).toEqual([]);
  });

  it('throws for bad config', () => {
    expect(() =>
      resolveScorecards(
        new ConfigReader({
          flywheel: { scorecards: [configured('a'), configured('a')] },
        }),
        options,
      ),
    ).toThrow("Invalid scorecard 'a': duplicate scorecard id 'a'");
  });
});
