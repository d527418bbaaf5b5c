import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  catalogRoutes,
  goldenPathLeaderboard,
  goldenPathScorecard,
  orgGroups,
} from '../../__testUtils__/testData';
import { OrgGroup } from '../orgGroups';
import { Leaderboard } from './Leaderboard';

const groups = new Map<string, OrgGroup>(
  orgGroups.map(g => [
    stringifyEntityRef(g),
    {
      ref: stringifyEntityRef(g),
      title: g.metadata.title,
      parentRef: g.relations[0]?.targetRef,
    },
  ]),
);

function teams() {
  return screen
    .getAllByRole('row')
    .slice(1)
    .map(row => within(row).getByRole('rowheader').textContent);
}

describe('Leaderboard', () => {
  it('ranks the top-level teams by default, linking their team scorecard', async () => {
    renderInTestApp(
      <Leaderboard
        scorecard={goldenPathScorecard}
        items={goldenPathLeaderboard.items}
        groups={groups}
      />,
      { mountedRoutes: catalogRoutes },
    );

    expect(
      await screen.findByRole('radio', { name: 'Top-level teams' }),
    ).toBeChecked();
    expect(
      screen.getByText(
        'The teams directly under Acme, each with its sub-teams.',
      ),
    ).toBeInTheDocument();
    expect(teams()).toEqual(['engineering']);
    const row = screen.getAllByRole('row')[1];
    expect(within(row).getByRole('link')).toHaveAttribute(
      'href',
      '/catalog/default/group/engineering/team-scorecard?scorecard=golden-path-adoption',
    );
    expect(within(row).getByText('68%')).toBeInTheDocument();
    expect(
      within(row).getByRole('img', {
        name: 'Levels of Engineering: No level: 1, Bronze: 1, Silver: 2, Gold: 3',
      }),
    ).toBeInTheDocument();
  });

  it('shows all teams and sorts by a column', async () => {
    renderInTestApp(
      <Leaderboard
        scorecard={goldenPathScorecard}
        items={goldenPathLeaderboard.items}
        groups={groups}
      />,
      { mountedRoutes: catalogRoutes },
    );

    await userEvent.click(
      await screen.findByRole('radio', { name: 'All teams' }),
    );
    expect(teams()).toEqual([
      'platform',
      'checkout',
      'acme',
      'engineering',
      'commerce',
      'payments-core',
      'data',
    ]);

    await userEvent.click(
      screen.getByRole('columnheader', { name: /Entities/ }),
    );
    expect(teams()[0]).toBe('data');
    await userEvent.click(
      screen.getByRole('columnheader', { name: /Entities/ }),
    );
    expect(teams()[0]).toBe('acme');
  });

  it('says when no team has entities', async () => {
    renderInTestApp(
      <Leaderboard
        scorecard={goldenPathScorecard}
        items={[]}
        groups={groups}
      />,
      { mountedRoutes: catalogRoutes },
    );

    expect(
      await screen.findByText(
        'No team owns anything this scorecard applies to.',
      ),
    ).toBeInTheDocument();
  });
});
