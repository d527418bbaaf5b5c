import { screen, within } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { FlywheelApi, flywheelApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import {
  catalogRoutes,
  mockFlywheelApi,
  techdocsCampaign,
} from '../../__testUtils__/testData';
import { expectNoAxeViolations } from '../../__testUtils__/axe';
import { GroupCampaignsCard } from './GroupCampaignsCard';

const commerce: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'commerce', namespace: 'default', title: 'Commerce' },
  spec: { type: 'team', children: [] },
};

function renderCard(flywheelApi: jest.Mocked<FlywheelApi> = mockFlywheelApi()) {
  const rendered = renderInTestApp(
    <EntityProvider entity={commerce}>
      <GroupCampaignsCard />
    </EntityProvider>,
    {
      mountedRoutes: { ...catalogRoutes, '/flywheel': rootRouteRef },
      apis: [[flywheelApiRef, flywheelApi]],
    },
  );
  return { flywheelApi, rendered };
}

describe('GroupCampaignsCard', () => {
  it("lists the team's campaigns with the team's progress, linking to its to-dos", async () => {
    const { flywheelApi, rendered } = renderCard();
    const { container } = await rendered;

    const card = await screen.findByRole('region', { name: 'Campaigns' });
    const link = await within(card).findByRole('link', {
      name: 'TechDocs everywhere',
    });
    expect(flywheelApi.getCampaignMemberships).toHaveBeenCalledWith({
      groupRef: 'group:default/commerce',
    });
    expect(link).toHaveAttribute(
      'href',
      '/flywheel/campaigns/techdocs-everywhere?groupRef=group%3Adefault%2Fcommerce',
    );
    const techdocs = link.closest('li') as HTMLElement;
    expect(techdocs).toHaveTextContent('Running');
    expect(techdocs).toHaveTextContent(techdocsCampaign.goalText);
    expect(
      within(techdocs).getByRole('progressbar', {
        name: 'Progress of Commerce in TechDocs everywhere',
      }),
    ).toHaveAttribute('aria-valuetext', '7 of 11 met (63.6%)');
    expect(techdocs).toHaveTextContent('4 to do · 1 exempt');

    const readiness = within(card)
      .getByRole('link', { name: 'Ready for production' })
      .closest('li') as HTMLElement;
    expect(readiness).toHaveTextContent('Scheduled');
    expect(readiness).toHaveTextContent('0 of 3 met (0%)');
    await expectNoAxeViolations(container);
  });

  it("says when no campaign covers the team's entities", async () => {
    await renderCard(
      mockFlywheelApi({
        getCampaignMemberships: jest.fn().mockResolvedValue({ items: [] }),
      }),
    ).rendered;

    expect(
      await screen.findByText("No campaign covers this team's entities."),
    ).toBeInTheDocument();
  });
});
