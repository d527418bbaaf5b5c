import { createApiRef } from '@backstage/frontend-plugin-api';
import {
  EntityProvenanceResponse,
  GoldenPathsResponse,
  GroupAdoptionResponse,
} from '@flywheel/plugin-flywheel-common';

/**
 * Client for the Flywheel backend (`/api/flywheel`).
 *
 * @public
 */
export interface FlywheelApi {
  /** Every golden path with its adoption, runs, drift and trend. */
  getGoldenPaths(): Promise<GoldenPathsResponse>;

  /**
   * Golden-path adoption of a team and its sub-teams.
   *
   * @param groupRef - entity ref of a Group, e.g. `group:default/payments`
   */
  getGroupAdoption(groupRef: string): Promise<GroupAdoptionResponse>;

  /**
   * Which golden path an entity was created from, and whether it drifted.
   *
   * @param entityRef - entity ref, e.g. `component:default/checkout`
   */
  getEntityProvenance(entityRef: string): Promise<EntityProvenanceResponse>;
}

/**
 * API reference for {@link FlywheelApi}.
 *
 * @public
 */
export const flywheelApiRef = createApiRef<FlywheelApi>().with({
  id: 'plugin.flywheel.api',
  pluginId: 'flywheel',
});
