import { FlywheelClient } from '../api/FlywheelClient';

export const baseUrl = 'http://localhost:7007/api/flywheel';

export function jsonResponse(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), {
    status,
    statusText: status < 300 ? 'OK' : 'Not Found',
    headers: { 'content-type': 'application/json' },
  });
}

/** A FlywheelClient over a fetch that answers `response`. */
export function setup(response: Response) {
  const fetch = jest.fn().mockResolvedValue(response);
  const getBaseUrl = jest.fn().mockResolvedValue(baseUrl);
  const client = new FlywheelClient({
    discoveryApi: { getBaseUrl },
    fetchApi: { fetch },
  });
  return { client, fetch, getBaseUrl };
}
