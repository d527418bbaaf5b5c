import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  EntityProvenanceResponse,
  GoldenPathsResponse,
  GroupAdoptionResponse,
} from '@flywheel/plugin-flywheel-common';
import { FlywheelApi } from './FlywheelApi';

/**
 * Default {@link FlywheelApi} implementation: calls the Flywheel backend with
 * the app's fetchApi, so requests carry the user's credentials.
 *
 * @public
 */
export class FlywheelClient implements FlywheelApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  getGoldenPaths(): Promise<GoldenPathsResponse> {
    return this.get('/golden-paths');
  }

  getGroupAdoption(groupRef: string): Promise<GroupAdoptionResponse> {
    return this.get('/golden-paths/adoption', { groupRef });
  }

  getEntityProvenance(entityRef: string): Promise<EntityProvenanceResponse> {
    return this.get('/golden-paths/provenance', { entityRef });
  }

  // Entity refs travel in the query string (never in path segments), encoded
  // by URLSearchParams so `:` and `/` arrive intact.
  private async get<T>(path: string, query?: Record<string, string>) {
    const baseUrl = await this.discoveryApi.getBaseUrl('flywheel');
    const search = query ? `?${new URLSearchParams(query)}` : '';
    const response = await this.fetchApi.fetch(`${baseUrl}${path}${search}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
