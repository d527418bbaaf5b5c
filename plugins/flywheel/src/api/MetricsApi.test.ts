import { ResponseError } from '@backstage/errors';
import { FlywheelClient } from './FlywheelClient';
import { baseUrl, jsonResponse, setup } from '../__testUtils__/clientFixtures';
import {
  leadTimeComparison,
  leadTimeMetric,
  metricSeries,
  metricsResponse,
  usageByPlugin,
  usageByRoute,
} from '../__testUtils__/testData';

describe('FlywheelClient', () => {
  describe('metrics', () => {
    it('lists the metric registry', async () => {
      const { client, fetch } = setup(jsonResponse(metricsResponse));

      await expect(client.getMetrics()).resolves.toEqual(metricsResponse);
      expect(fetch).toHaveBeenCalledWith(`${baseUrl}/metrics`);
    });

    it('gets a series with the scope, window and interval in the query string', async () => {
      const series = metricSeries(leadTimeMetric, {
        groupRef: 'group:default/commerce',
      });
      const { client, fetch } = setup(jsonResponse(series));

      await expect(
        client.getMetricSeries('valueStream.leadTime.median', {
          groupRef: 'group:default/commerce',
          window: '90d',
          interval: 'day',
        }),
      ).resolves.toEqual(series);
      expect(fetch).toHaveBeenLastCalledWith(
        `${baseUrl}/metrics/valueStream.leadTime.median/series?groupRef=group%3Adefault%2Fcommerce&window=90d&interval=day`,
      );

      fetch.mockResolvedValue(jsonResponse(series));
      await client.getMetricSeries('valueStream.leadTime.median');
      expect(fetch).toHaveBeenLastCalledWith(
        `${baseUrl}/metrics/valueStream.leadTime.median/series`,
      );
    });

    it('keeps a metric id to one path segment and refs in the query', async () => {
      const { client, fetch } = setup(
        jsonResponse(metricSeries(leadTimeMetric)),
      );

      await client.getMetricSeries('a/b?c', {
        entityRef: 'component:default/a b&c',
        goldenPath: undefined,
      });
      expect(fetch).toHaveBeenCalledWith(
        `${baseUrl}/metrics/a%2Fb%3Fc/series?entityRef=component%3Adefault%2Fa+b%26c`,
      );
    });

    it('downloads a series as CSV through the fetchApi, with credentials', async () => {
      const csv =
        'start,end,value,unit,sampleSize\r\n2026-07-13T00:00:00.000Z,2026-07-20T00:00:00.000Z,7200,seconds,18\r\n';
      const { client, fetch } = setup(
        new Response(csv, {
          status: 200,
          headers: { 'content-type': 'text/csv' },
        }),
      );

      const blob = await client.exportMetricSeriesCsv(
        'valueStream.leadTime.median',
        { goldenPath: 'template:default/typescript-service', window: '1y' },
      );
      expect(await blob.text()).toBe(csv);
      expect(fetch).toHaveBeenCalledWith(
        `${baseUrl}/metrics/valueStream.leadTime.median/series?goldenPath=template%3Adefault%2Ftypescript-service&window=1y&format=csv`,
      );
    });

    it('gets the golden-path vs hand-made comparison of a scope', async () => {
      const { client, fetch } = setup(jsonResponse(leadTimeComparison));

      await expect(
        client.getMetricComparison('valueStream.leadTime.median', {
          groupRef: 'group:default/commerce',
          window: '26w',
        }),
      ).resolves.toEqual(leadTimeComparison);
      expect(fetch).toHaveBeenLastCalledWith(
        `${baseUrl}/metrics/valueStream.leadTime.median/comparison?groupRef=group%3Adefault%2Fcommerce&window=26w`,
      );

      fetch.mockResolvedValue(jsonResponse(leadTimeComparison));
      await client.getMetricComparison('valueStream.leadTime.median');
      expect(fetch).toHaveBeenLastCalledWith(
        `${baseUrl}/metrics/valueStream.leadTime.median/comparison`,
      );
    });

    it('gets the usage breakdown per plugin or route over a window', async () => {
      const { client, fetch } = setup(jsonResponse(usageByRoute));

      await expect(
        client.getUsageBreakdown({ by: 'route', window: '90d', limit: 20 }),
      ).resolves.toEqual(usageByRoute);
      expect(fetch).toHaveBeenLastCalledWith(
        `${baseUrl}/usage/breakdown?by=route&window=90d&limit=20`,
      );

      fetch.mockResolvedValue(jsonResponse(usageByPlugin));
      await expect(client.getUsageBreakdown()).resolves.toEqual(usageByPlugin);
      expect(fetch).toHaveBeenLastCalledWith(`${baseUrl}/usage/breakdown`);

      fetch.mockResolvedValue(jsonResponse(usageByPlugin));
      await client.getUsageBreakdown({
        from: '2026-11-01T00:00:00Z',
        to: undefined,
      });
      expect(fetch).toHaveBeenLastCalledWith(
        `${baseUrl}/usage/breakdown?from=2026-11-01T00%3A00%3A00Z`,
      );
    });

    it.each([
      [
        'a refused read',
        403,
        'NotAllowedError',
        'Unauthorized',
        (client: FlywheelClient) => client.getMetrics(),
      ],
      [
        'an unknown metric',
        404,
        'NotFoundError',
        "No metric 'valueStream.nope'",
        (client: FlywheelClient) => client.getMetricSeries('valueStream.nope'),
      ],
      [
        'a metric that is not comparable',
        400,
        'InputError',
        "Metric 'valueStream.deployments' is not split into golden-path and hand-made services",
        (client: FlywheelClient) =>
          client.getMetricComparison('valueStream.deployments'),
      ],
      [
        'a bad breakdown',
        400,
        'InputError',
        "by must be plugin or route, got 'team'",
        (client: FlywheelClient) =>
          client.getUsageBreakdown({ by: 'team' as 'plugin' }),
      ],
      [
        'a refused export',
        403,
        'NotAllowedError',
        'Unauthorized',
        (client: FlywheelClient) =>
          client.exportMetricSeriesCsv('valueStream.deployments'),
      ],
    ])(
      "throws a ResponseError with the server's message for %s",
      async (_what, status, name, message, call) => {
        const { client } = setup(
          jsonResponse(
            {
              error: { name, message },
              request: { method: 'GET', url: '/metrics' },
              response: { statusCode: status },
            },
            status,
          ),
        );

        const error = await call(client).catch(e => e);
        expect(error).toBeInstanceOf(ResponseError);
        expect(error.statusCode).toBe(status);
        expect(error.cause.name).toBe(name);
        expect(error.cause.message).toBe(message);
      },
    );
  });
});
