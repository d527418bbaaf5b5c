import {
  EntityProvenanceResponse,
  GoldenPathsResponse,
  GroupAdoptionResponse,
} from '@flywheel/plugin-flywheel-common';
import { FlywheelHttp } from './FlywheelHttp';

/**
 * Golden paths: adoption, provenance, drift.
 *
 * @public
 */
export interface GoldenPathsApi {
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

/** GoldenPathsApi over the Flywheel backend. */
export class GoldenPathsClient implements GoldenPathsApi {
  constructor(private readonly http: FlywheelHttp) {}

  getGoldenPaths(): Promise<GoldenPathsResponse> {
    return this.http.get('/golden-paths');
  }

  getGroupAdoption(groupRef: string): Promise<GroupAdoptionResponse> {
    return this.http.get('/golden-paths/adoption', { groupRef });
  }

  getEntityProvenance(entityRef: string): Promise<EntityProvenanceResponse> {
    return this.http.get('/golden-paths/provenance', { entityRef });
  }
}
