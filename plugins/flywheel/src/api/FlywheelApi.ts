import { createApiRef } from '@backstage/frontend-plugin-api';
import { CampaignsApi } from './CampaignsApi';
import { GoldenPathsApi } from './GoldenPathsApi';
import { MaturityApi } from './MaturityApi';
import { MetricsApi } from './MetricsApi';
import { ScorecardsApi } from './ScorecardsApi';
import { SurveysApi } from './SurveysApi';

/**
 * Client for the Flywheel backend (`/api/flywheel`): one API per domain,
 * composed.
 *
 * @public
 */
export interface FlywheelApi
  extends GoldenPathsApi,
    ScorecardsApi,
    SurveysApi,
    MetricsApi,
    MaturityApi,
    CampaignsApi {}

/**
 * The Flywheel API.
 *
 * @public
 */
export const flywheelApiRef = createApiRef<FlywheelApi>().with({
  id: 'plugin.flywheel.api',
  pluginId: 'flywheel',
});
