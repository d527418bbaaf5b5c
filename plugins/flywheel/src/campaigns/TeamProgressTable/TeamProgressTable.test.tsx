import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { CampaignTeamsResponse } from '@flywheel/plugin-flywheel-common';
import {
  catalogRoutes,
  orgGroups,
  techdocsTeams,
} from '../../__testUtils__/testData';
import { expectNoAxeViolations } from '../../__testUtils__/axe';
import { TeamProgressTable, teamTree } from './TeamProgressTable';

function renderTable(
  teams: CampaignTeamsResponse = techdocsTeams,
  onShowItems?: (groupRef: string) => void,
) {
  return renderInTestApp(
    <TeamProgressTable teams={teams} onShowItems={onShowItems} />,
    {
      mountedRoutes: catalogRoutes,
      apis: [[catalogApiRef, catalogApiMock({ entities: orgGroups })]],
    },
  );
}

/** The rows' team names and their subtree progress, as shown. */
function rows() {
  return within(screen.getByRole('table', { name: 'Teams' }))
    .getAllByRole('row')
    .slice(1)
    .map(row => {
      const cells = [...row.querySelectorAll('th, td')];
      const name =
        within(cells[0] as HTMLElement).queryByRole('link') ?? cells[0];
      return [
        name.textContent,
        within(row).queryByRole('progressbar')?.getAttribute('aria-valuetext'),
        cells[2].textContent,
        cells[3].textContent,
        cells[4].textContent,
      ];
    });
}

describe('TeamProgressTable', () => {
  it('nests the teams along the hierarchy, the top level open, with subtree and own counts', async () => {
    const { container } = await renderTable();

    await screen.findByRole('link', { name: 'Commerce' });
    expect(rows()).toEqual([
      ['Acme', '11 of 16 met (68.8%)', '—', '5', '2'],
      ['Commerce', '7 of 11 met (63.6%)', '1 of 2 met (50%)', '4', '1'],
      ['Data', '4 of 5 met (80%)', '4 of 5 met (80%)', '1', '1'],
      ['Not owned by a team', '1 of 2 met (50%)', '1 of 2 met (50%)', '1', '0'],
    ]);
    expect(
      screen.getByRole('button', { name: 'Teams under Acme' }),
    ).toHaveAttribute('aria-expanded', 'true');
    expect(
      screen.getByRole('button', { name: 'Teams under Commerce' }),
    ).toHaveAttribute('aria-expanded', 'false');
    await expectNoAxeViolations(container);
  });

  it('expands and collapses a team with the keyboard', async () => {
    await renderTable();

    const commerce = await screen.findByRole('button', {
      name: 'Teams under Commerce',
    });
    commerce.focus();
    await userEvent.keyboard('{Enter}');
    expect(commerce).toHaveAttribute('aria-expanded', 'true');
    expect(rows().map(r => r[0])).toEqual([
      'Acme',
      'Commerce',
      'Checkout',
      'Payments core',
      'Data',
      'Not owned by a team',
    ]);
    expect(
      screen.getByRole('link', { name: 'Checkout' }).closest('tr'),
    ).toHaveAttribute('data-depth', '2');

    await userEvent.click(
      screen.getByRole('button', { name: 'Teams under Acme' }),
    );
    expect(rows().map(r => r[0])).toEqual(['Acme', 'Not owned by a team']);
  });

  it("shows a team's to-dos", async () => {
    const onShowItems = jest.fn();
    await renderTable(techdocsTeams, onShowItems);

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Show to-dos of Commerce',
      }),
    );
    expect(onShowItems).toHaveBeenCalledWith('group:default/commerce');
  });

  it('says when no team has entities', async () => {
    await renderTable({
      campaignId: 'x',
      teams: [],
      unowned: { cohort: 0, met: 0, open: 0, exempt: 0, percent: null },
    });
    expect(
      await screen.findByText(
        'No team owns an entity of this campaign that you may see.',
      ),
    ).toBeInTheDocument();
  });

  it('makes a team whose parent is not listed a root', () => {
    const tree = teamTree(
      techdocsTeams.teams.filter(t => t.groupRef !== 'group:default/acme'),
    );
    expect(tree.map(n => n.team.groupRef)).toEqual([
      'group:default/commerce',
      'group:default/data',
    ]);
    expect(tree[0].children.map(n => n.team.groupRef)).toEqual([
      'group:default/checkout',
      'group:default/payments-core',
    ]);
  });
});
