import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';

/** Query string values; undefined ones are left out. */
export type Query = Record<string, string | number | boolean | undefined>;

/**
 * Requests to the Flywheel backend through the app's fetchApi, so they carry
 * the user's credentials; a failed response throws a ResponseError. The
 * domains' clients share one.
 */
export class FlywheelHttp {
  constructor(
    private readonly options: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
    },
  ) {}

  async get<T>(path: string, query?: Query): Promise<T> {
    const response = await this.request(path, query);
    return (await response.json()) as T;
  }

  async post<T>(path: string, body?: object): Promise<T> {
    const response = await this.send('POST', path, body);
    return (await response.json()) as T;
  }

  async put<T>(path: string, body: object): Promise<T> {
    const response = await this.send('PUT', path, body);
    return (await response.json()) as T;
  }

  async patch<T>(path: string, body: object): Promise<T> {
    const response = await this.send('PATCH', path, body);
    return (await response.json()) as T;
  }

  /** A DELETE; the answer (e.g. 204 No Content) has no body to read. */
  async delete(path: string): Promise<void> {
    await this.send('DELETE', path);
  }

  // A write; without a body (e.g. archiving) nothing is sent, not even `{}`.
  async send(
    method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    body?: object,
  ): Promise<Response> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('flywheel');
    const response = await this.options.fetchApi.fetch(
      `${baseUrl}${path}`,
      body === undefined
        ? { method }
        : {
            method,
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
          },
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }

  // Entity refs travel in the query string, encoded by URLSearchParams so
  // `:` and `/` arrive intact, or as the catalog's kind/namespace/name path
  // segments, each encoded by the caller (maturity). Undefined values are
  // left out.
  async request(path: string, query?: Query): Promise<Response> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('flywheel');
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) {
        params.set(key, String(value));
      }
    }
    const search = params.toString() ? `?${params}` : '';
    const response = await this.options.fetchApi.fetch(
      `${baseUrl}${path}${search}`,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}
