import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { platformNpsResults } from '../__testUtils__/surveyAdminData';
import { TeamBreakdown } from './TeamBreakdown';

const titles = new Map([
  ['group:default/engineering', 'Engineering'],
  ['group:default/commerce', 'Commerce'],
  ['group:default/checkout', 'Checkout'],
]);

describe('TeamBreakdown', () => {
  it('shows teams with numbers, and hidden teams with the reason only', async () => {
    renderInTestApp(
      <TeamBreakdown
        teams={platformNpsResults.teams}
        thresholds={{ minGroupSize: 7, minCommentGroupSize: 10 }}
        titles={titles}
        teamHref={ref => `?team=${encodeURIComponent(ref)}`}
      />,
    );

    const rows = (await screen.findAllByRole('row')).slice(1);
    expect(
      rows.map(r => [
        within(r).getByRole('rowheader').textContent,
        ...within(r)
          .getAllByRole('cell')
          .map(c => c.textContent),
      ]),
    ).toEqual([
      ['Engineering', '25 of 60', '41.7%', '+28 ± 22', '80% ± 15'],
      ['platform', 'Hidden: fewer than 7 responses'],
      ['Commerce', '14 of 50', '28%', '+14 ± 31', '—'],
      ['Checkout', 'Hidden to protect a smaller team'],
      ['payments-core', 'Hidden: fewer than 7 responses'],
    ]);
    expect(screen.getByRole('link', { name: 'Commerce' })).toHaveAttribute(
      'href',
      '/?team=group%3Adefault%2Fcommerce',
    );
  });

  it('counts responses against the people invited and shows a census as exact', async () => {
    renderInTestApp(
      <TeamBreakdown
        teams={[
          {
            groupRef: 'group:default/commerce',
            depth: 0,
            audienceSize: 12,
            invitedSize: 8,
            responses: 8,
            responseRate: 1,
            nps: { value: 50, low: 50, high: 50 },
            census: false,
          },
          {
            groupRef: 'group:default/checkout',
            depth: 0,
            audienceSize: 6,
            invitedSize: 6,
            responses: 6,
            responseRate: 1,
            nps: { value: 33.3, low: 33.3, high: 33.3 },
            census: true,
          },
        ]}
        thresholds={{ minGroupSize: 5, minCommentGroupSize: 8 }}
        titles={titles}
        teamHref={() => ''}
      />,
    );

    const cells = (await screen.findAllByRole('row'))
      .slice(1)
      .map(r => within(r).getAllByRole('cell'));
    expect(cells[0][0]).toHaveTextContent('8 of 8');
    expect(cells[0][0]).toHaveAttribute(
      'title',
      '8 invited of 12 in the audience when the wave opened',
    );
    expect(cells[1][2]).toHaveTextContent('+33 (exact)');
    expect(cells[1][2]).toHaveAttribute(
      'title',
      "Everyone in the team's audience answered: exact, not an estimate",
    );
  });

  it('says when there are no teams', () => {
    renderInTestApp(
      <TeamBreakdown
        teams={[]}
        thresholds={{ minGroupSize: 5, minCommentGroupSize: 8 }}
        titles={titles}
        teamHref={() => ''}
      />,
    );

    expect(screen.getByText('No teams under this scope.')).toBeInTheDocument();
  });
});
