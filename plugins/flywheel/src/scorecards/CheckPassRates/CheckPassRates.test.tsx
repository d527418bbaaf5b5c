import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  commerceRollup,
  goldenPathScorecard,
} from '../../__testUtils__/testData';
import { CheckPassRates } from './CheckPassRates';

describe('CheckPassRates', () => {
  it('lists checks worst first with their counts and how to fix them', async () => {
    renderInTestApp(
      <CheckPassRates
        scorecard={goldenPathScorecard}
        checks={commerceRollup.rollups[0].checks}
        aria-label="What to fix first"
      />,
    );

    const list = await screen.findByRole('list', { name: 'What to fix first' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map(i => i.firstChild?.textContent)).toEqual([
      'On the current golden-path version25%',
      'Has TechDocs40%',
      'Created from a golden path75%',
      'Part of a system80%',
      'Owned by a team100%',
    ]);
    expect(items[0]).toHaveTextContent('Level: Gold');
    expect(items[0]).toHaveTextContent(
      '1 of 4 pass · 3 failing · 1 not applicable',
    );
    expect(
      within(items[0]).getByRole('link', {
        name: 'How to fix: On the current golden-path version, Opens in a new window',
      }),
    ).toBeInTheDocument();
    expect(items[2]).toHaveTextContent('3 of 4 pass · 1 failing · 1 exempt');
    // All pass: nothing to fix.
    expect(within(items[4]).queryByText('How to fix:')).toBeNull();
  });

  it('offers the entities a check counts against where it has any', async () => {
    const onShowFailing = jest.fn();
    renderInTestApp(
      <CheckPassRates
        scorecard={goldenPathScorecard}
        checks={commerceRollup.rollups[0].checks}
        aria-label="What to fix first"
        onShowFailing={onShowFailing}
      />,
    );

    const list = await screen.findByRole('list', { name: 'What to fix first' });
    const items = within(list).getAllByRole('listitem');
    await userEvent.click(
      within(items[0]).getByRole('button', {
        name: /^Show the \d+ not passing: On the current golden-path version$/,
      }),
    );
    expect(onShowFailing).toHaveBeenCalledWith('current-template-version');
    expect(within(items[0]).getByRole('button')).toHaveTextContent(
      'Show the 3 not passing',
    );
    // All pass: nothing to show.
    expect(within(items[4]).queryByRole('button')).toBeNull();
  });

  it('lists checks without results last', async () => {
    renderInTestApp(
      <CheckPassRates
        scorecard={goldenPathScorecard}
        checks={commerceRollup.rollups[0].checks.slice(0, 1)}
        aria-label="What to fix first"
      />,
    );

    const items = within(
      await screen.findByRole('list', { name: 'What to fix first' }),
    ).getAllByRole('listitem');
    expect(items).toHaveLength(5);
    expect(items[4]).toHaveTextContent('No results yet');
  });

  it('says when nothing has results', async () => {
    renderInTestApp(
      <CheckPassRates
        scorecard={goldenPathScorecard}
        checks={[]}
        aria-label="What to fix first"
      />,
    );

    expect(
      await screen.findByText('No check has results yet.'),
    ).toBeInTheDocument();
  });
});
