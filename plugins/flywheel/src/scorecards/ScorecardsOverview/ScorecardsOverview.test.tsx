import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { flywheelApiRef } from '../../api';
import {
  approvedExemption,
  catalogRoutes,
  pendingExemption,
  mockFlywheelApi,
  orgGroups,
  responseError,
  statValue,
} from '../../__testUtils__/testData';
import { useScorecardPermissions } from '../hooks';
import { ScorecardsOverview } from './ScorecardsOverview';

// usePermission caches answers for the whole test file; decide per test here.
jest.mock('../hooks', () => ({
  ...jest.requireActual('../hooks'),
  useScorecardPermissions: jest.fn(),
}));
const mockPermissions = useScorecardPermissions as jest.MockedFunction<
  typeof useScorecardPermissions
>;

function renderOverview(
  options: {
    flywheelApi?: ReturnType<typeof mockFlywheelApi>;
    canDecide?: boolean;
    initialRoute?: string;
  } = {},
) {
  // The API says per exemption whether the user may decide it.
  const flywheelApi =
    options.flywheelApi ??
    mockFlywheelApi({
      getScorecardExemptions: jest.fn().mockResolvedValue({
        items: [pendingExemption, approvedExemption].map(e => ({
          ...e,
          canDecide: !!options.canDecide,
        })),
      }),
    });
  mockPermissions.mockReturnValue({
    canRefresh: false,
    canRequestExemption: false,
  });
  renderInTestApp(<ScorecardsOverview />, {
    mountedRoutes: catalogRoutes,
    initialRouteEntries: options.initialRoute
      ? [options.initialRoute]
      : undefined,
    apis: [
      [flywheelApiRef, flywheelApi],
      [catalogApiRef, catalogApiMock({ entities: orgGroups })],
    ],
  });
  return flywheelApi;
}

describe('ScorecardsOverview', () => {
  it('lists scorecards and details the first', async () => {
    const flywheelApi = renderOverview();

    expect(
      await screen.findByRole('heading', { name: 'Scorecards (2)' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Golden path adoption' }),
    ).toHaveAttribute('aria-current', 'true');
    expect(
      await screen.findByRole('heading', {
        level: 2,
        name: 'Golden path adoption',
      }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('region', { name: 'Leaderboard' }),
    ).toBeInTheDocument();
    expect(flywheelApi.getScorecardLeaderboard).toHaveBeenCalledWith(
      'golden-path-adoption',
    );
    // One rollup of the whole catalog, not one per root group.
    const totals = await screen.findByRole('region', {
      name: 'Across the catalog',
    });
    expect(statValue(totals, 'Entities')).toBe('14');
    expect(flywheelApi.getScorecardRollup).toHaveBeenCalledTimes(1);
    expect(flywheelApi.getScorecardRollup).toHaveBeenCalledWith(undefined, {
      scorecardId: 'golden-path-adoption',
    });
    // Group titles come from the catalog.
    expect(
      await screen.findByText(
        'The teams directly under Acme, each with its sub-teams.',
      ),
    ).toBeInTheDocument();
  });

  it('details the scorecard named in the URL', async () => {
    const flywheelApi = renderOverview({
      initialRoute: '/?scorecard=production-readiness',
    });

    expect(
      await screen.findByRole('heading', {
        level: 2,
        name: 'Production readiness',
      }),
    ).toBeInTheDocument();
    expect(flywheelApi.getScorecardLeaderboard).toHaveBeenCalledWith(
      'production-readiness',
    );
  });

  it('shows the queue of pending exemptions to deciders only', async () => {
    renderOverview({ canDecide: true });

    const queue = await screen.findByRole('region', {
      name: 'Exemptions waiting for your decision',
    });
    expect(
      await within(queue).findByRole('button', { name: /^Approve exemption/ }),
    ).toBeInTheDocument();
  });

  it('loads the figures again after a decision, keeping the old ones meanwhile', async () => {
    const flywheelApi = renderOverview({ canDecide: true });

    const queue = await screen.findByRole('region', {
      name: 'Exemptions waiting for your decision',
    });
    await screen.findByRole('region', { name: 'Across the catalog' });
    await userEvent.click(
      await within(queue).findByRole('button', { name: /^Approve exemption/ }),
    );

    await waitFor(() =>
      expect(flywheelApi.getScorecardRollup).toHaveBeenCalledTimes(2),
    );
    await waitFor(() =>
      expect(flywheelApi.getScorecardLeaderboard).toHaveBeenCalledTimes(2),
    );
    expect(
      screen.getByRole('region', { name: 'Across the catalog' }),
    ).toBeInTheDocument();
  });

  it('hides the queue from those who may decide none of the pending exemptions', async () => {
    const flywheelApi = renderOverview({ canDecide: false });

    await screen.findByRole('heading', { name: 'Scorecards (2)' });
    await waitFor(() =>
      expect(flywheelApi.getScorecardExemptions).toHaveBeenCalledWith({
        status: 'pending',
      }),
    );
    expect(
      screen.queryByRole('region', {
        name: 'Exemptions waiting for your decision',
      }),
    ).toBeNull();
    expect(screen.queryByRole('button', { name: /^Approve/ })).toBeNull();
  });

  it('explains how to add a scorecard when there is none', async () => {
    renderOverview({
      flywheelApi: mockFlywheelApi({
        getScorecards: jest.fn().mockResolvedValue({ items: [] }),
      }),
    });

    expect(await screen.findByText('No scorecards yet')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'docs/scorecards.md' }),
    ).toHaveAttribute(
      'href',
      'https://github.com/flywheel-dev/flywheel/blob/main/docs/scorecards.md',
    );
  });

  it("shows the server's message when scorecards cannot be loaded", async () => {
    const error = await responseError(500, 'Error', 'The backend is starting');
    renderOverview({
      flywheelApi: mockFlywheelApi({
        getScorecards: jest.fn().mockRejectedValue(error),
      }),
    });

    expect(
      await screen.findByText(
        /Could not load scorecards: The backend is starting/,
      ),
    ).toBeInTheDocument();
  });
});
