import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Entity } from '@backstage/catalog-model';
import {
  ApiBlueprint,
  coreExtensionData,
} from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  mockApis,
  renderInTestApp,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { catalogApiRef, EntityProvider } from '@backstage/plugin-catalog-react';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import flywheelPlugin from './alpha';
import { FlywheelClient, flywheelApiRef } from './api';
import { rootRouteRef } from './routes';
import {
  catalogRoutes,
  checkoutItem,
  mockFlywheelApi,
  orgGroups,
  paymentsAdoption,
  statValue,
} from './__testUtils__/testData';
import { mockRespondApi, npsPrompt } from './surveys/__testUtils__/respondData';

const checkoutApi: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout-api', namespace: 'default' },
  spec: { type: 'service' },
};

const payments: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'payments', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

describe('flywheel plugin (new frontend system)', () => {
  it('is a frontend plugin with the flywheel id', () => {
    expect(flywheelPlugin.$$type).toBe('@backstage/FrontendPlugin');
    expect(flywheelPlugin.pluginId).toBe('flywheel');
  });

  it('provides the Flywheel client', () => {
    const tester = createExtensionTester(
      flywheelPlugin.getExtension('api:flywheel'),
    );
    const factory = tester.get(ApiBlueprint.dataRefs.factory);

    expect(factory.api.id).toBe(flywheelApiRef.id);
    const client = factory.factory({
      discoveryApi: { getBaseUrl: jest.fn() },
      fetchApi: { fetch: jest.fn() },
    });
    expect(client).toBeInstanceOf(FlywheelClient);
  });

  it('mounts a Flywheel page at /flywheel that opens the Golden Paths tab', async () => {
    const tester = createExtensionTester(
      flywheelPlugin.getExtension('page:flywheel'),
    ).add(flywheelPlugin.getExtension('sub-page:flywheel/golden-paths'));

    expect(tester.get(coreExtensionData.routePath)).toBe('/flywheel');
    expect(tester.get(coreExtensionData.title)).toBe('Flywheel');

    renderInTestApp(tester.reactElement(), {
      mountedRoutes: catalogRoutes,
      apis: [
        [flywheelApiRef, mockFlywheelApi()],
        [catalogApiRef, catalogApiMock({ entities: [] })],
      ],
    });

    expect(
      await screen.findByRole('region', { name: 'TypeScript HTTP service' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Golden Paths' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });

  it('adds a Flywheel nav item and routes /flywheel to the Overview tab, the product dashboard, in an app', async () => {
    renderTestApp({
      features: [flywheelPlugin],
      initialRouteEntries: ['/flywheel'],
      mountedRoutes: catalogRoutes,
      apis: [
        [flywheelApiRef, mockFlywheelApi()],
        [catalogApiRef, catalogApiMock({ entities: [] })],
      ],
    });

    expect(
      await screen.findByRole('heading', { name: 'Product dashboard' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('region', { name: 'Developer satisfaction' }),
    ).toBeInTheDocument();
    // The sidebar item, highlighted because we are on the page.
    expect(
      screen.getByRole('link', { name: 'Flywheel', current: 'page' }),
    ).toHaveAttribute('href', '/flywheel');
  });

  it('puts the Overview tab first and keeps the domains at their paths', async () => {
    renderTestApp({
      features: [flywheelPlugin],
      initialRouteEntries: ['/flywheel/golden-paths'],
      mountedRoutes: catalogRoutes,
      apis: [
        [flywheelApiRef, mockFlywheelApi()],
        [catalogApiRef, catalogApiMock({ entities: [] })],
      ],
    });

    expect(
      await screen.findByRole('tab', { name: 'Golden Paths', selected: true }),
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
    expect(
      await screen.findByRole('region', { name: 'TypeScript HTTP service' }),
    ).toBeInTheDocument();
  });

  it('serves the Maturity tab at /flywheel/maturity in an app, linking its cards to the capability pages', async () => {
    const flywheelApi = mockFlywheelApi();
    renderTestApp({
      features: [flywheelPlugin],
      initialRouteEntries: ['/flywheel/maturity'],
      mountedRoutes: catalogRoutes,
      apis: [
        [flywheelApiRef, flywheelApi],
        [catalogApiRef, catalogApiMock({ entities: [] })],
      ],
    });

    const board = await screen.findByRole('region', {
      name: 'Capability maturity',
    });
    const link = await within(board).findByRole('link', {
      name: 'CI pipelines',
    });
    expect(link).toHaveAttribute(
      'href',
      '/flywheel/maturity/component/default/ci-pipelines',
    );
    await userEvent.click(link);
    expect(
      await screen.findByRole('heading', { name: 'CI pipelines', level: 2 }),
    ).toBeInTheDocument();
    expect(flywheelApi.getMaturityCapability).toHaveBeenCalledWith(
      'component:default/ci-pipelines',
    );
  });

  it('opens a capability at its deep link in an app', async () => {
    const flywheelApi = mockFlywheelApi();
    renderTestApp({
      features: [flywheelPlugin],
      initialRouteEntries: [
        '/flywheel/maturity/component/default/ci-pipelines',
      ],
      mountedRoutes: catalogRoutes,
      apis: [
        [flywheelApiRef, flywheelApi],
        [catalogApiRef, catalogApiMock({ entities: [] })],
      ],
    });

    expect(
      await screen.findByRole('heading', { name: 'CI pipelines', level: 2 }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('tab', { name: 'Maturity', selected: true }),
    ).toBeInTheDocument();
  });

  it('adds a Surveys tab to the Flywheel page', async () => {
    const tester = createExtensionTester(
      flywheelPlugin.getExtension('page:flywheel'),
    ).add(flywheelPlugin.getExtension('sub-page:flywheel/surveys'));
    const flywheelApi = mockRespondApi({
      listSurveys: jest.fn().mockResolvedValue({ items: [] }),
    });

    renderInTestApp(tester.reactElement(), {
      mountedRoutes: catalogRoutes,
      apis: [
        [flywheelApiRef, flywheelApi],
        [catalogApiRef, catalogApiMock({ entities: orgGroups })],
        [permissionApiRef, mockApis.permission()],
      ],
    });

    expect(
      await screen.findByRole('tab', { name: 'Surveys', selected: true }),
    ).toBeInTheDocument();
    await waitFor(() => expect(flywheelApi.listSurveys).toHaveBeenCalled());
  });

  it('prompts for surveys on every page of an app that installs the plugin', async () => {
    const flywheelApi = mockRespondApi({
      getSurveyPrompts: jest.fn().mockResolvedValue({ items: [npsPrompt] }),
    });
    renderTestApp({
      features: [flywheelPlugin],
      initialRouteEntries: ['/flywheel'],
      mountedRoutes: catalogRoutes,
      apis: [
        [flywheelApiRef, flywheelApi],
        [catalogApiRef, catalogApiMock({ entities: [] })],
      ],
    });

    const prompt = await screen.findByRole('dialog', {
      name: 'Developer experience',
    });
    expect(prompt).toHaveAttribute('aria-modal', 'false');
    expect(flywheelApi.getSurveyPrompts).toHaveBeenCalledWith({
      path: '/flywheel/overview',
    });
  });

  it('adds the golden-path card to Component entity pages only', async () => {
    const tester = createExtensionTester(
      flywheelPlugin.getExtension('entity-card:flywheel/golden-path'),
    );
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction);
    expect(filter?.(checkoutApi)).toBe(true);
    expect(filter?.(payments)).toBe(false);

    renderInTestApp(
      <EntityProvider entity={checkoutApi}>
        {tester.reactElement()}
      </EntityProvider>,
      {
        mountedRoutes: catalogRoutes,
        apis: [[flywheelApiRef, mockFlywheelApi()]],
      },
    );

    const card = await screen.findByRole('region', { name: 'Golden path' });
    expect(
      await within(card).findByText('Created from 1.0.0, current is 1.2.0'),
    ).toBeInTheDocument();
  });

  it('adds the adoption card to Group entity pages only', async () => {
    const tester = createExtensionTester(
      flywheelPlugin.getExtension('entity-card:flywheel/group-adoption'),
    );
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction);
    expect(filter?.(payments)).toBe(true);
    expect(filter?.(checkoutApi)).toBe(false);

    renderInTestApp(
      <EntityProvider entity={payments}>
        {tester.reactElement()}
      </EntityProvider>,
      { apis: [[flywheelApiRef, mockFlywheelApi()]] },
    );

    const card = await screen.findByRole('region', {
      name: 'Golden-path adoption',
    });
    expect(
      await within(card).findByText(`${paymentsAdoption.adoptionPercent}%`),
    ).toBeInTheDocument();
  });

  it('adds a Metrics tab to the Flywheel page', async () => {
    const tester = createExtensionTester(
      flywheelPlugin.getExtension('page:flywheel'),
    ).add(flywheelPlugin.getExtension('sub-page:flywheel/metrics'));
    const flywheelApi = mockFlywheelApi();

    renderInTestApp(tester.reactElement(), {
      mountedRoutes: catalogRoutes,
      apis: [
        [flywheelApiRef, flywheelApi],
        [catalogApiRef, catalogApiMock({ entities: orgGroups })],
      ],
    });

    expect(
      await screen.findByRole('tab', { name: 'Metrics', selected: true }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('region', { name: 'Value stream' }),
    ).toBeInTheDocument();
    expect(flywheelApi.getMetrics).toHaveBeenCalled();
  });

  it('serves the Metrics tab at /flywheel/metrics in an app, where the card links', async () => {
    const flywheelApi = mockFlywheelApi();
    renderTestApp({
      features: [flywheelPlugin],
      initialRouteEntries: [
        '/flywheel/metrics?groupRef=group%3Adefault%2Fcommerce&window=90d',
      ],
      mountedRoutes: catalogRoutes,
      apis: [
        [flywheelApiRef, flywheelApi],
        [catalogApiRef, catalogApiMock({ entities: orgGroups })],
      ],
    });

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

  it('adds the value-stream card to Component and Group pages only', async () => {
    const tester = createExtensionTester(
      flywheelPlugin.getExtension('entity-card:flywheel/value-stream'),
    );
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction);
    expect(filter?.(checkoutApi)).toBe(true);
    expect(filter?.(payments)).toBe(true);
    expect(filter?.({ ...checkoutApi, kind: 'API' })).toBe(false);
    expect(filter?.({ ...checkoutApi, kind: 'System' })).toBe(false);

    renderInTestApp(
      <EntityProvider entity={payments}>
        {tester.reactElement()}
      </EntityProvider>,
      {
        mountedRoutes: { ...catalogRoutes, '/flywheel': rootRouteRef },
        apis: [[flywheelApiRef, mockFlywheelApi()]],
      },
    );

    const card = await screen.findByRole('region', { name: 'Value stream' });
    expect(
      await within(card).findByRole('link', {
        name: 'All metrics of payments',
      }),
    ).toHaveAttribute(
      'href',
      '/flywheel/metrics?groupRef=group%3Adefault%2Fpayments&window=90d',
    );
  });

  it('adds a Scorecards tab to the Flywheel page', async () => {
    const tester = createExtensionTester(
      flywheelPlugin.getExtension('page:flywheel'),
    ).add(flywheelPlugin.getExtension('sub-page:flywheel/scorecards'));

    renderInTestApp(tester.reactElement(), {
      mountedRoutes: catalogRoutes,
      apis: [
        [flywheelApiRef, mockFlywheelApi()],
        [catalogApiRef, catalogApiMock({ entities: orgGroups })],
        [permissionApiRef, mockApis.permission()],
      ],
    });

    expect(
      await screen.findByRole('heading', { name: 'Scorecards (2)' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Scorecards' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(
      await screen.findByRole('region', { name: 'Leaderboard' }),
    ).toBeInTheDocument();
  });

  it('adds a Scorecards tab to the pages of owned kinds, not groups', async () => {
    const tester = createExtensionTester(
      flywheelPlugin.getExtension('entity-content:flywheel/scorecards'),
    );
    expect(tester.get(coreExtensionData.routePath)).toBe('scorecards');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'Scorecards',
    );
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
    expect(filter?.(checkoutApi)).toBe(true);
    expect(filter?.({ ...checkoutApi, kind: 'API' })).toBe(true);
    expect(filter?.({ ...checkoutApi, kind: 'Resource' })).toBe(true);
    expect(filter?.({ ...checkoutApi, kind: 'System' })).toBe(true);
    expect(filter?.(payments)).toBe(false);
    expect(filter?.({ ...checkoutApi, kind: 'User' })).toBe(false);

    renderInTestApp(
      <EntityProvider entity={checkoutApi}>
        {tester.reactElement()}
      </EntityProvider>,
      {
        mountedRoutes: catalogRoutes,
        apis: [
          [flywheelApiRef, mockFlywheelApi()],
          [permissionApiRef, mockApis.permission()],
        ],
      },
    );

    const card = await screen.findByRole('region', {
      name: 'Golden path adoption',
    });
    expect(card).toHaveTextContent('Level: Silver');
    expect(
      await screen.findByRole('button', { name: 'Refresh' }),
    ).toBeInTheDocument();
  });

  it('adds a Team scorecard tab to Group entity pages only', async () => {
    const tester = createExtensionTester(
      flywheelPlugin.getExtension('entity-content:flywheel/team-scorecard'),
    );
    expect(tester.get(coreExtensionData.routePath)).toBe('team-scorecard');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'Team scorecard',
    );
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
    expect(filter?.(payments)).toBe(true);
    expect(filter?.(checkoutApi)).toBe(false);

    renderInTestApp(
      <EntityProvider entity={payments}>
        {tester.reactElement()}
      </EntityProvider>,
      {
        mountedRoutes: catalogRoutes,
        apis: [
          [flywheelApiRef, mockFlywheelApi()],
          [permissionApiRef, mockApis.permission()],
        ],
      },
    );

    const summary = await screen.findByRole('region', { name: 'Summary' });
    expect(statValue(summary, 'Entities')).toBe('5');
  });

  it('serves the Campaigns tab at /flywheel/campaigns in an app, linking each campaign to its page', async () => {
    const flywheelApi = mockFlywheelApi();
    renderTestApp({
      features: [flywheelPlugin],
      initialRouteEntries: ['/flywheel/campaigns'],
      mountedRoutes: catalogRoutes,
      apis: [
        [flywheelApiRef, flywheelApi],
        [catalogApiRef, catalogApiMock({ entities: orgGroups })],
      ],
    });

    expect(
      await screen.findByRole('tab', { name: 'Campaigns', selected: true }),
    ).toBeInTheDocument();
    const list = await screen.findByRole('region', { name: 'Campaigns' });
    const link = await within(list).findByRole('link', {
      name: 'TechDocs everywhere',
    });
    expect(link).toHaveAttribute(
      'href',
      '/flywheel/campaigns/techdocs-everywhere',
    );
    await userEvent.click(link);
    expect(
      await screen.findByRole('heading', {
        name: 'TechDocs everywhere',
        level: 2,
      }),
    ).toBeInTheDocument();
    expect(flywheelApi.getCampaign).toHaveBeenCalledWith('techdocs-everywhere');
  });

  it('opens a campaign at its deep link in an app', async () => {
    const flywheelApi = mockFlywheelApi();
    renderTestApp({
      features: [flywheelPlugin],
      initialRouteEntries: ['/flywheel/campaigns/techdocs-everywhere'],
      mountedRoutes: catalogRoutes,
      apis: [
        [flywheelApiRef, flywheelApi],
        [catalogApiRef, catalogApiMock({ entities: orgGroups })],
      ],
    });

    expect(
      await screen.findByRole('heading', {
        name: 'TechDocs everywhere',
        level: 2,
      }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('tab', { name: 'Campaigns', selected: true }),
    ).toBeInTheDocument();
  });

  it('adds the campaigns card to Component entity pages only', async () => {
    const tester = createExtensionTester(
      flywheelPlugin.getExtension('entity-card:flywheel/campaigns'),
    );
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction);
    expect(filter?.(checkoutApi)).toBe(true);
    expect(filter?.(payments)).toBe(false);
    expect(filter?.({ ...checkoutApi, kind: 'API' })).toBe(false);

    renderInTestApp(
      <EntityProvider entity={checkoutApi}>
        {tester.reactElement()}
      </EntityProvider>,
      {
        mountedRoutes: { ...catalogRoutes, '/flywheel': rootRouteRef },
        apis: [[flywheelApiRef, mockFlywheelApi()]],
      },
    );

    const card = await screen.findByRole('region', { name: 'Campaigns' });
    expect(
      await within(card).findByText(checkoutItem.reason),
    ).toBeInTheDocument();
  });

  it("adds the team's campaigns card to Group entity pages only", async () => {
    const tester = createExtensionTester(
      flywheelPlugin.getExtension('entity-card:flywheel/group-campaigns'),
    );
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction);
    expect(filter?.(payments)).toBe(true);
    expect(filter?.(checkoutApi)).toBe(false);

    const flywheelApi = mockFlywheelApi();
    renderInTestApp(
      <EntityProvider entity={payments}>
        {tester.reactElement()}
      </EntityProvider>,
      {
        mountedRoutes: { ...catalogRoutes, '/flywheel': rootRouteRef },
        apis: [[flywheelApiRef, flywheelApi]],
      },
    );

    const card = await screen.findByRole('region', { name: 'Campaigns' });
    expect(
      await within(card).findByRole('link', { name: 'TechDocs everywhere' }),
    ).toHaveAttribute(
      'href',
      '/flywheel/campaigns/techdocs-everywhere?groupRef=group%3Adefault%2Fpayments',
    );
    expect(flywheelApi.getCampaignMemberships).toHaveBeenCalledWith({
      groupRef: 'group:default/payments',
    });
  });
});
