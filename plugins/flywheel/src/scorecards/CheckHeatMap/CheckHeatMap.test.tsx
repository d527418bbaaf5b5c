import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  catalogRoutes,
  commerceRollup,
  goldenPathScorecard,
} from '../../__testUtils__/testData';
import { CheckHeatMap } from './CheckHeatMap';

const rollup = commerceRollup.rollups[0];

describe('CheckHeatMap', () => {
  it('shows the pass rate of every check per sub-team as text', async () => {
    renderInTestApp(
      <CheckHeatMap
        scorecard={goldenPathScorecard}
        rollup={rollup}
        teamName="Commerce"
      />,
      { mountedRoutes: catalogRoutes },
    );

    const table = await screen.findByRole('table', {
      name: 'Pass rate per check and sub-team',
    });
    const headers = within(table).getAllByRole('columnheader');
    expect(headers.map(h => h.textContent)).toEqual([
      'Check',
      'All of Commerce5 entities',
      'checkout3 entities',
      'payments-core2 entities',
    ]);
    expect(
      within(headers[2]).getByRole('link', { name: 'checkout' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/group/checkout/team-scorecard?scorecard=golden-path-adoption',
    );

    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map(r =>
        [
          within(r).getByRole('rowheader').textContent,
          ...within(r)
            .getAllByRole('cell')
            .map(c => c.textContent),
        ].join(' | '),
      ),
    ).toEqual([
      'On the current golden-path version | 25% | 33.3% | 0%',
      'Has TechDocs | 40% | 66.7% | 0%',
      'Created from a golden path | 75% | 100% | 50%',
      'Part of a system | 80% | 100% | 50%',
      'Owned by a team | 100% | 100% | 100%',
    ]);
    expect(within(rows[0]).getAllByRole('cell')[2].className).toMatch(/poor/);
    // A sub-team's rate below 100% leads to its entities not passing.
    expect(
      within(rows[0]).getByRole('link', {
        name: '33.3%: the entities of checkout not passing On the current golden-path version',
      }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/group/checkout/team-scorecard?scorecard=golden-path-adoption&failing=current-template-version',
    );
    expect(within(rows[4]).queryByRole('link')).toBeNull();
  });

  it('leaves out sub-teams the scorecard does not cover, and says so', async () => {
    renderInTestApp(
      <CheckHeatMap
        scorecard={goldenPathScorecard}
        rollup={{
          ...rollup,
          subTeams: [
            ...rollup.subTeams,
            {
              groupRef: 'group:default/ml-insights',
              entityCount: 0,
              averageScore: null,
              levels: {},
              checks: [],
            },
          ],
        }}
        teamName="Commerce"
      />,
      { mountedRoutes: catalogRoutes },
    );

    expect(
      await screen.findByText(
        '1 sub-team owns nothing this scorecard applies to and is left out.',
      ),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('columnheader')).toHaveLength(4);
  });

  it('says when the team has no sub-teams', async () => {
    renderInTestApp(
      <CheckHeatMap
        scorecard={goldenPathScorecard}
        rollup={{ ...rollup, subTeams: [] }}
        teamName="Checkout"
      />,
      { mountedRoutes: catalogRoutes },
    );

    expect(
      await screen.findByText('Checkout has no sub-teams.'),
    ).toBeInTheDocument();
  });
});
