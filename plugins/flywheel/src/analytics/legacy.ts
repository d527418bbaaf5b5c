import {
  analyticsApiRef,
  createApiFactory,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { FlywheelAnalytics } from './FlywheelAnalytics';

/**
 * For legacy apps whose only analytics is Flywheel's: add it to `apis` in
 * `packages/app/src/apis.ts`. An app with other analytics combines them in
 * its own `analyticsApiRef` factory with `MultipleAnalyticsApi.fromApis`
 * and `FlywheelAnalytics.create` (docs/installation.md).
 *
 * @public
 */
export const flywheelAnalyticsApiFactory = createApiFactory({
  api: analyticsApiRef,
  deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
  factory: ({ discoveryApi, fetchApi }) =>
    FlywheelAnalytics.create({ discoveryApi, fetchApi }),
});
