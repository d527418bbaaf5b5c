import { createExtensionTester } from '@backstage/frontend-test-utils';
import { AnalyticsImplementationBlueprint } from '@backstage/plugin-app-react';
import { FlywheelAnalytics } from './FlywheelAnalytics';
import { flywheelAnalyticsApiFactory } from './legacy';
import {
  flywheelAnalyticsImplementation,
  flywheelAnalyticsModule,
} from './module';

const deps = {
  discoveryApi: { getBaseUrl: jest.fn() },
  fetchApi: { fetch: jest.fn() },
};

describe('the analytics module', () => {
  it('is an analytics implementation of the app, beside any other', () => {
    expect(flywheelAnalyticsModule.$$type).toBe('@backstage/FrontendModule');
    expect(flywheelAnalyticsModule.pluginId).toBe('app');
    const tester = createExtensionTester(flywheelAnalyticsImplementation);
    const factory = tester.get(
      AnalyticsImplementationBlueprint.dataRefs.factory,
    );
    expect(
      Object.values(factory.deps).map(ref => (ref as { id: string }).id),
    ).toEqual(['core.discovery', 'core.fetch']);
    expect(factory.factory(deps)).toBeInstanceOf(FlywheelAnalytics);
  });

  it('is a legacy analytics API factory', () => {
    expect(flywheelAnalyticsApiFactory.api.id).toBe('core.analytics');
    expect(flywheelAnalyticsApiFactory.factory(deps)).toBeInstanceOf(
      FlywheelAnalytics,
    );
  });
});

describe('the package exports', () => {
  it('the module from /alpha, the class and the legacy factory from the root', async () => {
    const alpha = await import('../alpha');
    const root = await import('../index');
    expect(alpha.flywheelAnalyticsModule).toBe(flywheelAnalyticsModule);
    expect(root.FlywheelAnalytics).toBe(FlywheelAnalytics);
    expect(root.flywheelAnalyticsApiFactory).toBe(flywheelAnalyticsApiFactory);
  });
});
