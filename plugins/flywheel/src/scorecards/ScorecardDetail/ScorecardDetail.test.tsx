import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { flywheelApiRef } from '../../api';
import {
  catalogRollup,
  catalogRoutes,
  goldenPathScorecard,
  mockFlywheelApi,
  orgGroups,
  responseError,
  statValue,
} from '../../__testUtils__/testData';
import { ScorecardDetail } from './ScorecardDetail';

const titles = new Map(
  orgGroups.map(g => [stringifyEntityRef(g), g.metadata.title]),
);

function renderDetail(flywheelApi = mockFlywheelApi()) {
  renderInTestApp(
    <ScorecardDetail scorecard={goldenPathScorecard} titles={titles} />,
    { mountedRoutes: catalogRoutes, apis: [[flywheelApiRef, flywheelApi]] },
  );
  return flywheelApi;
}

describe('ScorecardDetail', () => {
  it('shows the rollup of the whole catalog from a single call', async () => {
    const flywheelApi = renderDetail();

    const totals = await screen.findByRole('region', {
      name: 'Across the catalog',
    });
    expect(flywheelApi.getScorecardRollup).toHaveBeenCalledTimes(1);
    expect(flywheelApi.getScorecardRollup).toHaveBeenCalledWith(undefined, {
      scorecardId: 'golden-path-adoption',
    });
    // No counting of entities on the side: the rollup includes those
    // without a team owner.
    expect(flywheelApi.getScorecardEntities).not.toHaveBeenCalled();
    expect(statValue(totals, 'Entities')).toBe('14');
    expect(
      within(totals).getByText('Including those without a team owner'),
    ).toBeInTheDocument();
    expect(statValue(totals, 'Average score')).toBe('59.2%');
    // Teams with entities on the leaderboard (data has none).
    expect(statValue(totals, 'Teams')).toBe('6');
    expect(
      within(totals).getByRole('img', {
        name: 'Levels across the catalog: No level: 4, Bronze: 2, Silver: 4, Gold: 4',
      }),
    ).toBeInTheDocument();

    const checks = screen.getByRole('region', {
      name: 'Checks across the catalog',
    });
    const items = within(checks).getAllByRole('listitem');
    // The rollup's own pass rates, lowest first.
    expect(
      items.map(
        i =>
          goldenPathScorecard.checks.find(c =>
            i.textContent?.startsWith(c.title),
          )?.id,
      ),
    ).toEqual([
      'current-template-version',
      'has-techdocs',
      'from-golden-path',
      'in-system',
      'has-owner',
    ]);
    expect(items[0]).toHaveTextContent(
      'On the current golden-path version45.5%',
    );
    expect(items[0]).toHaveTextContent('5 of 11 pass');
    expect(items[4]).toHaveTextContent('Owned by a team85.7%');
    expect(items[4]).toHaveTextContent('12 of 14 pass · 2 failing');
    expect(
      within(items[0]).getByRole('link', {
        name: 'How to fix: On the current golden-path version, Opens in a new window',
      }),
    ).toBeInTheDocument();

    const leaderboard = screen.getByRole('region', { name: 'Leaderboard' });
    expect(
      await within(leaderboard).findByText(
        'The teams directly under Acme, each with its sub-teams.',
      ),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('img', {
        name: /^Average score of the whole catalog/,
      }),
    ).toBeInTheDocument();
    expect(flywheelApi.getScorecardHistory).toHaveBeenCalledWith({
      scorecardId: 'golden-path-adoption',
      scope: 'scorecard',
      days: 90,
    });
  });

  it('uses the rollup of the scorecard shown', async () => {
    renderDetail(
      mockFlywheelApi({
        getScorecardRollup: jest.fn().mockResolvedValue({
          rollups: [
            {
              ...catalogRollup.rollups[0],
              scorecardId: 'production-readiness',
              entityCount: 3,
            },
            catalogRollup.rollups[0],
          ],
        }),
      }),
    );

    const totals = await screen.findByRole('region', {
      name: 'Across the catalog',
    });
    expect(statValue(totals, 'Entities')).toBe('14');
  });

  it("shows the server's message when the catalog rollup cannot be loaded", async () => {
    const error = await responseError(500, 'Error', 'rollup timed out');
    renderDetail(
      mockFlywheelApi({
        getScorecardRollup: jest.fn().mockRejectedValue(error),
      }),
    );

    expect(
      await screen.findByText('Could not load the pass rates'),
    ).toBeInTheDocument();
    expect(screen.getByText('rollup timed out')).toBeInTheDocument();
    // The leaderboard does not depend on it.
    expect(
      await within(
        screen.getByRole('region', { name: 'Leaderboard' }),
      ).findByRole('radio', { name: 'Top-level teams' }),
    ).toBeInTheDocument();
  });

  it("shows the server's message when the leaderboard cannot be loaded", async () => {
    const error = await responseError(500, 'Error', 'database is locked');
    renderDetail(
      mockFlywheelApi({
        getScorecardLeaderboard: jest.fn().mockRejectedValue(error),
      }),
    );

    expect(await screen.findByText('database is locked')).toBeInTheDocument();
    expect(
      within(screen.getByRole('region', { name: 'Leaderboard' })).getByText(
        'Could not load the leaderboard',
      ),
    ).toBeInTheDocument();
    // The catalog's figures still show, without a team count.
    const totals = await screen.findByRole('region', {
      name: 'Across the catalog',
    });
    expect(statValue(totals, 'Entities')).toBe('14');
    expect(statValue(totals, 'Teams')).toBe('—');
  });
});
