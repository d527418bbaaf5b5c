import { screen, within } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { EntityProvenanceResponse } from '@flywheel/plugin-flywheel-common';
import { flywheelApiRef } from '../../api';
import {
  catalogRoutes,
  driftedProvenance,
  handMadeProvenance,
  mockFlywheelApi,
  responseError,
  statValue,
  upToDateProvenance,
} from '../../__testUtils__/testData';
import { GoldenPathProvenanceCard } from './GoldenPathProvenanceCard';

function component(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { type: 'service', owner: 'group:default/payments' },
  };
}

function renderCard(
  name: string,
  getEntityProvenance: () => Promise<EntityProvenanceResponse>,
) {
  const flywheelApi = mockFlywheelApi({
    getEntityProvenance: jest.fn(getEntityProvenance),
  });
  renderInTestApp(
    <EntityProvider entity={component(name)}>
      <GoldenPathProvenanceCard />
    </EntityProvider>,
    { mountedRoutes: catalogRoutes, apis: [[flywheelApiRef, flywheelApi]] },
  );
  return flywheelApi;
}

describe('GoldenPathProvenanceCard', () => {
  it('warns that a drifted service is behind its golden path', async () => {
    const flywheelApi = renderCard(
      'checkout-api',
      async () => driftedProvenance,
    );

    const card = await screen.findByRole('region', { name: 'Golden path' });
    expect(
      await within(card).findByRole('link', {
        name: 'TypeScript HTTP service',
      }),
    ).toHaveAttribute('href', '/catalog/default/template/typescript-service');
    expect(flywheelApi.getEntityProvenance).toHaveBeenCalledWith(
      'component:default/checkout-api',
    );
    const provenance = within(card).getByLabelText('Golden-path provenance');
    expect(statValue(provenance, 'Created from version')).toBe('1.0.0');
    expect(statValue(provenance, 'Current version')).toBe('1.2.0');
    expect(statValue(provenance, 'Created')).toBe('Nov 20, 2025');
    expect(
      within(card).getByText('Created from 1.0.0, current is 1.2.0'),
    ).toBeInTheDocument();
  });

  it('marks a service on the current version as up to date', async () => {
    renderCard('payments-gateway', async () => upToDateProvenance);

    const card = await screen.findByRole('region', { name: 'Golden path' });
    expect(await within(card).findByText('Up to date')).toBeInTheDocument();
    expect(
      statValue(
        within(card).getByLabelText('Golden-path provenance'),
        'Created from version',
      ),
    ).toBe('1.2.0');
    expect(within(card).queryByText(/current is/)).not.toBeInTheDocument();
  });

  it('says plainly when a service was made by hand', async () => {
    renderCard('legacy-billing', async () => handMadeProvenance);

    const card = await screen.findByRole('region', { name: 'Golden path' });
    expect(
      await within(card).findByText('Not created from a golden path.'),
    ).toBeInTheDocument();
    expect(within(card).queryByRole('link')).not.toBeInTheDocument();
  });

  it('names a template that is not a golden path', async () => {
    renderCard('script', async () => ({
      ...driftedProvenance,
      isGoldenPath: false,
      templateRef: 'template:default/quick-script',
      templateTitle: 'Quick script',
      drifted: false,
      currentVersion: undefined,
    }));

    expect(
      await screen.findByText(/which is not a golden path/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Quick script' }),
    ).toBeInTheDocument();
  });

  it("shows the server's message when provenance cannot be loaded", async () => {
    const error = await responseError(
      404,
      'NotFoundError',
      'No entity component:default/ghost in the catalog',
    );
    renderCard('ghost', () => Promise.reject(error));

    const card = await screen.findByRole('region', { name: 'Golden path' });
    expect(
      await within(card).findByText(
        'No entity component:default/ghost in the catalog',
      ),
    ).toBeInTheDocument();
    expect(
      within(card).getByText('Could not load golden-path provenance'),
    ).toBeInTheDocument();
  });
});
