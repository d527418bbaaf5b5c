import { ResponseError } from '@backstage/errors';
import { baseUrl, jsonResponse, setup } from '../__testUtils__/clientFixtures';
import {
  goldenPathsResponse,
  paymentsAdoption,
} from '../__testUtils__/testData';

describe('FlywheelClient', () => {
  it('lists golden paths from the flywheel backend', async () => {
    const { client, fetch, getBaseUrl } = setup(
      jsonResponse(goldenPathsResponse),
    );

    await expect(client.getGoldenPaths()).resolves.toEqual(goldenPathsResponse);
    expect(getBaseUrl).toHaveBeenCalledWith('flywheel');
    expect(fetch).toHaveBeenCalledWith(`${baseUrl}/golden-paths`);
  });

  it('sends the group ref as an encoded query parameter', async () => {
    const { client, fetch } = setup(jsonResponse(paymentsAdoption));

    await expect(
      client.getGroupAdoption('group:default/payments'),
    ).resolves.toEqual(paymentsAdoption);
    expect(fetch).toHaveBeenCalledWith(
      `${baseUrl}/golden-paths/adoption?groupRef=group%3Adefault%2Fpayments`,
    );
  });

  it('sends the entity ref as an encoded query parameter', async () => {
    const { client, fetch } = setup(jsonResponse({ fromTemplate: false }));

    await client.getEntityProvenance('component:default/a b&c');
    expect(fetch).toHaveBeenCalledWith(
      `${baseUrl}/golden-paths/provenance?entityRef=component%3Adefault%2Fa+b%26c`,
    );
  });

  it("throws a ResponseError carrying the server's message", async () => {
    const { client } = setup(
      jsonResponse(
        {
          error: {
            name: 'NotFoundError',
            message: 'No group group:default/nope in the catalog',
          },
          request: { method: 'GET', url: '/golden-paths/adoption' },
          response: { statusCode: 404 },
        },
        404,
      ),
    );

    const error = await client
      .getGroupAdoption('group:default/nope')
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(404);
    expect(error.cause.name).toBe('NotFoundError');
    expect(error.cause.message).toBe(
      'No group group:default/nope in the catalog',
    );
  });
});
