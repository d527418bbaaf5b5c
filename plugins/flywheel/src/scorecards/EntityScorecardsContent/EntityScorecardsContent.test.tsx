import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { flywheelApiRef } from '../../api';
import {
  approvedExemption,
  catalogRoutes,
  mockFlywheelApi,
  pendingExemption,
  responseError,
  statValue,
} from '../../__testUtils__/testData';
import { useScorecardPermissions } from '../hooks';
import { EntityScorecardsContent } from './EntityScorecardsContent';

// usePermission caches answers for the whole test file; decide per test here.
jest.mock('../hooks', () => ({
  ...jest.requireActual('../hooks'),
  useScorecardPermissions: jest.fn(),
}));
const mockPermissions = useScorecardPermissions as jest.MockedFunction<
  typeof useScorecardPermissions
>;

const checkoutApi: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout-api', namespace: 'default' },
  spec: { type: 'service' },
};

function renderContent(
  options: {
    flywheelApi?: ReturnType<typeof mockFlywheelApi>;
    allowed?: boolean;
  } = {},
) {
  const allowed = options.allowed ?? true;
  // The API says per exemption whether the user may decide it.
  const flywheelApi =
    options.flywheelApi ??
    mockFlywheelApi({
      getScorecardExemptions: jest.fn().mockResolvedValue({
        items: [pendingExemption, approvedExemption].map(e => ({
          ...e,
          canDecide: allowed,
        })),
      }),
    });
  mockPermissions.mockReturnValue({
    canRefresh: allowed,
    canRequestExemption: allowed,
  });
  renderInTestApp(
    <EntityProvider entity={checkoutApi}>
      <EntityScorecardsContent />
    </EntityProvider>,
    {
      mountedRoutes: catalogRoutes,
      apis: [[flywheelApiRef, flywheelApi]],
    },
  );
  return flywheelApi;
}

describe('EntityScorecardsContent', () => {
  it('shows every scorecard that applies, with the exemptions', async () => {
    const flywheelApi = renderContent();

    expect(
      await screen.findByRole('region', { name: 'Golden path adoption' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('region', { name: 'Production readiness' }),
    ).toBeInTheDocument();
    expect(flywheelApi.getEntityScorecardResults).toHaveBeenCalledWith(
      'component:default/checkout-api',
    );
    expect(screen.getByText(/2 scorecards apply/)).toBeInTheDocument();

    const exemptions = screen.getByRole('region', { name: 'Exemptions' });
    expect(
      await within(exemptions).findByRole('listitem', {
        name: 'On the current golden-path version',
      }),
    ).toHaveTextContent('Pending');
    expect(flywheelApi.getScorecardExemptions).toHaveBeenCalledWith({
      entityRef: 'component:default/checkout-api',
    });
  });

  it('refreshes and shows the new result', async () => {
    const flywheelApi = renderContent();

    const card = await screen.findByRole('region', {
      name: 'Golden path adoption',
    });
    expect(card).toHaveTextContent('Level: Silver');

    await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));

    expect(flywheelApi.refreshEntityScorecards).toHaveBeenCalledWith(
      'component:default/checkout-api',
    );
    expect(
      await screen.findByText('Scorecards re-evaluated just now.'),
    ).toBeInTheDocument();
    const refreshed = screen.getByRole('region', {
      name: 'Golden path adoption',
    });
    expect(refreshed).toHaveTextContent('Level: Gold');
    expect(statValue(refreshed, 'Score')).toBe('85.7%');
  });

  it('hides Refresh and exemption requests from users without the permissions', async () => {
    renderContent({ allowed: false });

    await screen.findByRole('region', { name: 'Golden path adoption' });
    expect(screen.queryByRole('button', { name: 'Refresh' })).toBeNull();
    expect(
      screen.queryByRole('button', { name: /Request exemption/ }),
    ).toBeNull();
    expect(screen.queryByRole('button', { name: /^Approve/ })).toBeNull();
  });

  it('offers exemption requests only once the open ones are known', async () => {
    const flywheelApi = mockFlywheelApi();
    let answer: (items: { items: [] }) => void = () => {};
    flywheelApi.getScorecardExemptions.mockReturnValue(
      new Promise(resolve => {
        answer = resolve;
      }),
    );
    renderContent({ flywheelApi });

    await screen.findByRole('region', { name: 'Golden path adoption' });
    expect(
      screen.queryByRole('button', { name: /Request exemption/ }),
    ).toBeNull();

    answer({ items: [] });
    expect(
      (await screen.findAllByRole('button', { name: /Request exemption/ }))
        .length,
    ).toBeGreaterThan(0);
  });

  it('moves the focus to a new request when its button goes away', async () => {
    const flywheelApi = mockFlywheelApi();
    flywheelApi.getScorecardExemptions
      .mockResolvedValueOnce({ items: [] })
      .mockResolvedValue({ items: [pendingExemption] });
    renderContent({ flywheelApi });

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Request exemption: On the current golden-path version',
      }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Request an exemption',
    });
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Justification/ }),
      'Upgrade is planned for the Q3 freeze window',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Request exemption' }),
    );

    await waitFor(() =>
      expect(
        screen.getByText(/^Exemption requested on .*, waiting for a decision/),
      ).toHaveFocus(),
    );
  });

  it('explains a refused refresh', async () => {
    const error = await responseError(403, 'NotAllowedError', 'Unauthorized');
    renderContent({
      flywheelApi: mockFlywheelApi({
        refreshEntityScorecards: jest.fn().mockRejectedValue(error),
      }),
    });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Refresh' }),
    );

    expect(
      await screen.findByText(
        /needs the permission flywheel\.scorecards\.refresh\. Ask your Backstage administrator/,
      ),
    ).toBeInTheDocument();
    // The last result stays on screen.
    expect(
      screen.getByRole('region', { name: 'Golden path adoption' }),
    ).toHaveTextContent('Level: Silver');
  });

  it('reloads results and exemptions after a decision', async () => {
    const flywheelApi = renderContent();

    await userEvent.click(
      await screen.findByRole('button', { name: /^Approve exemption/ }),
    );

    await waitFor(() =>
      expect(flywheelApi.getEntityScorecardResults).toHaveBeenCalledTimes(2),
    );
    expect(flywheelApi.getScorecardExemptions).toHaveBeenCalledTimes(2);
  });

  it('says when no scorecard applies', async () => {
    renderContent({
      flywheelApi: mockFlywheelApi({
        getEntityScorecardResults: jest.fn().mockResolvedValue({
          entityRef: 'component:default/checkout-api',
          results: [],
        }),
      }),
    });

    expect(
      await screen.findByText('No scorecard applies to this entity'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /None of Golden path adoption, Production readiness selects this one/,
      ),
    ).toBeInTheDocument();
  });

  it("shows the server's message when results cannot be loaded", async () => {
    const error = await responseError(
      404,
      'NotFoundError',
      'No entity component:default/checkout-api in the catalog',
    );
    renderContent({
      flywheelApi: mockFlywheelApi({
        getEntityScorecardResults: jest.fn().mockRejectedValue(error),
      }),
    });

    expect(
      await screen.findByText(
        'No entity component:default/checkout-api in the catalog',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Try again' }),
    ).toBeInTheDocument();
  });
});
