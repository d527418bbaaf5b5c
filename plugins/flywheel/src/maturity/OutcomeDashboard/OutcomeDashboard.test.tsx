import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { FlywheelApi, flywheelApiRef } from '../../api';
import {
  mockFlywheelApi,
  outcomesResponse,
  responseError,
} from '../../__testUtils__/testData';
import { expectNoAxeViolations } from '../../__testUtils__/axe';
import { useMaturityPermissions } from '../permissions';
import { OutcomeDashboard } from './OutcomeDashboard';

// usePermission caches answers for the whole test file; decide per test here.
jest.mock('../permissions', () => ({
  ...jest.requireActual('../permissions'),
  useMaturityPermissions: jest.fn(),
}));
const mockPermissions = useMaturityPermissions as jest.MockedFunction<
  typeof useMaturityPermissions
>;

function renderDashboard(
  flywheelApi: jest.Mocked<FlywheelApi> = mockFlywheelApi(),
  url = '/',
) {
  const rendered = renderInTestApp(<OutcomeDashboard />, {
    initialRouteEntries: [url],
    apis: [[flywheelApiRef, flywheelApi]],
  });
  return { flywheelApi, rendered };
}

describe('OutcomeDashboard', () => {
  beforeEach(() => {
    mockPermissions.mockReturnValue({ canManageTargets: false });
  });

  it('shows the outcomes in three sections, over the default window', async () => {
    const { flywheelApi, rendered } = renderDashboard();
    const { container } = await rendered;

    const satisfaction = await screen.findByRole('region', {
      name: 'Developer satisfaction',
    });
    expect(
      within(satisfaction)
        .getAllByRole('heading', { level: 4 })
        .map(h => h.textContent),
    ).toEqual(['Developer NPS', 'Developer CSAT']);
    expect(
      within(screen.getByRole('region', { name: 'Platform usage' })).getByRole(
        'region',
        { name: 'Weekly active users' },
      ),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('region', { name: 'Value stream' })).getByRole(
        'region',
        { name: 'Lead time for changes' },
      ),
    ).toBeInTheDocument();
    expect(flywheelApi.getOutcomes).toHaveBeenCalledWith({
      window: '26w',
      interval: 'week',
    });
    expect(screen.queryByRole('button', { name: /Edit target/ })).toBeNull();
    await expectNoAxeViolations(container);
  });

  it('offers "Edit target" to those allowed and reloads after a change', async () => {
    mockPermissions.mockReturnValue({ canManageTargets: true });
    const { flywheelApi, rendered } = renderDashboard();
    await rendered;

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Edit target of Weekly active users',
      }),
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Use the configured target' }),
    );

    expect(flywheelApi.resetOutcomeTarget).toHaveBeenCalledWith(
      'usage.activeUsers.weekly',
    );
    await waitFor(() =>
      expect(flywheelApi.getOutcomes).toHaveBeenCalledTimes(2),
    );
    // Not for an outcome without a metric.
    expect(
      screen.queryByRole('button', { name: 'Edit target of Developer CSAT' }),
    ).toBeNull();
  });

  it('reads the window and interval from the URL and keeps a change there', async () => {
    const { flywheelApi, rendered } = renderDashboard(
      mockFlywheelApi(),
      '/?window=90d&interval=day',
    );
    await rendered;

    await waitFor(() =>
      expect(flywheelApi.getOutcomes).toHaveBeenCalledWith({
        window: '90d',
        interval: 'day',
      }),
    );
    await userEvent.click(screen.getByRole('button', { name: /Interval/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'Month' }));

    await waitFor(() =>
      expect(flywheelApi.getOutcomes).toHaveBeenLastCalledWith({
        window: '90d',
        interval: 'month',
      }),
    );
  });

  it('says when no outcome is configured', async () => {
    const { rendered } = renderDashboard(
      mockFlywheelApi({
        getOutcomes: jest
          .fn()
          .mockResolvedValue({ ...outcomesResponse, items: [] }),
      }),
    );
    await rendered;

    expect(
      await screen.findByText(/No outcomes are configured/),
    ).toBeInTheDocument();
  });

  it('names the missing permission when the read is refused', async () => {
    const { rendered } = renderDashboard(
      mockFlywheelApi({
        getOutcomes: jest
          .fn()
          .mockRejectedValue(
            await responseError(403, 'NotAllowedError', 'Unauthorized'),
          ),
      }),
    );
    await rendered;

    expect(
      await screen.findByText(/needs the permission flywheel\.maturity\.read/),
    ).toBeInTheDocument();
  });
});
