import { screen, within } from '@testing-library/react';
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
  techdocsCampaign,
} from '../../__testUtils__/testData';
import { expectNoAxeViolations } from '../../__testUtils__/axe';
import { useCampaignPermissions } from '../permissions';
import { CampaignList } from './CampaignList';

// usePermission caches answers for the whole test file; decide per test here.
jest.mock('../permissions', () => ({
  ...jest.requireActual('../permissions'),
  useCampaignPermissions: jest.fn(),
}));
const mockPermissions = useCampaignPermissions as jest.MockedFunction<
  typeof useCampaignPermissions
>;

// The dialog has its own tests; here it only reports what it created.
jest.mock('../CreateCampaignDialog', () => ({
  CreateCampaignDialog: (props: {
    onCreated: (campaign: { id: string }) => void;
  }) => (
    <div role="dialog" aria-label="New campaign">
      <button
        type="button"
        onClick={() => props.onCreated({ id: 'techdocs-everywhere' })}
      >
        Create
      </button>
    </div>
  ),
}));

function renderList(flywheelApi: jest.Mocked<FlywheelApi> = mockFlywheelApi()) {
  const rendered = renderInTestApp(
    <Routes>
      <Route path="/flywheel/campaigns" element={<CampaignList />} />
      <Route
        path="/flywheel/campaigns/:campaignId"
        element={<p>The campaign's page</p>}
      />
    </Routes>,
    {
      initialRouteEntries: ['/flywheel/campaigns'],
      mountedRoutes: { ...catalogRoutes, '/flywheel': rootRouteRef },
      apis: [
        [flywheelApiRef, flywheelApi],
        [catalogApiRef, catalogApiMock({ entities: orgGroups })],
      ],
    },
  );
  return { flywheelApi, rendered };
}

function titlesIn(region: HTMLElement) {
  return within(region)
    .getAllByRole('heading', { level: 4 })
    .map(h => h.textContent);
}

describe('CampaignList', () => {
  beforeEach(() => {
    mockPermissions.mockReturnValue({ canManage: false });
  });

  it('lists running and scheduled campaigns first and closed ones apart, each with its progress', async () => {
    const { rendered } = renderList();
    const { container } = await rendered;

    const campaigns = await screen.findByRole('region', { name: 'Campaigns' });
    await within(campaigns).findByText('TechDocs everywhere');
    expect(titlesIn(campaigns)).toEqual([
      'TechDocs everywhere',
      'Ready for production',
    ]);
    expect(
      titlesIn(screen.getByRole('region', { name: 'Closed campaigns' })),
    ).toEqual(['TypeScript services on 1.2']);

    const techdocs = within(campaigns)
      .getByRole('link', { name: 'TechDocs everywhere' })
      .closest('li') as HTMLElement;
    expect(
      within(techdocs).getByRole('link', { name: 'TechDocs everywhere' }),
    ).toHaveAttribute('href', '/flywheel/campaigns/techdocs-everywhere');
    expect(techdocs).toHaveTextContent(techdocsCampaign.goalText);
    expect(techdocs).toHaveTextContent('Running');
    expect(techdocs).toHaveTextContent('Due Dec 31, 2026');
    expect(
      await within(techdocs).findByRole('link', { name: 'platform' }),
    ).toBeInTheDocument();
    expect(
      within(techdocs).getByRole('progressbar', {
        name: 'Progress of TechDocs everywhere',
      }),
    ).toHaveAttribute('aria-valuetext', '12 of 18 met (66.7%)');
    expect(techdocs).toHaveTextContent('6 to do · 2 exempt');

    const scheduled = within(campaigns)
      .getByText('Ready for production')
      .closest('li') as HTMLElement;
    expect(scheduled).toHaveTextContent('Scheduled');
    expect(scheduled).toHaveTextContent(
      'Starts Jan 15, 2027 · Due Mar 31, 2027',
    );
    expect(
      screen.getByRole('region', { name: 'Closed campaigns' }),
    ).toHaveTextContent('Closed Nov 20, 2026');
    expect(
      screen.queryByRole('button', { name: 'New campaign' }),
    ).not.toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it('offers New campaign to those who may create one, and opens the new campaign', async () => {
    mockPermissions.mockReturnValue({ canManage: true });
    const { flywheelApi } = renderList();

    await userEvent.click(
      await screen.findByRole('button', { name: 'New campaign' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'New campaign' });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create' }),
    );

    expect(await screen.findByText("The campaign's page")).toBeInTheDocument();
    expect(flywheelApi.listCampaigns).toHaveBeenCalledTimes(1);
  });

  it('explains what a campaign is when there is none, with New campaign when permitted', async () => {
    mockPermissions.mockReturnValue({ canManage: true });
    const { rendered } = renderList(
      mockFlywheelApi({
        listCampaigns: jest.fn().mockResolvedValue({ items: [] }),
      }),
    );
    const { container } = await rendered;

    expect(await screen.findByText('No campaigns yet')).toBeInTheDocument();
    expect(
      screen.getByText(
        /A campaign brings a group of catalog entities to a goal/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getAllByRole('button', { name: 'New campaign' }),
    ).toHaveLength(1);
    await expectNoAxeViolations(container);
  });

  it('shows the empty state without the button for those who may not create', async () => {
    renderList(
      mockFlywheelApi({
        listCampaigns: jest.fn().mockResolvedValue({ items: [] }),
      }),
    );

    expect(await screen.findByText('No campaigns yet')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'New campaign' }),
    ).not.toBeInTheDocument();
  });

  it('names the missing permission when the read is refused', async () => {
    renderList(
      mockFlywheelApi({
        listCampaigns: jest
          .fn()
          .mockRejectedValue(
            await responseError(403, 'NotAllowedError', 'Unauthorized'),
          ),
      }),
    );

    expect(
      await screen.findByText(
        'You are not allowed to see campaigns and their progress: it needs the permission flywheel.campaigns.read. Ask your Backstage administrator to grant it.',
      ),
    ).toBeInTheDocument();
  });

  it("shows the server's message and tries again", async () => {
    const listCampaigns = jest
      .fn()
      .mockRejectedValueOnce(
        await responseError(500, 'Error', 'The database is away'),
      )
      .mockResolvedValue({ items: [techdocsCampaign] });
    renderList(mockFlywheelApi({ listCampaigns }));

    expect(await screen.findByText('The database is away')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(
      await screen.findByRole('link', { name: 'TechDocs everywhere' }),
    ).toBeInTheDocument();
  });
});
