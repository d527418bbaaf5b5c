import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { FlywheelApi, flywheelApiRef } from '../../api';
import {
  catalogRoutes,
  emptyMetricSeries,
  metricDefinitions,
  metricSeriesById,
  mockFlywheelApi,
  orgGroups,
  responseError,
  untestedComparison,
} from '../../__testUtils__/testData';
import { expectNoAxeViolations } from '../../__testUtils__/axe';
import { MetricsPage } from './MetricsPage';

function renderPage(
  flywheelApi: jest.Mocked<FlywheelApi> = mockFlywheelApi(),
  url = '/',
) {
  const rendered = renderInTestApp(<MetricsPage />, {
    initialRouteEntries: [url],
    mountedRoutes: catalogRoutes,
    apis: [
      [flywheelApiRef, flywheelApi],
      [catalogApiRef, catalogApiMock({ entities: orgGroups })],
    ],
  });
  return { flywheelApi, rendered };
}

/** The detail region of the selected metric. */
function findDetail(name: string) {
  return screen.findByRole('region', { name });
}

async function choose(label: RegExp, option: string) {
  const button = await screen.findByRole('button', { name: label });
  await waitFor(() => expect(button).toBeEnabled());
  await userEvent.click(button);
  await userEvent.click(await screen.findByRole('option', { name: option }));
}

function seriesCallsOf(flywheelApi: jest.Mocked<FlywheelApi>) {
  return flywheelApi.getMetricSeries.mock.calls;
}

describe('MetricsPage', () => {
  it('shows every metric as a tile by domain and the first one in full', async () => {
    const { flywheelApi, rendered } = renderPage();

    const valueStream = await screen.findByRole('region', {
      name: 'Value stream',
    });
    expect(within(valueStream).getAllByRole('button')).toHaveLength(5);
    expect(
      within(screen.getByRole('region', { name: 'Usage' })).getByRole(
        'button',
        { name: /Weekly active users/ },
      ),
    ).toBeEnabled();
    expect(
      within(valueStream).getByRole('button', { pressed: true }),
    ).toHaveTextContent('Time to first deploy (median)');

    const detail = await findDetail(
      'Time to first deploy (median) — the whole organisation',
    );
    expect(
      await within(detail).findByText(/^Over the whole window:/),
    ).toHaveTextContent('1.3 d (7 samples)');
    expect(
      await within(detail).findByText(untestedComparison.summary),
    ).toBeInTheDocument();
    expect(flywheelApi.getMetricComparison).toHaveBeenCalledWith(
      'valueStream.timeToFirstDeploy.median',
      { window: '26w' },
    );
    // The tile and the chart share one request per series.
    const ttfdCalls = seriesCallsOf(flywheelApi).filter(
      ([id]) => id === 'valueStream.timeToFirstDeploy.median',
    );
    expect(ttfdCalls).toEqual([
      [
        'valueStream.timeToFirstDeploy.median',
        { window: '26w', interval: 'week' },
      ],
    ]);
    expect(
      screen.queryByText(/No deployments reported/),
    ).not.toBeInTheDocument();
    await expectNoAxeViolations(rendered.container);
  });

  it('shows the metric a tile is pressed for, by mouse or keyboard', async () => {
    renderPage();

    const leadTime = await screen.findByRole('button', {
      name: /Lead time for changes/,
    });
    await userEvent.click(leadTime);
    expect(leadTime).toHaveAttribute('aria-pressed', 'true');
    expect(
      await findDetail(
        'Lead time for changes (median) — the whole organisation',
      ),
    ).toBeInTheDocument();

    const frequency = screen.getByRole('button', {
      name: /Deployment frequency/,
    });
    frequency.focus();
    await userEvent.keyboard('{Enter}');
    const detail = await findDetail(
      'Deployment frequency — the whole organisation',
    );
    expect(
      within(detail).getByText(
        'Successful production deployments per service per week: the median over the services that report deployments.',
      ),
    ).toBeInTheDocument();
    expect(frequency).toHaveAttribute('aria-pressed', 'true');
  });

  it('narrows every metric to a team with its sub-teams', async () => {
    const { flywheelApi } = renderPage();
    await findDetail('Time to first deploy (median) — the whole organisation');
    flywheelApi.getMetricSeries.mockClear();

    await choose(/Team/, 'Commerce');

    expect(
      await findDetail('Time to first deploy (median) — Commerce'),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(flywheelApi.getMetricComparison).toHaveBeenLastCalledWith(
        'valueStream.timeToFirstDeploy.median',
        { groupRef: 'group:default/commerce', window: '26w' },
      ),
    );
    const requested = seriesCallsOf(flywheelApi);
    expect(requested.map(([id]) => id).sort()).toEqual(
      metricDefinitions
        .filter(m => m.scopes.includes('group'))
        .map(m => m.id)
        .sort(),
    );
    for (const [, query] of requested) {
      expect(query).toEqual({
        groupRef: 'group:default/commerce',
        window: '26w',
        interval: 'week',
      });
    }
    // Active users are published for the organisation only.
    expect(
      screen.getByRole('button', { name: /Weekly active users/ }),
    ).toBeDisabled();
  });

  it('reads the window and interval chosen', async () => {
    const { flywheelApi } = renderPage();
    await findDetail('Time to first deploy (median) — the whole organisation');

    await choose(/Window/, 'Last year');
    await waitFor(() =>
      expect(flywheelApi.getMetricSeries).toHaveBeenCalledWith(
        'valueStream.timeToFirstDeploy.median',
        { window: '1y', interval: 'week' },
      ),
    );
    await choose(/Interval/, 'Month');
    await waitFor(() =>
      expect(flywheelApi.getMetricSeries).toHaveBeenCalledWith(
        'valueStream.timeToFirstDeploy.median',
        { window: '1y', interval: 'month' },
      ),
    );
    expect(flywheelApi.getMetricComparison).toHaveBeenLastCalledWith(
      'valueStream.timeToFirstDeploy.median',
      { window: '1y' },
    );
  });

  it('narrows to a golden path, one scope at a time', async () => {
    const { flywheelApi } = renderPage(
      mockFlywheelApi(),
      '/?groupRef=group%3Adefault%2Fcommerce',
    );
    await findDetail('Time to first deploy (median) — Commerce');

    await choose(/Golden path/, 'TypeScript HTTP service');

    expect(
      await findDetail(
        'Time to first deploy (median) — services from typescript-service',
      ),
    ).toBeInTheDocument();
    expect(flywheelApi.getMetricSeries).toHaveBeenLastCalledWith(
      expect.any(String),
      {
        goldenPath: 'template:default/typescript-service',
        window: '26w',
        interval: 'week',
      },
    );
    expect(screen.getByText(/clear the golden path to see it/)).toBeVisible();
  });

  it('opens the view a card links to: one entity, a window and a metric', async () => {
    const { flywheelApi } = renderPage(
      mockFlywheelApi(),
      '/?metric=valueStream.leadTime.median&entityRef=component%3Adefault%2Fcheckout-api&window=90d',
    );

    expect(
      await findDetail('Lead time for changes (median) — checkout-api'),
    ).toBeInTheDocument();
    expect(flywheelApi.getMetricSeries).toHaveBeenCalledWith(
      'valueStream.leadTime.median',
      {
        entityRef: 'component:default/checkout-api',
        window: '90d',
        interval: 'week',
      },
    );
    expect(screen.getByRole('link', { name: 'checkout-api' })).toBeVisible();
    expect(
      screen.getByText(/it is not shown for one entity/),
    ).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: 'Show the whole organisation' }),
    );
    expect(
      await findDetail(
        'Lead time for changes (median) — the whole organisation',
      ),
    ).toBeInTheDocument();
  });

  it('says when no deployment was reported, and where to connect CI', async () => {
    renderPage(
      mockFlywheelApi({
        getMetricSeries: jest.fn().mockImplementation(async (id: string) => {
          const metric = metricDefinitions.find(m => m.id === id)!;
          return metric.domain === 'valueStream'
            ? emptyMetricSeries(metric)
            : metricSeriesById(id);
        }),
      }),
    );

    // Said once, above the tiles; the selected metric only says it is empty.
    expect(
      await screen.findByText('No deployments reported yet'),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(
        'No data for the whole organisation in this window.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /docs\/metrics\.md/ }),
    ).toHaveAttribute(
      'href',
      'https://github.com/flywheel-dev/flywheel/blob/main/docs/metrics.md',
    );
    const tile = screen.getByRole('button', { name: /Lead time for changes/ });
    expect(tile).toHaveTextContent('no data');
  });

  it('shows a loading state, then says when the registry is empty', async () => {
    let resolve: (value: { items: [] }) => void = () => {};
    renderPage(
      mockFlywheelApi({
        getMetrics: jest.fn().mockReturnValue(
          new Promise(r => {
            resolve = r;
          }),
        ),
      }),
    );

    expect(await screen.findByTestId('progress')).toBeInTheDocument();
    resolve({ items: [] });
    expect(
      await screen.findByRole('heading', { name: 'No metrics yet' }),
    ).toBeInTheDocument();
  });

  it('names the missing permission when the backend refuses', async () => {
    const error = await responseError(403, 'NotAllowedError', 'Unauthorized');
    renderPage(
      mockFlywheelApi({ getMetrics: jest.fn().mockRejectedValue(error) }),
    );

    expect(await screen.findByText('Could not load metrics')).toBeVisible();
    expect(
      screen.getByText(
        'You are not allowed to see metrics: it needs the permission flywheel.metrics.read. Ask your Backstage administrator to grant it.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Try again' }),
    ).not.toBeInTheDocument();
  });

  it('loads again after a failure', async () => {
    const error = await responseError(500, 'Error', 'Database unavailable');
    const flywheelApi = mockFlywheelApi();
    flywheelApi.getMetrics.mockRejectedValueOnce(error);
    renderPage(flywheelApi);

    expect(await screen.findByText('Database unavailable')).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));

    expect(
      await screen.findByRole('region', { name: 'Value stream' }),
    ).toBeInTheDocument();
  });
});
