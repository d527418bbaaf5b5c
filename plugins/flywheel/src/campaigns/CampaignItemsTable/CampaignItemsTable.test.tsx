import { useState } from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { Campaign } from '@flywheel/plugin-flywheel-common';
import { FlywheelApi, flywheelApiRef } from '../../api';
import {
  catalogRoutes,
  checkoutItem,
  mockFlywheelApi,
  orgGroups,
  readinessCampaign,
  responseError,
  searchItem,
  techdocsCampaign,
  techdocsItems,
} from '../../__testUtils__/testData';
import { expectNoAxeViolations } from '../../__testUtils__/axe';
import { CampaignItemsTable } from './CampaignItemsTable';

/** What the scaffolder form opens with for checkout-api, as JSON in the URL. */
const CHECKOUT_FORM_DATA = encodeURIComponent(
  JSON.stringify({
    branch: 'add-techdocs',
    component: 'component:default/checkout-api',
  }),
);

function Controlled(props: { campaign: Campaign; initialGroupRef?: string }) {
  const [groupRef, setGroupRef] = useState(props.initialGroupRef);
  return (
    <CampaignItemsTable
      campaign={props.campaign}
      groupRef={groupRef}
      onGroupRefChange={setGroupRef}
    />
  );
}

function renderTable(
  flywheelApi: jest.Mocked<FlywheelApi> = mockFlywheelApi(),
  campaign: Campaign = techdocsCampaign,
  initialGroupRef?: string,
) {
  const rendered = renderInTestApp(
    <Controlled campaign={campaign} initialGroupRef={initialGroupRef} />,
    {
      mountedRoutes: catalogRoutes,
      apis: [
        [flywheelApiRef, flywheelApi],
        [catalogApiRef, catalogApiMock({ entities: orgGroups })],
      ],
    },
  );
  return { flywheelApi, rendered };
}

function rowOf(name: string) {
  return screen
    .getByRole('link', { name })
    .closest('[role="row"]') as HTMLElement;
}

describe('CampaignItemsTable', () => {
  it('lists the open items with owner, state and why, and offers the automation with the entity filled in', async () => {
    const { flywheelApi, rendered } = renderTable();
    const { container } = await rendered;

    await screen.findByRole('link', { name: 'Checkout API' });
    expect(flywheelApi.getCampaignItems).toHaveBeenCalledWith(
      'techdocs-everywhere',
      { state: 'open', groupRef: undefined, limit: 20, offset: 0 },
    );
    const checkout = rowOf('Checkout API');
    expect(
      within(checkout).getByRole('link', { name: 'Checkout API' }),
    ).toHaveAttribute('href', '/catalog/default/component/checkout-api');
    expect(checkout).toHaveTextContent('To do');
    expect(checkout).toHaveTextContent(checkoutItem.reason);
    expect(
      await within(checkout).findByRole('link', { name: 'checkout' }),
    ).toBeInTheDocument();
    expect(
      within(checkout).getByRole('link', {
        name: 'Start onboarding for Checkout API',
      }),
    ).toHaveAttribute(
      'href',
      '/create/templates/default/add-techdocs?formData=%7B%22branch%22%3A%22add-techdocs%22%2C%22component%22%3A%22component%3Adefault%2Fcheckout-api%22%7D',
    );
    expect(CHECKOUT_FORM_DATA).toBe(
      '%7B%22branch%22%3A%22add-techdocs%22%2C%22component%22%3A%22component%3Adefault%2Fcheckout-api%22%7D',
    );
    expect(
      within(checkout).getByRole('link', {
        name: 'Request an exemption for Checkout API',
      }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout-api/scorecards?scorecard=golden-path-adoption',
    );
    // An entity without a title is named by the catalog.
    expect(rowOf('legacy-billing')).toHaveTextContent(
      'The annotation backstage.io/techdocs-ref is missing',
    );
    await expectNoAxeViolations(container);
  });

  it("puts the entity in the template's default parameter when the campaign names none", async () => {
    const campaign: Campaign = {
      ...techdocsCampaign,
      automation: { templateRef: 'template:default/add-techdocs' },
    };
    await renderTable(mockFlywheelApi(), campaign).rendered;

    expect(
      await screen.findByRole('link', {
        name: 'Start onboarding for Checkout API',
      }),
    ).toHaveAttribute(
      'href',
      `/create/templates/default/add-techdocs?formData=${encodeURIComponent(
        '{"entity":"component:default/checkout-api"}',
      )}`,
    );
  });

  it('filters by state and by team', async () => {
    const flywheelApi = mockFlywheelApi();
    await renderTable(flywheelApi).rendered;
    await screen.findByRole('link', { name: 'Checkout API' });

    flywheelApi.getCampaignItems.mockResolvedValue({
      ...techdocsItems,
      items: [searchItem],
      totalCount: 1,
    });
    await userEvent.click(screen.getByRole('button', { name: /State/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'Met' }));
    await waitFor(() =>
      expect(flywheelApi.getCampaignItems).toHaveBeenLastCalledWith(
        'techdocs-everywhere',
        { state: 'met', groupRef: undefined, limit: 20, offset: 0 },
      ),
    );
    const search = await screen.findByRole('link', { name: 'Search API' });
    const row = search.closest('[role="row"]') as HTMLElement;
    expect(row).toHaveTextContent('Met');
    // Nothing to do for a met item.
    expect(
      within(row).queryByRole('link', { name: /Start onboarding/ }),
    ).not.toBeInTheDocument();

    const team = screen.getByRole('button', { name: /Team/ });
    await waitFor(() => expect(team).toBeEnabled());
    await userEvent.click(team);
    await userEvent.click(
      await screen.findByRole('option', { name: 'Commerce' }),
    );
    await waitFor(() =>
      expect(flywheelApi.getCampaignItems).toHaveBeenLastCalledWith(
        'techdocs-everywhere',
        {
          state: 'met',
          groupRef: 'group:default/commerce',
          limit: 20,
          offset: 0,
        },
      ),
    );
  });

  it('starts with the team it is given', async () => {
    const { flywheelApi } = renderTable(
      mockFlywheelApi(),
      techdocsCampaign,
      'group:default/checkout',
    );

    await waitFor(() =>
      expect(flywheelApi.getCampaignItems).toHaveBeenCalledWith(
        'techdocs-everywhere',
        {
          state: 'open',
          groupRef: 'group:default/checkout',
          limit: 20,
          offset: 0,
        },
      ),
    );
  });

  it('pages through the server', async () => {
    const flywheelApi = mockFlywheelApi({
      getCampaignItems: jest
        .fn()
        .mockImplementation(async (_id: string, query: { offset: number }) => ({
          campaignId: 'techdocs-everywhere',
          items:
            query.offset === 0
              ? [checkoutItem]
              : [
                  {
                    ...checkoutItem,
                    entityRef: 'component:default/page-two',
                    title: 'Page two',
                  },
                ],
          totalCount: 25,
        })),
    });
    await renderTable(flywheelApi).rendered;

    await screen.findByRole('link', { name: 'Checkout API' });
    await userEvent.click(screen.getByRole('button', { name: /next/i }));

    expect(
      await screen.findByRole('link', { name: 'Page two' }),
    ).toBeInTheDocument();
    expect(flywheelApi.getCampaignItems).toHaveBeenLastCalledWith(
      'techdocs-everywhere',
      { state: 'open', groupRef: undefined, limit: 20, offset: 20 },
    );
  });

  it('offers neither automation nor exemptions where they do not apply', async () => {
    await renderTable(mockFlywheelApi(), readinessCampaign).rendered;

    await screen.findByRole('link', { name: 'Checkout API' });
    expect(
      screen.queryByRole('columnheader', { name: 'Actions' }),
    ).not.toBeInTheDocument();
    expect(screen.queryByText('Start onboarding')).not.toBeInTheDocument();
    expect(screen.queryByText('Request an exemption')).not.toBeInTheDocument();
  });

  it('says when nothing is left to do', async () => {
    await renderTable(
      mockFlywheelApi({
        getCampaignItems: jest.fn().mockResolvedValue({
          campaignId: 'techdocs-everywhere',
          items: [],
          totalCount: 0,
        }),
      }),
    ).rendered;

    expect(
      await screen.findByText(
        'Nothing left to do: every entity meets the goal or is exempt.',
      ),
    ).toBeInTheDocument();
  });

  it("shows the server's message and tries again", async () => {
    const getCampaignItems = jest
      .fn()
      .mockRejectedValueOnce(
        await responseError(
          404,
          'NotFoundError',
          'No group group:default/x in the catalog',
        ),
      )
      .mockResolvedValue(techdocsItems);
    await renderTable(mockFlywheelApi({ getCampaignItems })).rendered;

    expect(
      await screen.findByText('No group group:default/x in the catalog'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(
      await screen.findByRole('link', { name: 'Checkout API' }),
    ).toBeInTheDocument();
  });
});
