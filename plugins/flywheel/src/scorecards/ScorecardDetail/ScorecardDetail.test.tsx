import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { flywheelApiRef } from '../../api';
import {
  acmeRollup,
  catalogRoutes,
  counts,
  goldenPathScorecard,
  mockFlywheelApi,
  orgGroups,
  responseError,
  statValue,
} from '../../__testUtils__/testData';
import { OrgGroup } from '../orgGroups';
import { ScorecardDetail } from './ScorecardDetail';

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

function renderDetail(flywheelApi = mockFlywheelApi()) {
  renderInTestApp(
    <ScorecardDetail scorecard={goldenPathScorecard} groups={groups} />,
    { mountedRoutes: catalogRoutes, apis: [[flywheelApiRef, flywheelApi]] },
  );
  return flywheelApi;
}

describe('ScorecardDetail', () => {
  it("rolls up the org's root for per-check pass rates across the catalog", async () => {
    const flywheelApi = renderDetail(
      mockFlywheelApi({
        getScorecardEntities: jest
          .fn()
          .mockResolvedValue({ items: [], totalCount: 14 }),
      }),
    );

    const totals = await screen.findByRole('region', {
      name: 'Across the catalog',
    });
    expect(flywheelApi.getScorecardRollup).toHaveBeenCalledTimes(1);
    expect(flywheelApi.getScorecardRollup).toHaveBeenCalledWith(
      'group:default/acme',
      { scorecardId: 'golden-path-adoption' },
    );
    expect(statValue(totals, 'Entities')).toBe('14');
    expect(
      within(totals).getByText(
        '2 without a team owner, left out of the figures below',
      ),
    ).toBeInTheDocument();
    expect(statValue(totals, 'Average score')).toBe('70.5%');
    expect(statValue(totals, 'Teams')).toBe('6');

    const checks = screen.getByRole('region', {
      name: 'Checks across the catalog',
    });
    const items = within(checks).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent(
      'On the current golden-path version45.5%',
    );
    expect(
      within(items[0]).getByRole('link', {
        name: 'How to fix: On the current golden-path version, Opens in a new window',
      }),
    ).toBeInTheDocument();

    expect(
      screen.getByRole('region', { name: 'Leaderboard' }),
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

  it('adds up several roots', async () => {
    const flywheelApi = mockFlywheelApi({
      getScorecardLeaderboard: jest.fn().mockResolvedValue({
        scorecardId: 'golden-path-adoption',
        items: [
          {
            groupRef: 'group:default/acme',
            entityCount: 12,
            averageScore: 70.5,
            levels: {},
          },
          {
            groupRef: 'group:default/contractors',
            entityCount: 4,
            averageScore: 50,
            levels: {},
          },
        ],
      }),
      getScorecardRollup: jest.fn().mockImplementation(async (ref: string) =>
        ref === 'group:default/acme'
          ? acmeRollup
          : {
              groupRef: ref,
              rollups: [
                {
                  scorecardId: 'golden-path-adoption',
                  entityCount: 4,
                  averageScore: 50,
                  levels: { bronze: 4 },
                  checks: [
                    {
                      checkId: 'has-owner',
                      counts: counts({ fail: 4 }),
                      passRate: 0,
                    },
                  ],
                  subTeams: [],
                },
              ],
            },
      ),
    });
    renderDetail(flywheelApi);

    const totals = await screen.findByRole('region', {
      name: 'Across the catalog',
    });
    expect(flywheelApi.getScorecardRollup).toHaveBeenCalledTimes(2);
    // (70.5 × 12 + 50 × 4) / 16
    expect(statValue(totals, 'Average score')).toBe('65.4%');
    const checks = screen.getByRole('region', {
      name: 'Checks across the catalog',
    });
    expect(
      within(checks)
        .getAllByRole('listitem')
        .find(i => i.textContent?.startsWith('Owned by a team')),
    ).toHaveTextContent('12 of 16 pass');
  });

  it("shows the server's message when the leaderboard cannot be loaded", async () => {
    const error = await responseError(500, 'Error', 'database is locked');
    renderDetail(
      mockFlywheelApi({
        getScorecardLeaderboard: jest.fn().mockRejectedValue(error),
      }),
    );

    expect(await screen.findByText('database is locked')).toBeInTheDocument();
  });
});
