import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { MetricDefinition } from '@flywheel/plugin-flywheel-common';
import { flywheelApiRef } from '../../api';
import {
  activeUsersMetric,
  deploymentsMetric,
  emptyMetricSeries,
  leadTimeComparison,
  leadTimeMetric,
  mockFlywheelApi,
  responseError,
} from '../../__testUtils__/testData';
import { expectNoAxeViolations } from '../../__testUtils__/axe';
import { MetricFilters } from '../filters';
import { MetricDetail } from './MetricDetail';

function renderDetail(
  options: {
    metric?: MetricDefinition;
    filters?: Partial<MetricFilters>;
    subject?: string;
  } = {},
  flywheelApi = mockFlywheelApi(),
) {
  const rendered = renderInTestApp(
    <MetricDetail
      metric={options.metric ?? leadTimeMetric}
      filters={{ window: '26w', interval: 'week', ...options.filters }}
      subject={options.subject ?? 'the whole organisation'}
    />,
    { apis: [[flywheelApiRef, flywheelApi]] },
  );
  return { flywheelApi, rendered };
}

describe('MetricDetail', () => {
  it('says what the metric counts and shows its trend and comparison', async () => {
    const { flywheelApi, rendered } = renderDetail({
      filters: { groupRef: 'group:default/commerce', window: '90d' },
      subject: 'Commerce',
    });

    const detail = await screen.findByRole('region', {
      name: 'Lead time for changes (median) — Commerce',
    });
    expect(
      within(detail).getByText('Value stream · Lower is better · Last 90 days'),
    ).toBeInTheDocument();
    expect(within(detail).getByText(leadTimeMetric.description)).toBeVisible();
    expect(
      await within(detail).findByText(/^Over the whole window:/),
    ).toHaveTextContent('Over the whole window: 2.5 h (40 samples)');
    expect(
      within(detail).getByRole('img', {
        name: /^Lead time for changes \(median\) for Commerce, weekly/,
      }),
    ).toBeInTheDocument();
    expect(
      await within(detail).findByText(leadTimeComparison.summary),
    ).toBeInTheDocument();
    expect(flywheelApi.getMetricSeries).toHaveBeenCalledWith(
      'valueStream.leadTime.median',
      { groupRef: 'group:default/commerce', window: '90d', interval: 'week' },
    );
    expect(flywheelApi.getMetricComparison).toHaveBeenCalledWith(
      'valueStream.leadTime.median',
      { groupRef: 'group:default/commerce', window: '90d' },
    );
    expect(
      within(detail).getByRole('button', { name: 'Export CSV' }),
    ).toBeInTheDocument();
    // Usage per plugin belongs to usage metrics only.
    expect(flywheelApi.getUsageBreakdown).not.toHaveBeenCalled();
    await expectNoAxeViolations(rendered.container);
  });

  it('shows usage per plugin and route under a usage metric, over its window', async () => {
    const { flywheelApi, rendered } = renderDetail({
      metric: activeUsersMetric,
      filters: { window: '90d' },
    });

    const detail = await screen.findByRole('region', {
      name: 'Weekly active users — the whole organisation',
    });
    const breakdown = await within(detail).findByRole('region', {
      name: 'Usage per plugin',
    });
    expect(
      await within(breakdown).findByRole('img', {
        name: /^Usage per plugin, last 90 days: 57 people and 1,790 events in all\./,
      }),
    ).toBeInTheDocument();
    expect(flywheelApi.getUsageBreakdown).toHaveBeenCalledWith({
      by: 'plugin',
      window: '90d',
    });
    expect(
      within(breakdown).getByRole('radio', { name: 'Route' }),
    ).toBeInTheDocument();
    // No golden-path comparison for usage.
    expect(
      within(detail).queryByText('Golden path vs hand-made'),
    ).not.toBeInTheDocument();
    await expectNoAxeViolations(rendered.container);
  });

  it('shows a loading state while the series loads', async () => {
    renderDetail(
      {},
      mockFlywheelApi({
        getMetricSeries: jest.fn().mockReturnValue(new Promise(() => {})),
      }),
    );

    expect(
      await screen.findByRole('region', {
        name: 'Lead time for changes (median) — the whole organisation',
      }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('points to docs/metrics.md when no deployment was reported', async () => {
    renderDetail(
      { metric: deploymentsMetric },
      mockFlywheelApi({
        getMetricSeries: jest
          .fn()
          .mockResolvedValue(emptyMetricSeries(deploymentsMetric)),
      }),
    );

    expect(
      await screen.findByText('No deployments reported yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /docs\/metrics\.md/ }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
    // Not split into golden path and hand-made: no comparison at all.
    expect(
      screen.queryByText('Golden path vs hand-made'),
    ).not.toBeInTheDocument();
  });

  it('offers a retry when the series fails, and names a missing permission', async () => {
    const error = await responseError(500, 'Error', 'Database unavailable');
    const getMetricSeries = jest.fn().mockRejectedValueOnce(error);
    const flywheelApi = mockFlywheelApi();
    getMetricSeries.mockImplementation(
      flywheelApi.getMetricSeries.getMockImplementation()!,
    );
    flywheelApi.getMetricSeries = getMetricSeries;
    renderDetail({}, flywheelApi);

    expect(
      await screen.findByText('Could not load Lead time for changes (median)'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(
      await screen.findByText(/^Over the whole window:/),
    ).toBeInTheDocument();

    const forbidden = await responseError(
      403,
      'NotAllowedError',
      'Unauthorized',
    );
    renderDetail(
      { metric: activeUsersMetric },
      mockFlywheelApi({
        getMetricSeries: jest.fn().mockRejectedValue(forbidden),
      }),
    );
    expect(
      await screen.findByText(
        /You are not allowed to see metrics: it needs the permission flywheel\.metrics\.read/,
      ),
    ).toBeInTheDocument();
  });

  it("shows the backend's reason when it withholds a series", async () => {
    const reason =
      'Commerce owns entities you may not see; its scorecard totals would include them.';
    const error = await responseError(403, 'NotAllowedError', reason);
    renderDetail(
      { filters: { groupRef: 'group:default/commerce' }, subject: 'Commerce' },
      mockFlywheelApi({
        getMetricSeries: jest.fn().mockRejectedValue(error),
      }),
    );

    expect(await screen.findByText(reason)).toBeInTheDocument();
    expect(screen.queryByText(/it needs the permission/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('names the permission of the domain a metric belongs to', async () => {
    const error = await responseError(
      403,
      'NotAllowedError',
      'Not allowed: flywheel.surveys.results.read',
    );
    renderDetail(
      { metric: activeUsersMetric },
      mockFlywheelApi({
        getMetricSeries: jest.fn().mockRejectedValue(error),
      }),
    );

    expect(
      await screen.findByText(
        'You are not allowed to see this metric: it needs the permission flywheel.surveys.results.read. Ask your Backstage administrator to grant it.',
      ),
    ).toBeInTheDocument();
  });

  it('explains why there is no comparison for a golden path', async () => {
    const { flywheelApi } = renderDetail({
      filters: { goldenPath: 'template:default/typescript-service' },
      subject: 'services from typescript-service',
    });

    expect(
      await screen.findByText(/clear the golden path to see it\./),
    ).toBeInTheDocument();
    expect(flywheelApi.getMetricComparison).not.toHaveBeenCalled();
  });
});
