import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  goldenPathScorecard,
  groupHistory,
} from '../../__testUtils__/testData';
import { ScorecardTrendChart } from './ScorecardTrendChart';

describe('ScorecardTrendChart', () => {
  it('summarises both charts in text', () => {
    render(
      <ScorecardTrendChart
        scorecard={goldenPathScorecard}
        points={groupHistory.points}
        subject="Commerce"
      />,
    );

    expect(
      screen.getByRole('img', {
        name: 'Average score of Commerce, last 3 days. Average score from 55% on Jul 18, 2026 to 62.4% on Jul 20, 2026; lowest 55%, highest 62.4%.',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', {
        name: 'Entities per level in Commerce, last 3 days. Entities per level on Jul 18, 2026: No level 2, Bronze 1, Silver 2, Gold 0; on Jul 20, 2026: No level 1, Bronze 1, Silver 2, Gold 1.',
      }),
    ).toBeInTheDocument();
  });

  it('offers the numbers as a table', async () => {
    render(
      <ScorecardTrendChart
        scorecard={goldenPathScorecard}
        points={groupHistory.points}
        subject="Commerce"
      />,
    );

    await userEvent.click(screen.getByText('Show the data'));
    const table = screen.getByRole('table', {
      name: 'Daily snapshots of Golden path adoption for Commerce',
    });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(
      within(rows[3])
        .getAllByRole('cell')
        .map(c => c.textContent),
    ).toEqual(['5', '62.4%', '1', '1', '2', '1']);
  });

  it('puts a single snapshot in words', () => {
    render(
      <ScorecardTrendChart
        scorecard={goldenPathScorecard}
        points={groupHistory.points.slice(2)}
        subject="Commerce"
      />,
    );

    expect(
      screen.getByText(
        /^One snapshot so far, on Jul 20, 2026: 5 entities, average score 62.4%; No level 1, Bronze 1, Silver 2, Gold 1\./,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });

  it('explains an empty history', () => {
    render(
      <ScorecardTrendChart
        scorecard={goldenPathScorecard}
        points={[]}
        subject="Commerce"
      />,
    );

    expect(screen.getByText(/No history yet/)).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });
});
