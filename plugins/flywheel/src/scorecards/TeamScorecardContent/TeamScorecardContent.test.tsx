import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { flywheelApiRef } from '../../api';
import {
  approvedExemption,
  catalogRoutes,
  commerceRollup,
  mockFlywheelApi,
  pendingExemption,
  responseError,
  statValue,
} from '../../__testUtils__/testData';
import { useScorecardPermissions } from '../hooks';
import { TeamScorecardContent } from './TeamScorecardContent';

// usePermission caches answers for the whole test file; decide per test here.
jest.mock('../hooks', () => ({
  ...jest.requireActual('../hooks'),
  useScorecardPermissions: jest.fn(),
}));
const mockPermissions = useScorecardPermissions as jest.MockedFunction<
  typeof useScorecardPermissions
>;

const commerce: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'commerce', namespace: 'default', title: 'Commerce' },
  spec: { type: 'team', children: ['checkout', 'payments-core'] },
};

function renderTab(
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
          ...(options.canDecide
            ? {}
            : {
                cannotDecideReason:
                  'Only the owners of component:default/checkout-api (members of its owning team or of a team above it) decide on its exemptions',
              }),
        })),
      }),
    });
  mockPermissions.mockReturnValue({
    canRefresh: false,
    canRequestExemption: false,
  });
  renderInTestApp(
    <EntityProvider entity={commerce}>
      <TeamScorecardContent />
    </EntityProvider>,
    {
      mountedRoutes: catalogRoutes,
      initialRouteEntries: options.initialRoute
        ? [options.initialRoute]
        : undefined,
      apis: [[flywheelApiRef, flywheelApi]],
    },
  );
  return flywheelApi;
}

describe('TeamScorecardContent', () => {
  it("rolls up the team's scorecard with its sub-teams", async () => {
    const flywheelApi = renderTab();

    const summary = await screen.findByRole('region', { name: 'Summary' });
    expect(flywheelApi.getScorecardRollup).toHaveBeenCalledWith(
      'group:default/commerce',
    );
    expect(screen.getByRole('button', { name: /Scorecard/ })).toHaveTextContent(
      'Golden path adoption',
    );
    expect(statValue(summary, 'Entities')).toBe('5');
    expect(
      within(summary).getByText('including 2 sub-teams'),
    ).toBeInTheDocument();
    expect(statValue(summary, 'Average score')).toBe('62.4%');
    expect(
      within(summary).getByRole('img', {
        name: 'Levels of Commerce: No level: 1, Bronze: 1, Silver: 2, Gold: 1',
      }),
    ).toBeInTheDocument();

    const fixFirst = screen.getByRole('region', { name: 'What to fix first' });
    expect(within(fixFirst).getAllByRole('listitem')[0]).toHaveTextContent(
      'On the current golden-path version25%',
    );

    expect(
      within(
        screen.getByRole('region', { name: 'Checks by sub-team' }),
      ).getByRole('table'),
    ).toBeInTheDocument();

    const trend = screen.getByRole('region', { name: 'Trend, last 90 days' });
    expect(
      await within(trend).findByRole('img', {
        name: /^Average score of Commerce/,
      }),
    ).toBeInTheDocument();
    expect(flywheelApi.getScorecardHistory).toHaveBeenCalledWith({
      scorecardId: 'golden-path-adoption',
      scope: 'group',
      ref: 'group:default/commerce',
      days: 90,
    });

    const entities = screen.getByRole('region', { name: 'Entities' });
    expect(
      await within(entities).findByRole('link', { name: 'checkout-api' }),
    ).toBeInTheDocument();
    expect(
      within(entities).getByRole('button', { name: 'Export CSV' }),
    ).toBeInTheDocument();
  });

  it('lists the entities a check counts against, and all of them again', async () => {
    const flywheelApi = renderTab();

    const fixFirst = await screen.findByRole('region', {
      name: 'What to fix first',
    });
    await userEvent.click(
      within(fixFirst).getByRole('button', {
        name: /^Show the \d+ not passing: On the current golden-path version$/,
      }),
    );

    const entities = await screen.findByRole('region', {
      name: 'Entities not passing: On the current golden-path version',
    });
    // The focus goes with the reader to the list.
    expect(
      within(entities).getByRole('heading', {
        name: 'Entities not passing: On the current golden-path version',
      }),
    ).toHaveFocus();
    await waitFor(() =>
      expect(flywheelApi.getScorecardEntities).toHaveBeenLastCalledWith({
        scorecardId: 'golden-path-adoption',
        groupRef: 'group:default/commerce',
        failingCheck: 'current-template-version',
        limit: 20,
        offset: 0,
      }),
    );

    await userEvent.click(
      within(entities).getByRole('button', { name: 'Show all entities' }),
    );
    expect(
      await screen.findByRole('region', { name: 'Entities' }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(flywheelApi.getScorecardEntities).toHaveBeenLastCalledWith({
        scorecardId: 'golden-path-adoption',
        groupRef: 'group:default/commerce',
        failingCheck: undefined,
        limit: 20,
        offset: 0,
      }),
    );
  });

  it('lists pending exemptions of the team, with decisions for deciders', async () => {
    const flywheelApi = renderTab({ canDecide: true });

    const pending = await screen.findByRole('region', {
      name: 'Exemptions waiting for a decision',
    });
    expect(flywheelApi.getScorecardExemptions).toHaveBeenCalledWith({
      groupRef: 'group:default/commerce',
      status: 'pending',
    });
    await userEvent.click(
      await within(pending).findByRole('button', {
        name: /^Approve exemption/,
      }),
    );

    expect(flywheelApi.decideScorecardExemption).toHaveBeenCalledWith('ex-1', {
      decision: 'approved',
    });
    // The rollup and the entities table reflect the decision.
    await waitFor(() =>
      expect(flywheelApi.getScorecardRollup).toHaveBeenCalledTimes(2),
    );
    await waitFor(() =>
      expect(flywheelApi.getScorecardEntities).toHaveBeenCalledTimes(2),
    );
  });

  it('shows pending exemptions without decisions to other users', async () => {
    renderTab({ canDecide: false });

    const pending = await screen.findByRole('region', {
      name: 'Exemptions waiting for a decision',
    });
    expect(
      await within(pending).findByRole('listitem', {
        name: /On the current golden-path version/,
      }),
    ).toBeInTheDocument();
    expect(within(pending).queryByRole('button')).toBeNull();
    expect(
      within(pending).getAllByText(/^Only the owners of component:default/),
    ).toHaveLength(2);
  });

  it('switches scorecards, and explains one that covers nothing of the team', async () => {
    renderTab();

    await userEvent.click(
      await screen.findByRole('button', { name: /Scorecard/ }),
    );
    await userEvent.click(
      await screen.findByRole('option', { name: 'Production readiness' }),
    );

    expect(
      await screen.findByText(
        'Production readiness does not apply to anything Commerce owns',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Summary' })).toBeNull();
  });

  it('opens the scorecard named in the URL', async () => {
    renderTab({ initialRoute: '/?scorecard=production-readiness' });

    expect(
      await screen.findByText(
        'Production readiness does not apply to anything Commerce owns',
      ),
    ).toBeInTheDocument();
  });

  it('says when the team has no sub-teams', async () => {
    renderTab({
      flywheelApi: mockFlywheelApi({
        getScorecardRollup: jest.fn().mockResolvedValue({
          ...commerceRollup,
          rollups: [{ ...commerceRollup.rollups[0], subTeams: [] }],
        }),
      }),
    });

    expect(
      await screen.findByText('Commerce has no sub-teams.'),
    ).toBeInTheDocument();
  });

  it("shows the server's message when the rollup cannot be loaded", async () => {
    const error = await responseError(
      400,
      'InputError',
      "groupRef must refer to a group, got 'component:default/x'",
    );
    renderTab({
      flywheelApi: mockFlywheelApi({
        getScorecardRollup: jest.fn().mockRejectedValue(error),
      }),
    });

    expect(
      await screen.findByText(
        "groupRef must refer to a group, got 'component:default/x'",
      ),
    ).toBeInTheDocument();
  });
});
