import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { flywheelApiRef } from '../../api';
import {
  catalogRoutes,
  mockFlywheelApi,
  responseError,
  statValue,
} from '../../__testUtils__/testData';
import { TeamAdoption } from './TeamAdoption';

function group(name: string, title?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default', ...(title ? { title } : {}) },
    spec: { type: 'team', children: [] },
  };
}

const groups = [group('payments', 'Payments'), group('identity', 'Identity')];

function renderTeamAdoption(flywheelApi = mockFlywheelApi()) {
  renderInTestApp(<TeamAdoption />, {
    mountedRoutes: catalogRoutes,
    apis: [
      [flywheelApiRef, flywheelApi],
      [catalogApiRef, catalogApiMock({ entities: groups })],
    ],
  });
  return flywheelApi;
}

async function chooseTeam(name: string) {
  const picker = await screen.findByRole('button', { name: /Team/ });
  await userEvent.click(picker);
  await userEvent.click(await screen.findByRole('option', { name }));
}

describe('TeamAdoption', () => {
  it('starts with no team chosen and loads nothing', async () => {
    const flywheelApi = renderTeamAdoption();

    expect(
      await screen.findByText(/Choose a team to see how much/),
    ).toBeInTheDocument();
    expect(flywheelApi.getGroupAdoption).not.toHaveBeenCalled();
  });

  it("shows the chosen team's adoption and the components behind it", async () => {
    const flywheelApi = renderTeamAdoption();

    await chooseTeam('Payments');

    expect(flywheelApi.getGroupAdoption).toHaveBeenCalledWith(
      'group:default/payments',
    );
    const totals = await screen.findByLabelText('Team adoption totals');
    expect(statValue(totals, 'Team adoption')).toBe('66.7%');
    expect(
      within(totals).getByText('including 1 sub-team'),
    ).toBeInTheDocument();
    expect(statValue(totals, 'Components')).toBe('3');

    const perPath = screen.getByRole('list', {
      name: 'Adoption per golden path',
    });
    expect(
      within(perPath).getByText('2 components · 66.7%'),
    ).toBeInTheDocument();

    const checkoutRow = screen
      .getByRole('link', { name: 'Checkout API' })
      .closest('[role="row"]') as HTMLElement;
    expect(
      within(checkoutRow).getByText('TypeScript HTTP service'),
    ).toBeInTheDocument();
    expect(within(checkoutRow).getByText('1.0.0')).toBeInTheDocument();
    expect(within(checkoutRow).getByText('Drifted')).toBeInTheDocument();

    const handMadeRow = screen
      .getByRole('link', { name: 'Legacy billing' })
      .closest('[role="row"]') as HTMLElement;
    expect(
      within(handMadeRow).getByText('Not from a golden path'),
    ).toBeInTheDocument();

    const currentRow = screen
      .getByRole('link', { name: 'Payments gateway' })
      .closest('[role="row"]') as HTMLElement;
    expect(within(currentRow).getByText('Current')).toBeInTheDocument();
  });

  it("shows the server's message when the team cannot be loaded", async () => {
    const error = await responseError(
      404,
      'NotFoundError',
      'No group group:default/payments in the catalog',
    );
    renderTeamAdoption(
      mockFlywheelApi({ getGroupAdoption: jest.fn().mockRejectedValue(error) }),
    );

    await chooseTeam('Payments');

    expect(
      await screen.findByText('No group group:default/payments in the catalog'),
    ).toBeInTheDocument();
  });
});
