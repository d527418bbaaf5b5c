import {
  createFrontendModule,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { AnalyticsImplementationBlueprint } from '@backstage/plugin-app-react';
import { FlywheelAnalytics } from './FlywheelAnalytics';

/**
 * Flywheel's analytics implementation as an extension of the app's
 * analytics API (`analytics:app/flywheel`), beside any other the app has.
 */
export const flywheelAnalyticsImplementation =
  AnalyticsImplementationBlueprint.make({
    name: 'flywheel',
    params: defineParams =>
      defineParams({
        deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
        factory: ({ discoveryApi, fetchApi }) =>
          FlywheelAnalytics.create({ discoveryApi, fetchApi }),
      }),
  });

/**
 * Sends the app's analytics events to Flywheel for its platform-usage
 * metrics (active users, stickiness, usage per plugin and route). A module
 * of the app, installed on its own, so an organisation decides to record
 * usage: `createApp({ features: [flywheelAnalyticsModule] })`. Other
 * analytics implementations (GA4, New Relic, …) keep receiving every event.
 *
 * @public
 */
export const flywheelAnalyticsModule = createFrontendModule({
  pluginId: 'app',
  extensions: [flywheelAnalyticsImplementation],
});
