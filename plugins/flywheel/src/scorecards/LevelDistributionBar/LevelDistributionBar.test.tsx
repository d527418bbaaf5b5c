import { render, screen, within } from '@testing-library/react';
import { goldenPathScorecard } from '../../__testUtils__/testData';
import { LevelDistributionBar } from './LevelDistributionBar';

describe('LevelDistributionBar', () => {
  it('describes every level, lowest first, for screen readers', () => {
    render(
      <LevelDistributionBar
        scorecard={goldenPathScorecard}
        levels={{ gold: 3, none: 1, silver: 2 }}
        label="Levels of Commerce"
      />,
    );

    expect(
      screen.getByRole('img', {
        name: 'Levels of Commerce: No level: 1, Bronze: 0, Silver: 2, Gold: 3',
      }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });

  it('draws one segment per level that has entities, sized by share', () => {
    const { container } = render(
      <LevelDistributionBar
        scorecard={goldenPathScorecard}
        levels={{ bronze: 1, gold: 3 }}
        label="Levels"
      />,
    );

    const segments = container.querySelectorAll('[role="img"] > div');
    expect([...segments].map(s => (s as HTMLElement).style.width)).toEqual([
      '25%',
      '75%',
    ]);
  });

  it('shows a legend with the counts in text', () => {
    render(
      <LevelDistributionBar
        scorecard={goldenPathScorecard}
        levels={{ bronze: 1 }}
        label="Levels"
        showLegend
      />,
    );

    const legend = screen.getByRole('list', { name: 'Levels, per level' });
    expect(
      within(legend)
        .getAllByRole('listitem')
        .map(i => i.textContent),
    ).toEqual(['No level: 0', 'Bronze: 1', 'Silver: 0', 'Gold: 0']);
  });

  it('keeps a level the scorecard no longer defines', () => {
    render(
      <LevelDistributionBar
        scorecard={goldenPathScorecard}
        levels={{ platinum: 2 }}
        label="Levels"
      />,
    );

    expect(
      screen.getByRole('img', { name: /Gold: 0, platinum: 2$/ }),
    ).toBeInTheDocument();
  });
});
