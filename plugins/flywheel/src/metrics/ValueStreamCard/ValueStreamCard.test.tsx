import { screen, within } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  renderInTestApp as renderInLegacyTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { FlywheelApi, flywheelApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import {
  catalogRoutes,
  emptyMetricSeries,
  leadTimeMetric,
  metricDefinitions,
  metricSeries,
  metricSeriesById,
  mockFlywheelApi,
  responseError,
  statValue,
} from '../../__testUtils__/testData';
import { expectNoAxeViolations } from '../../__testUtils__/axe';
import { ValueStreamCard } from './ValueStreamCard';

const checkoutApi: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout-api',
    namespace: 'default',
    title: 'Checkout API',
  },
  spec: { type: 'service' },
};

const commerce: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'commerce', namespace: 'default' },
  spec: { type: 'team', children: ['checkout', 'payments-core'] },
};

function renderCard(
  entity: Entity = checkoutApi,
  flywheelApi: jest.Mocked<FlywheelApi> = mockFlywheelApi(),
  options: { withPage?: boolean } = { withPage: true },
) {
  const rendered = renderInTestApp(
    <EntityProvider entity={entity}>
      <ValueStreamCard />
    </EntityProvider>,
    {
      mountedRoutes: {
        ...catalogRoutes,
        ...(options.withPage ? { '/flywheel': rootRouteRef } : {}),
      },
      apis: [[flywheelApiRef, flywheelApi]],
    },
  );
  return { flywheelApi, rendered };
}

/** A series for every headline metric but one, which the backend does not know. */
function withoutFrequency(id: string) {
  if (id === 'valueStream.deploymentFrequency') {
    return responseError(404, 'NotFoundError', `No metric '${id}'`).then(e =>
      Promise.reject(e),
    );
  }
  return metricSeriesById(id);
}

describe('ValueStreamCard', () => {
  it("shows a Component's headline numbers with their trend, over 90 days", async () => {
    const { flywheelApi, rendered } = renderCard();

    const card = await screen.findByRole('region', { name: 'Value stream' });
    const stats = await within(card).findByLabelText(
      'Value stream of Checkout API, last 90 days',
    );
    expect(statValue(stats, 'Time to first deploy (median)')).toBe('1.3 d');
    expect(statValue(stats, 'Lead time for changes (median)')).toBe('2.5 h');
    expect(statValue(stats, 'Deployment frequency')).toBe('2.8 per week');
    expect(statValue(stats, 'Change failure rate')).toBe('7.4%');
    expect(within(stats).getByText('40 samples')).toBeInTheDocument();
    expect(
      within(stats).getByRole('img', {
        name: /^Trend of Lead time for changes \(median\): From 4 h/,
      }),
    ).toBeInTheDocument();
    for (const id of [
      'valueStream.timeToFirstDeploy.median',
      'valueStream.leadTime.median',
      'valueStream.deploymentFrequency',
      'valueStream.changeFailureRate',
    ]) {
      expect(flywheelApi.getMetricSeries).toHaveBeenCalledWith(id, {
        entityRef: 'component:default/checkout-api',
        window: '90d',
        interval: 'week',
      });
    }
    expect(
      within(card).getByRole('link', { name: 'All metrics of Checkout API' }),
    ).toHaveAttribute(
      'href',
      '/flywheel/metrics?entityRef=component%3Adefault%2Fcheckout-api&window=90d',
    );
    await expectNoAxeViolations(rendered.container);
  });

  it('shows a Group with its sub-teams, and links to its view', async () => {
    const { flywheelApi } = renderCard(commerce);

    const card = await screen.findByRole('region', { name: 'Value stream' });
    expect(
      within(card).getByText('Last 90 days, sub-teams included'),
    ).toBeInTheDocument();
    await within(card).findByLabelText(
      'Value stream of commerce, last 90 days',
    );
    expect(flywheelApi.getMetricSeries).toHaveBeenCalledWith(
      'valueStream.leadTime.median',
      { groupRef: 'group:default/commerce', window: '90d', interval: 'week' },
    );
    expect(
      within(card).getByRole('link', { name: 'All metrics of commerce' }),
    ).toHaveAttribute(
      'href',
      '/flywheel/metrics?groupRef=group%3Adefault%2Fcommerce&window=90d',
    );
  });

  it('says "no data" for a headline without samples, and leaves out unknown metrics', async () => {
    renderCard(
      checkoutApi,
      mockFlywheelApi({
        getMetricSeries: jest
          .fn()
          .mockImplementation(async (id: string) =>
            id === 'valueStream.changeFailureRate'
              ? emptyMetricSeries(metricDefinitions.find(m => m.id === id)!)
              : withoutFrequency(id),
          ),
      }),
    );

    const stats = await screen.findByLabelText(
      'Value stream of Checkout API, last 90 days',
    );
    expect(statValue(stats, 'Change failure rate')).toBe('no data');
    expect(within(stats).queryByText('Deployment frequency')).toBeNull();
    expect(within(stats).getAllByRole('term')).toHaveLength(3);
  });

  it('points to docs/metrics.md when the entity has no deployment reported', async () => {
    renderCard(
      checkoutApi,
      mockFlywheelApi({
        getMetricSeries: jest
          .fn()
          .mockImplementation(async (id: string) =>
            emptyMetricSeries(metricDefinitions.find(m => m.id === id)!),
          ),
      }),
    );

    expect(
      await screen.findByText(
        'No deployments reported for Checkout API in this window',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /docs\/metrics\.md/ }),
    ).toBeInTheDocument();
  });

  it('shows a loading state', async () => {
    renderCard(
      checkoutApi,
      mockFlywheelApi({
        getMetricSeries: jest.fn().mockReturnValue(new Promise(() => {})),
      }),
    );

    const card = await screen.findByRole('region', { name: 'Value stream' });
    expect(within(card).getByTestId('progress')).toBeInTheDocument();
  });

  it('names the missing permission when the backend refuses', async () => {
    const error = await responseError(403, 'NotAllowedError', 'Unauthorized');
    renderCard(
      checkoutApi,
      mockFlywheelApi({ getMetricSeries: jest.fn().mockRejectedValue(error) }),
    );

    expect(
      await screen.findByText('Could not load value-stream metrics'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/it needs the permission flywheel\.metrics\.read/),
    ).toBeInTheDocument();
  });

  it('keeps the numbers it has when one metric fails', async () => {
    const error = await responseError(500, 'Error', 'Database unavailable');
    renderCard(
      checkoutApi,
      mockFlywheelApi({
        getMetricSeries: jest.fn().mockImplementation(async (id: string) => {
          if (id === leadTimeMetric.id) {
            throw error;
          }
          return metricSeries(metricDefinitions.find(m => m.id === id)!);
        }),
      }),
    );

    const stats = await screen.findByLabelText(
      'Value stream of Checkout API, last 90 days',
    );
    expect(statValue(stats, 'Deployment frequency')).toBe('2.8 per week');
    expect(statValue(stats, 'Lead time for changes')).toBe('Could not load');
    expect(within(stats).getByText('Database unavailable')).toBeVisible();
  });

  it('has no link when the app has no Flywheel page', async () => {
    renderCard(checkoutApi, mockFlywheelApi(), { withPage: false });

    await screen.findByLabelText('Value stream of Checkout API, last 90 days');
    expect(
      screen.queryByRole('link', { name: /All metrics/ }),
    ).not.toBeInTheDocument();
  });

  describe('in a legacy app', () => {
    function renderLegacy(mountedRoutes: Record<string, typeof rootRouteRef>) {
      return renderInLegacyTestApp(
        <TestApiProvider apis={[[flywheelApiRef, mockFlywheelApi()]]}>
          <EntityProvider entity={commerce}>
            <ValueStreamCard />
          </EntityProvider>
        </TestApiProvider>,
        { mountedRoutes },
      );
    }

    it('links to the Metrics tab of the page', async () => {
      await renderLegacy({ '/flywheel': rootRouteRef });

      expect(
        await screen.findByRole('link', { name: 'All metrics of commerce' }),
      ).toHaveAttribute(
        'href',
        '/flywheel/metrics?groupRef=group%3Adefault%2Fcommerce&window=90d',
      );
    });

    it('shows the numbers without a link when the page is not mounted', async () => {
      await renderLegacy({});

      expect(
        await screen.findByLabelText('Value stream of commerce, last 90 days'),
      ).toBeInTheDocument();
      expect(screen.queryByRole('link')).not.toBeInTheDocument();
    });
  });
});
