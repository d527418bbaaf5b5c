import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { FlywheelApi, flywheelApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import {
  catalogRoutes,
  checkoutItem,
  mockFlywheelApi,
  responseError,
  techdocsCampaign,
} from '../../__testUtils__/testData';
import { expectNoAxeViolations } from '../../__testUtils__/axe';
import { EntityCampaignsCard } from './EntityCampaignsCard';

const checkoutApi: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout-api', namespace: 'default' },
  spec: { type: 'service' },
};

function renderCard(
  flywheelApi: jest.Mocked<FlywheelApi> = mockFlywheelApi(),
  withPage = true,
) {
  const rendered = renderInTestApp(
    <EntityProvider entity={checkoutApi}>
      <EntityCampaignsCard />
    </EntityProvider>,
    {
      mountedRoutes: withPage
        ? { ...catalogRoutes, '/flywheel': rootRouteRef }
        : catalogRoutes,
      apis: [[flywheelApiRef, flywheelApi]],
    },
  );
  return { flywheelApi, rendered };
}

describe('EntityCampaignsCard', () => {
  it("lists the entity's campaigns with its state, why, and the onboarding link", async () => {
    const { flywheelApi, rendered } = renderCard();
    const { container } = await rendered;

    const card = await screen.findByRole('region', { name: 'Campaigns' });
    const techdocs = (
      await within(card).findByRole('link', { name: 'TechDocs everywhere' })
    ).closest('li') as HTMLElement;
    expect(flywheelApi.getCampaignMemberships).toHaveBeenCalledWith({
      entityRef: 'component:default/checkout-api',
    });
    expect(
      within(techdocs).getByRole('link', { name: 'TechDocs everywhere' }),
    ).toHaveAttribute('href', '/flywheel/campaigns/techdocs-everywhere');
    expect(techdocs).toHaveTextContent('To do');
    expect(techdocs).toHaveTextContent(checkoutItem.reason);
    expect(techdocs).toHaveTextContent(techdocsCampaign.goalText);
    expect(techdocs).toHaveTextContent('Due Dec 31, 2026');
    expect(
      within(techdocs).getByRole('link', {
        name: 'Start onboarding for TechDocs everywhere',
      }),
    ).toHaveAttribute(
      'href',
      '/create/templates/default/add-techdocs?formData=%7B%22branch%22%3A%22add-techdocs%22%2C%22component%22%3A%22component%3Adefault%2Fcheckout-api%22%7D',
    );

    const readiness = within(card)
      .getByText('Ready for production')
      .closest('li') as HTMLElement;
    expect(readiness).toHaveTextContent('Met');
    expect(readiness).toHaveTextContent('Level Silver reached');
    expect(
      within(readiness).queryByText('Start onboarding'),
    ).not.toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it('names the campaigns without links in an app without the Flywheel page', async () => {
    await renderCard(mockFlywheelApi(), false).rendered;

    expect(
      await screen.findByRole('heading', { name: 'TechDocs everywhere' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: 'TechDocs everywhere' }),
    ).not.toBeInTheDocument();
  });

  it('says when the entity is in no campaign', async () => {
    const { rendered } = renderCard(
      mockFlywheelApi({
        getCampaignMemberships: jest.fn().mockResolvedValue({ items: [] }),
      }),
    );
    const { container } = await rendered;

    expect(
      await screen.findByText('Not part of any campaign.'),
    ).toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it("shows the server's message and tries again", async () => {
    const getCampaignMemberships = jest
      .fn()
      .mockRejectedValueOnce(
        await responseError(500, 'Error', 'The database is away'),
      )
      .mockResolvedValue({ items: [] });
    await renderCard(mockFlywheelApi({ getCampaignMemberships })).rendered;

    expect(await screen.findByText('The database is away')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(
      await screen.findByText('Not part of any campaign.'),
    ).toBeInTheDocument();
  });

  it('names the missing permission', async () => {
    await renderCard(
      mockFlywheelApi({
        getCampaignMemberships: jest
          .fn()
          .mockRejectedValue(
            await responseError(403, 'NotAllowedError', 'Unauthorized'),
          ),
      }),
    ).rendered;

    expect(
      await screen.findByText(/needs the permission flywheel\.campaigns\.read/),
    ).toBeInTheDocument();
  });
});
