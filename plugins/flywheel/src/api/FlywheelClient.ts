import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { CampaignsClient } from './CampaignsApi';
import { FlywheelApi } from './FlywheelApi';
import { FlywheelHttp } from './FlywheelHttp';
import { GoldenPathsClient } from './GoldenPathsApi';
import { MaturityClient } from './MaturityApi';
import { MetricsClient } from './MetricsApi';
import { ScorecardsClient } from './ScorecardsApi';
import { SurveysClient } from './SurveysApi';

/** The methods of a client object, bound to it. */
function boundMethods<T extends object>(client: T): T {
  const methods: Record<string, unknown> = {};
  for (const name of Object.getOwnPropertyNames(
    Object.getPrototypeOf(client),
  )) {
    const value = (client as Record<string, unknown>)[name];
    if (name !== 'constructor' && typeof value === 'function') {
      methods[name] = value.bind(client);
    }
  }
  return methods as T;
}

/**
 * Default {@link FlywheelApi} implementation: the domains' clients over one
 * connection to the Flywheel backend, with the app's fetchApi, so requests
 * carry the user's credentials.
 *
 * @public
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface FlywheelClient extends FlywheelApi {}

/** @public */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FlywheelClient {
  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    const http = new FlywheelHttp(options);
    Object.assign(
      this,
      boundMethods(new GoldenPathsClient(http)),
      boundMethods(new ScorecardsClient(http)),
      boundMethods(new SurveysClient(http)),
      boundMethods(new MetricsClient(http)),
      boundMethods(new MaturityClient(http)),
      boundMethods(new CampaignsClient(http)),
    );
  }
}
