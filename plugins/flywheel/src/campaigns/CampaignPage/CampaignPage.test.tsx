import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { Route, Routes } from 'react-router-dom';
import { FlywheelApi, flywheelApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import {
  catalogRoutes,
  mockFlywheelApi,
  orgGroups,
  responseError,
  statValue,
  techdocsCampaign,
  typescriptPathCampaign,
  WITHHELD,
  withheldProgress,
} from '../../__testUtils__/testData';
import { expectNoAxeViolations } from '../../__testUtils__/axe';
import { useCampaignPermissions } from '../permissions';
import { CampaignPage } from './CampaignPage';

// usePermission caches answers for the whole test file; decide per test here.
jest.mock('../permissions', () => ({
  ...jest.requireActual('../permissions'),
  useCampaignPermissions: jest.fn(),
}));
const mockPermissions = useCampaignPermissions as jest.MockedFunction<
  typeof useCampaignPermissions
>;

function renderPage(
  flywheelApi: jest.Mocked<FlywheelApi> = mockFlywheelApi(),
  url = '/flywheel/campaigns/techdocs-everywhere',
) {
  const rendered = renderInTestApp(
    <Routes>
      <Route
        path="/flywheel/campaigns/:campaignId"
        element={<CampaignPage />}
      />
    </Routes>,
    {
      initialRouteEntries: [url],
      mountedRoutes: { ...catalogRoutes, '/flywheel': rootRouteRef },
      apis: [
        [flywheelApiRef, flywheelApi],
        [catalogApiRef, catalogApiMock({ entities: orgGroups })],
      ],
    },
  );
  return { flywheelApi, rendered };
}

describe('CampaignPage', () => {
  beforeEach(() => {
    mockPermissions.mockReturnValue({ canManage: false });
  });

  it('shows the campaign: state, goal, owner, dates, how-to, burn-up, teams and to-dos', async () => {
    const { flywheelApi, rendered } = renderPage();
    const { container } = await rendered;

    expect(
      await screen.findByRole('heading', {
        name: 'TechDocs everywhere',
        level: 2,
      }),
    ).toBeInTheDocument();
    expect(flywheelApi.getCampaign).toHaveBeenCalledWith('techdocs-everywhere');
    expect(
      screen.getByRole('link', { name: '← All campaigns' }),
    ).toHaveAttribute('href', '/flywheel/campaigns');
    expect(screen.getByText('Running')).toBeInTheDocument();
    expect(
      screen.getByText(`Goal: ${techdocsCampaign.goalText}`),
    ).toBeInTheDocument();
    const about = container.querySelector(
      'dl[aria-label="About the campaign"]',
    ) as HTMLElement;
    expect(statValue(about, 'Starts')).toBe('Oct 1, 2026');
    expect(statValue(about, 'Deadline')).toBe('Dec 31, 2026');
    expect(statValue(about, 'Defined')).toBe('In Flywheel');
    expect(
      await within(about).findByRole('link', { name: 'platform' }),
    ).toBeInTheDocument();

    // The how-to, as Markdown (its renderer loads on demand).
    const howTo = screen.getByRole('region', { name: 'How to get there' });
    expect(
      await within(howTo).findByRole('heading', { name: 'Steps' }),
    ).toBeInTheDocument();
    expect(within(howTo).getAllByRole('listitem')).toHaveLength(2);

    expect(
      await screen.findByRole('img', {
        name: /^Burn-up of TechDocs everywhere: 12 of 18 entities/,
      }),
    ).toBeInTheDocument();
    expect(screen.getByText('On track')).toBeInTheDocument();
    expect(
      await screen.findByRole('button', { name: 'Teams under Acme' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: 'Checkout API' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Close campaign' }),
    ).not.toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it('shows why the burn-up is withheld', async () => {
    await renderPage(
      mockFlywheelApi({
        getCampaignProgress: jest.fn().mockResolvedValue(withheldProgress),
      }),
    ).rendered;

    expect(await screen.findByText(WITHHELD)).toBeInTheDocument();
    expect(screen.queryByRole('img', { name: /^Burn-up/ })).toBeNull();
  });

  it("opens a team's to-dos from the teams table and from the address", async () => {
    const { flywheelApi, rendered } = renderPage(
      mockFlywheelApi(),
      '/flywheel/campaigns/techdocs-everywhere?groupRef=group%3Adefault%2Fdata',
    );
    await rendered;

    await waitFor(() =>
      expect(flywheelApi.getCampaignItems).toHaveBeenCalledWith(
        'techdocs-everywhere',
        expect.objectContaining({ groupRef: 'group:default/data' }),
      ),
    );
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Show to-dos of Commerce',
      }),
    );
    await waitFor(() =>
      expect(flywheelApi.getCampaignItems).toHaveBeenLastCalledWith(
        'techdocs-everywhere',
        expect.objectContaining({ groupRef: 'group:default/commerce' }),
      ),
    );
  });

  it('closes the campaign for those allowed, and shows who closed it and why', async () => {
    mockPermissions.mockReturnValue({ canManage: true });
    const closed = {
      ...techdocsCampaign,
      state: 'closed' as const,
      closedAt: typescriptPathCampaign.closedAt,
      closedBy: 'user:default/grace',
      closeNote: 'Done for the year',
    };
    const getCampaign = jest
      .fn()
      .mockResolvedValueOnce(techdocsCampaign)
      .mockResolvedValue(closed);
    const { flywheelApi, rendered } = renderPage(
      mockFlywheelApi({ getCampaign }),
    );
    await rendered;

    await userEvent.click(
      await screen.findByRole('button', { name: 'Close campaign' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Close TechDocs everywhere',
    });
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Note/ }),
      'Done for the year',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Close campaign' }),
    );

    await waitFor(() =>
      expect(flywheelApi.closeCampaign).toHaveBeenCalledWith(
        'techdocs-everywhere',
        'Done for the year',
      ),
    );
    const note = await screen.findByText(/^Closed on Nov 20, 2026/);
    expect(note).toHaveTextContent(
      'Closed on Nov 20, 2026 by grace: Done for the year',
    );
    expect(screen.getByText('Closed')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Close campaign' }),
    ).not.toBeInTheDocument();
  });

  it('shows a closed campaign without its actions', async () => {
    mockPermissions.mockReturnValue({ canManage: true });
    await renderPage(
      mockFlywheelApi({
        getCampaign: jest.fn().mockResolvedValue({
          ...techdocsCampaign,
          ...typescriptPathCampaign,
          automation: techdocsCampaign.automation,
        }),
      }),
      '/flywheel/campaigns/typescript-path-1-2',
    ).rendered;

    expect(
      await screen.findByText(/^Closed on Nov 20, 2026/),
    ).toHaveTextContent('Superseded by the 2.0 migration.');
    await screen.findByRole('link', { name: 'Checkout API' });
    expect(screen.queryByText('Start onboarding')).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Close campaign' }),
    ).not.toBeInTheDocument();
  });

  it('says when there is no such campaign', async () => {
    await renderPage(
      mockFlywheelApi({
        getCampaign: jest
          .fn()
          .mockRejectedValue(
            await responseError(404, 'NotFoundError', "No campaign 'nope'"),
          ),
      }),
      '/flywheel/campaigns/nope',
    ).rendered;

    expect(await screen.findByText("No campaign 'nope'")).toBeInTheDocument();
    expect(screen.getByText('Could not load the campaign')).toBeInTheDocument();
  });
});
