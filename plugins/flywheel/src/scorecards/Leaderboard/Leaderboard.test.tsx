import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { LeaderboardResponse } from '@flywheel/plugin-flywheel-common';
import {
  catalogRoutes,
  goldenPathLeaderboard,
  goldenPathScorecard,
  orgGroups,
} from '../../__testUtils__/testData';
import { Leaderboard } from './Leaderboard';

const titles = new Map(
  orgGroups.map(g => [stringifyEntityRef(g), g.metadata.title]),
);

function renderLeaderboard(
  items: LeaderboardResponse['items'] = goldenPathLeaderboard.items,
) {
  renderInTestApp(
    <Leaderboard
      scorecard={goldenPathScorecard}
      items={items}
      titles={titles}
    />,
    { mountedRoutes: catalogRoutes },
  );
}

function teams() {
  return screen
    .getAllByRole('row')
    .slice(1)
    .map(row => within(row).getByRole('rowheader').textContent);
}

/** The row of a team and its cell under a column header. */
function cell(team: string, column: string) {
  const headers = within(screen.getAllByRole('row')[0])
    .getAllByRole('columnheader')
    .map(h => h.textContent);
  const row = screen
    .getAllByRole('row')
    .find(r => within(r).queryByRole('rowheader')?.textContent === team);
  if (!row) {
    throw new Error(`No row for ${team}`);
  }
  return row.children[headers.indexOf(column)] as HTMLElement;
}

describe('Leaderboard', () => {
  it('ranks the teams under the single top-level group by default, linking their team scorecard', async () => {
    renderLeaderboard();

    expect(
      await screen.findByRole('radio', { name: 'Top-level teams' }),
    ).toBeChecked();
    expect(
      screen.getByText(
        'The teams directly under Acme, each with its sub-teams.',
      ),
    ).toBeInTheDocument();
    // depth 1 under acme, best first; data has no entities.
    expect(teams()).toEqual(['engineering', 'commerce']);
    expect(
      screen.queryByRole('columnheader', { name: /Parent team/ }),
    ).toBeNull();
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

  it('ranks the top-level groups themselves when there are several', async () => {
    renderLeaderboard([
      ...goldenPathLeaderboard.items,
      {
        groupRef: 'group:default/contractors',
        depth: 0,
        entityCount: 2,
        averageScore: 30,
        levels: { none: 2 },
      },
      {
        groupRef: 'group:default/empty',
        depth: 0,
        entityCount: 0,
        averageScore: null,
        levels: {},
      },
    ]);

    expect(
      await screen.findByText('The top-level teams, each with its sub-teams.'),
    ).toBeInTheDocument();
    expect(teams()).toEqual(['acme', 'contractors']);
  });

  it('shows all teams with their parent team and sorts by a column', async () => {
    renderLeaderboard();

    await userEvent.click(
      await screen.findByRole('radio', { name: 'All teams' }),
    );
    expect(
      screen.getByText(
        'Every team with its parent team; each counts its sub-teams, so parents include their children.',
      ),
    ).toBeInTheDocument();
    expect(teams()).toEqual([
      'platform',
      'checkout',
      'engineering',
      'acme',
      'commerce',
      'payments-core',
      'data',
    ]);
    expect(
      within(cell('platform', 'Parent team')).getByRole('link', {
        name: 'engineering',
      }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/group/engineering/team-scorecard?scorecard=golden-path-adoption',
    );
    expect(
      within(cell('payments-core', 'Parent team')).getByRole('link'),
    ).toHaveTextContent('commerce');
    expect(cell('acme', 'Parent team')).toHaveTextContent('Top level');

    // By parent: the top level first, then each parent's teams by rank.
    await userEvent.click(
      screen.getByRole('columnheader', { name: /Parent team/ }),
    );
    expect(teams()).toEqual([
      'acme',
      'engineering',
      'commerce',
      'data',
      'checkout',
      'payments-core',
      'platform',
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
    renderLeaderboard([]);

    expect(
      await screen.findByText(
        'No team owns anything this scorecard applies to.',
      ),
    ).toBeInTheDocument();
  });
});
