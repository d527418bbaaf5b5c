import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { FlywheelApi, flywheelApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import {
  catalogRoutes,
  mockFlywheelApi,
  responseError,
} from '../../__testUtils__/testData';
import { expectNoAxeViolations } from '../../__testUtils__/axe';
import { useMaturityPermissions } from '../permissions';
import { ProductDashboardPage } from './ProductDashboardPage';

jest.mock('../permissions', () => ({
  ...jest.requireActual('../permissions'),
  useMaturityPermissions: jest.fn(),
}));
const mockPermissions = useMaturityPermissions as jest.MockedFunction<
  typeof useMaturityPermissions
>;

function renderPage(flywheelApi: jest.Mocked<FlywheelApi> = mockFlywheelApi()) {
  const rendered = renderInTestApp(<ProductDashboardPage />, {
    mountedRoutes: { ...catalogRoutes, '/flywheel': rootRouteRef },
    apis: [[flywheelApiRef, flywheelApi]],
  });
  return { flywheelApi, rendered };
}

describe('ProductDashboardPage', () => {
  beforeEach(() => {
    mockPermissions.mockReturnValue({ canManageTargets: true });
  });

  it('shows the outcomes, the maturity board and the stage changes', async () => {
    const { flywheelApi, rendered } = renderPage();
    const { container } = await rendered;

    expect(
      screen.getByRole('heading', { name: 'Product dashboard', level: 2 }),
    ).toBeInTheDocument();
    for (const name of [
      'Developer satisfaction',
      'Platform usage',
      'Value stream',
      'Capability maturity',
      'Stage changes',
    ]) {
      expect(await screen.findByRole('region', { name })).toBeInTheDocument();
    }
    const changes = screen.getByRole('region', { name: 'Stage changes' });
    // Named by their titles from the board, loaded once for both.
    expect(
      await within(changes).findByText('Golden-path templates', {
        selector: 'a',
      }),
    ).toBeInTheDocument();
    expect(flywheelApi.getMaturityCapabilities).toHaveBeenCalledTimes(1);
    await screen.findByRole('region', { name: 'Weekly active users' });
    await expectNoAxeViolations(container);
  });

  it('prints the page from "Print / export", with CSV of the history', async () => {
    const print = jest.spyOn(window, 'print').mockImplementation(() => {});
    const { rendered } = renderPage();
    await rendered;

    await userEvent.click(
      screen.getByRole('button', { name: 'Print / export' }),
    );
    expect(print).toHaveBeenCalled();
    expect(
      await within(
        screen.getByRole('region', { name: 'Stage changes' }),
      ).findByRole('button', { name: 'Export CSV' }),
    ).toBeInTheDocument();
    // What only works on screen is marked to be left out of the print.
    expect(
      screen
        .getByRole('button', { name: 'Print / export' })
        .closest('[data-print-hide]'),
    ).not.toBeNull();
    print.mockRestore();
  });

  it('keeps the other sections when one fails', async () => {
    const { rendered } = renderPage(
      mockFlywheelApi({
        getOutcomes: jest
          .fn()
          .mockRejectedValue(
            await responseError(500, 'Error', 'The metric registry is away'),
          ),
      }),
    );
    await rendered;

    expect(
      await screen.findByText('The metric registry is away'),
    ).toBeInTheDocument();
    const board = screen.getByRole('region', { name: 'Capability maturity' });
    expect(
      await within(board).findByRole('link', { name: 'CI pipelines' }),
    ).toBeInTheDocument();
  });
});
