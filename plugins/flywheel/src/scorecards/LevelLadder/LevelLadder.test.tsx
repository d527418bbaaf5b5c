import { render, screen, within } from '@testing-library/react';
import {
  checkoutResults,
  goldenPathScorecard,
  readinessScorecard,
  refreshedCheckoutResults,
} from '../../__testUtils__/testData';
import { LevelLadder } from './LevelLadder';

describe('LevelLadder', () => {
  it('marks reached levels and lists what is missing for the next', () => {
    render(
      <LevelLadder
        scorecard={goldenPathScorecard}
        result={checkoutResults.results[0]}
      />,
    );

    const ladder = screen.getByRole('list', {
      name: 'Levels of Golden path adoption',
    });
    expect(
      within(ladder)
        .getAllByRole('listitem')
        .map(i => i.textContent),
    ).toEqual(['BronzeReached', 'SilverReached', 'GoldNext']);
    expect(within(ladder).getByText('Silver').closest('li')).toHaveAttribute(
      'aria-current',
      'step',
    );

    expect(
      screen.getByText('Silver reached. To reach Gold, fix:'),
    ).toBeInTheDocument();
    const missing = screen.getByRole('list', { name: 'Missing for Gold' });
    // The warning on TechDocs does not block Gold; the old version does.
    expect(within(missing).getAllByRole('listitem')).toHaveLength(1);
    expect(missing).toHaveTextContent(
      'On the current golden-path version (fail)',
    );
  });

  it('says when the top level is reached', () => {
    render(
      <LevelLadder
        scorecard={goldenPathScorecard}
        result={refreshedCheckoutResults.results[0]}
      />,
    );

    expect(
      screen.getByText('Gold reached: the top level of this scorecard.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: /Missing/ })).toBeNull();
  });

  it('counts unknown checks as blocking when no level is reached', () => {
    render(
      <LevelLadder
        scorecard={readinessScorecard}
        result={checkoutResults.results[1]}
      />,
    );

    expect(
      screen.getByText('No level reached yet. To reach Bronze, fix:'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('list', { name: 'Missing for Bronze' }),
    ).toHaveTextContent('Has an on-call rotation (unknown)');
    const steps = within(
      screen.getByRole('list', { name: 'Levels of Production readiness' }),
    ).getAllByRole('listitem');
    expect(steps.map(s => s.textContent)).toEqual([
      'BronzeNext',
      'SilverNot reached',
      'GoldNot reached',
    ]);
  });
});
