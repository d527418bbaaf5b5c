import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { flywheelApiRef } from '../../api';
import { catalogRoutes, orgGroups } from '../../__testUtils__/testData';
import { mockRespondApi } from '../../surveys/__testUtils__/respondData';
import { FlywheelPage } from './FlywheelPage';

function renderPage(route?: string) {
  const flywheelApi = mockRespondApi({
    listSurveys: jest.fn().mockResolvedValue({ items: [] }),
  });
  const rendered = renderInTestApp(
    <TestApiProvider
      apis={[
        [flywheelApiRef, flywheelApi],
        [catalogApiRef, catalogApiMock({ entities: orgGroups })],
        [permissionApiRef, mockApis.permission()],
      ]}
    >
      <FlywheelPage />
    </TestApiProvider>,
    {
      mountedRoutes: catalogRoutes,
      routeEntries: route ? [route] : undefined,
    },
  );
  return { flywheelApi, rendered };
}

describe('FlywheelPage (legacy frontend system)', () => {
  it('shows the Overview tab, the product dashboard, by default', async () => {
    const { flywheelApi, rendered } = renderPage();
    await rendered;

    expect(
      screen.getByRole('heading', { name: 'Flywheel' }),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('tab').map(tab => tab.textContent)).toEqual([
      'Overview',
      'Golden Paths',
      'Scorecards',
      'Surveys',
      'Metrics',
      'Maturity',
      'Campaigns',
    ]);
    expect(screen.getByRole('tab', { name: 'Overview' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(
      await screen.findByRole('heading', { name: 'Product dashboard' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('region', { name: 'Developer satisfaction' }),
    ).toBeInTheDocument();
    expect(flywheelApi.getOutcomes).toHaveBeenCalled();
  });

  it('has a Golden Paths tab', async () => {
    await renderPage().rendered;

    await userEvent.click(screen.getByRole('tab', { name: 'Golden Paths' }));

    expect(
      await screen.findByRole('region', { name: 'TypeScript HTTP service' }),
    ).toBeInTheDocument();
  });

  it('keeps the Golden Paths tab at /golden-paths', async () => {
    const { flywheelApi, rendered } = renderPage('/golden-paths');
    await rendered;

    expect(
      await screen.findByRole('region', { name: 'TypeScript HTTP service' }),
    ).toBeInTheDocument();
    expect(flywheelApi.getOutcomes).not.toHaveBeenCalled();
  });

  it('has a Maturity tab', async () => {
    const { flywheelApi, rendered } = renderPage();
    await rendered;

    await userEvent.click(screen.getByRole('tab', { name: 'Maturity' }));

    expect(
      await screen.findByRole('region', { name: 'Capability maturity' }),
    ).toBeInTheDocument();
    expect(flywheelApi.getMaturityHistory).toHaveBeenCalled();
  });

  it('opens a capability where the board links to', async () => {
    const { flywheelApi, rendered } = renderPage(
      '/maturity/component/default/ci-pipelines',
    );
    await rendered;

    expect(
      await screen.findByRole('heading', { name: 'CI pipelines', level: 2 }),
    ).toBeInTheDocument();
    expect(flywheelApi.getMaturityCapability).toHaveBeenCalledWith(
      'component:default/ci-pipelines',
    );
  });

  it('has a Campaigns tab', async () => {
    const { flywheelApi, rendered } = renderPage();
    await rendered;

    await userEvent.click(screen.getByRole('tab', { name: 'Campaigns' }));

    expect(
      await screen.findByRole('heading', { name: 'TechDocs everywhere' }),
    ).toBeInTheDocument();
    expect(flywheelApi.listCampaigns).toHaveBeenCalled();
  });

  it('opens a campaign where the list links to', async () => {
    const { flywheelApi, rendered } = renderPage(
      '/campaigns/techdocs-everywhere',
    );
    await rendered;

    expect(
      await screen.findByRole('heading', {
        name: 'TechDocs everywhere',
        level: 2,
      }),
    ).toBeInTheDocument();
    expect(flywheelApi.getCampaign).toHaveBeenCalledWith('techdocs-everywhere');
  });

  it('has a Scorecards tab', async () => {
    await renderPage().rendered;

    await userEvent.click(screen.getByRole('tab', { name: 'Scorecards' }));

    expect(
      await screen.findByRole('heading', { name: 'Scorecards (2)' }),
    ).toBeInTheDocument();
  });

  it('has a Surveys tab', async () => {
    const { flywheelApi, rendered } = renderPage();
    await rendered;

    await userEvent.click(screen.getByRole('tab', { name: 'Surveys' }));

    await waitFor(() => expect(flywheelApi.listSurveys).toHaveBeenCalled());
  });

  it('has a Metrics tab', async () => {
    const { flywheelApi, rendered } = renderPage();
    await rendered;

    await userEvent.click(screen.getByRole('tab', { name: 'Metrics' }));

    expect(
      await screen.findByRole('region', { name: 'Value stream' }),
    ).toBeInTheDocument();
    expect(flywheelApi.getMetrics).toHaveBeenCalled();
  });

  it('opens the view of the Metrics tab that entity cards link to', async () => {
    const { flywheelApi, rendered } = renderPage(
      '/metrics?groupRef=group%3Adefault%2Fcommerce&window=90d',
    );
    await rendered;

    expect(
      await screen.findByRole('region', {
        name: 'Time to first deploy (median) — Commerce',
      }),
    ).toBeInTheDocument();
    expect(flywheelApi.getMetricSeries).toHaveBeenCalledWith(
      'valueStream.timeToFirstDeploy.median',
      { groupRef: 'group:default/commerce', window: '90d', interval: 'week' },
    );
  });

  it('opens the survey form where notifications link to', async () => {
    const { flywheelApi, rendered } = renderPage('/surveys/dx-nps/respond');
    await rendered;

    expect(
      await screen.findByRole('heading', { name: 'Developer experience' }),
    ).toBeInTheDocument();
    expect(flywheelApi.getSurveyForm).toHaveBeenCalledWith('dx-nps');
  });
});
