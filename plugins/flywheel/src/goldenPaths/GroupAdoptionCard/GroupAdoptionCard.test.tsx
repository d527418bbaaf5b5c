import { screen, within } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { flywheelApiRef } from '../../api';
import { mockFlywheelApi, responseError } from '../../__testUtils__/testData';
import { GroupAdoptionCard } from './GroupAdoptionCard';

const payments: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'payments', namespace: 'default' },
  spec: { type: 'team', children: ['payments-core'] },
};

function renderCard(flywheelApi = mockFlywheelApi()) {
  renderInTestApp(
    <EntityProvider entity={payments}>
      <GroupAdoptionCard />
    </EntityProvider>,
    { apis: [[flywheelApiRef, flywheelApi]] },
  );
  return flywheelApi;
}

describe('GroupAdoptionCard', () => {
  it("shows the team's adoption and its per-path counts", async () => {
    const flywheelApi = renderCard();

    const card = await screen.findByRole('region', {
      name: 'Golden-path adoption',
    });
    expect(await within(card).findByText('66.7%')).toBeInTheDocument();
    expect(flywheelApi.getGroupAdoption).toHaveBeenCalledWith(
      'group:default/payments',
    );
    expect(
      within(card).getByText(
        '2 of 3 components created from golden paths, sub-teams included',
      ),
    ).toBeInTheDocument();
    const perPath = within(card).getByRole('list', {
      name: 'Adoption per golden path',
    });
    expect(
      within(perPath)
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual([
      'TypeScript HTTP service2 components · 66.7%',
      'React web app0 components · 0%',
    ]);
  });

  it("shows the server's message when adoption cannot be loaded", async () => {
    const error = await responseError(500, 'Error', 'Catalog unavailable');
    renderCard(
      mockFlywheelApi({ getGroupAdoption: jest.fn().mockRejectedValue(error) }),
    );

    expect(await screen.findByText('Catalog unavailable')).toBeInTheDocument();
    expect(
      screen.getByText('Could not load golden-path adoption'),
    ).toBeInTheDocument();
  });
});
