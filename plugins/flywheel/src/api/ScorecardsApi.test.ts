import { ResponseError } from '@backstage/errors';
import { baseUrl, jsonResponse, setup } from '../__testUtils__/clientFixtures';
import {
  catalogRollup,
  checkoutResults,
  commerceRollup,
  goldenPathLeaderboard,
  groupHistory,
  pendingExemption,
  scorecardsResponse,
} from '../__testUtils__/testData';

describe('FlywheelClient', () => {
  describe('scorecards', () => {
    it('lists scorecards', async () => {
      const { client, fetch } = setup(jsonResponse(scorecardsResponse));

      await expect(client.getScorecards()).resolves.toEqual(scorecardsResponse);
      expect(fetch).toHaveBeenCalledWith(`${baseUrl}/scorecards`);
    });

    it("gets an entity's results with the ref in the query string", async () => {
      const { client, fetch } = setup(jsonResponse(checkoutResults));

      await expect(
        client.getEntityScorecardResults('component:default/checkout-api'),
      ).resolves.toEqual(checkoutResults);
      expect(fetch).toHaveBeenCalledWith(
        `${baseUrl}/scorecards/results?entityRef=component%3Adefault%2Fcheckout-api`,
      );
    });

    it('refreshes an entity with a JSON POST', async () => {
      const { client, fetch } = setup(jsonResponse(checkoutResults));

      await expect(
        client.refreshEntityScorecards('component:default/checkout-api'),
      ).resolves.toEqual(checkoutResults);
      expect(fetch).toHaveBeenCalledWith(`${baseUrl}/scorecards/refresh`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ entityRef: 'component:default/checkout-api' }),
      });
    });

    it('rolls up a group, for every scorecard or one', async () => {
      const { client, fetch } = setup(jsonResponse(commerceRollup));

      await client.getScorecardRollup('group:default/commerce');
      expect(fetch).toHaveBeenLastCalledWith(
        `${baseUrl}/scorecards/rollup?groupRef=group%3Adefault%2Fcommerce`,
      );

      fetch.mockResolvedValue(jsonResponse(commerceRollup));
      await client.getScorecardRollup('group:default/commerce', {
        scorecardId: 'golden-path-adoption',
      });
      expect(fetch).toHaveBeenLastCalledWith(
        `${baseUrl}/scorecards/rollup?groupRef=group%3Adefault%2Fcommerce&scorecardId=golden-path-adoption`,
      );
    });

    it('rolls up the whole catalog without a groupRef', async () => {
      const { client, fetch } = setup(jsonResponse(catalogRollup));

      await expect(
        client.getScorecardRollup(undefined, {
          scorecardId: 'golden-path-adoption',
        }),
      ).resolves.toEqual(catalogRollup);
      expect(fetch).toHaveBeenLastCalledWith(
        `${baseUrl}/scorecards/rollup?scorecardId=golden-path-adoption`,
      );

      fetch.mockResolvedValue(jsonResponse(catalogRollup));
      await client.getScorecardRollup();
      expect(fetch).toHaveBeenLastCalledWith(`${baseUrl}/scorecards/rollup`);
    });

    it('gets the leaderboard of a scorecard', async () => {
      const { client, fetch } = setup(jsonResponse(goldenPathLeaderboard));

      await expect(
        client.getScorecardLeaderboard('golden-path-adoption'),
      ).resolves.toEqual(goldenPathLeaderboard);
      expect(fetch).toHaveBeenCalledWith(
        `${baseUrl}/scorecards/leaderboard?scorecardId=golden-path-adoption`,
      );
    });

    it('gets history for a scope, leaving out what is not given', async () => {
      const { client, fetch } = setup(jsonResponse(groupHistory));

      await client.getScorecardHistory({
        scorecardId: 'golden-path-adoption',
        scope: 'group',
        ref: 'group:default/commerce',
        days: 90,
      });
      expect(fetch).toHaveBeenLastCalledWith(
        `${baseUrl}/scorecards/history?scorecardId=golden-path-adoption&scope=group&ref=group%3Adefault%2Fcommerce&days=90`,
      );

      fetch.mockResolvedValue(jsonResponse(groupHistory));
      await client.getScorecardHistory({
        scorecardId: 'golden-path-adoption',
        scope: 'scorecard',
      });
      expect(fetch).toHaveBeenLastCalledWith(
        `${baseUrl}/scorecards/history?scorecardId=golden-path-adoption&scope=scorecard`,
      );
    });

    it('pages through entity results', async () => {
      const { client, fetch } = setup(
        jsonResponse({ items: [], totalCount: 0 }),
      );

      await client.getScorecardEntities({
        scorecardId: 'golden-path-adoption',
        groupRef: 'group:default/commerce',
        limit: 25,
        offset: 50,
      });
      expect(fetch).toHaveBeenCalledWith(
        `${baseUrl}/scorecards/entities?scorecardId=golden-path-adoption&groupRef=group%3Adefault%2Fcommerce&limit=25&offset=50`,
      );
    });

    it('downloads the CSV export through the fetchApi, with credentials', async () => {
      const { client, fetch } = setup(
        new Response('entityRef,owner\r\ncomponent:default/a,\r\n', {
          status: 200,
          headers: { 'content-type': 'text/csv' },
        }),
      );

      const blob = await client.exportScorecardEntitiesCsv({
        scorecardId: 'golden-path-adoption',
        groupRef: 'group:default/commerce',
      });
      expect(await blob.text()).toBe(
        'entityRef,owner\r\ncomponent:default/a,\r\n',
      );
      expect(fetch).toHaveBeenCalledWith(
        `${baseUrl}/scorecards/entities?scorecardId=golden-path-adoption&groupRef=group%3Adefault%2Fcommerce&format=csv`,
      );
    });

    it('lists exemptions with filters', async () => {
      const { client, fetch } = setup(
        jsonResponse({ items: [pendingExemption] }),
      );

      await expect(
        client.getScorecardExemptions({
          groupRef: 'group:default/commerce',
          status: 'pending',
        }),
      ).resolves.toEqual({ items: [pendingExemption] });
      expect(fetch).toHaveBeenCalledWith(
        `${baseUrl}/scorecards/exemptions?groupRef=group%3Adefault%2Fcommerce&status=pending`,
      );

      fetch.mockResolvedValue(jsonResponse({ items: [] }));
      await client.getScorecardExemptions();
      expect(fetch).toHaveBeenLastCalledWith(
        `${baseUrl}/scorecards/exemptions`,
      );
    });

    it('requests, decides and revokes exemptions with JSON POSTs', async () => {
      const { client, fetch } = setup(jsonResponse(pendingExemption, 201));
      const request = {
        entityRef: 'component:default/checkout-api',
        scorecardId: 'golden-path-adoption',
        checkId: 'current-template-version',
        justification: 'Upgrade is planned for the Q3 freeze window',
        expiresAt: '2026-10-17T00:00:00.000Z',
      };

      await expect(client.requestScorecardExemption(request)).resolves.toEqual(
        pendingExemption,
      );
      expect(fetch).toHaveBeenLastCalledWith(
        `${baseUrl}/scorecards/exemptions`,
        expect.objectContaining({
          method: 'POST',
          body: JSON.stringify(request),
        }),
      );

      fetch.mockResolvedValue(jsonResponse(pendingExemption));
      await client.decideScorecardExemption('ex 1/2', {
        decision: 'rejected',
        note: 'Docs are required',
      });
      expect(fetch).toHaveBeenLastCalledWith(
        `${baseUrl}/scorecards/exemptions/ex%201%2F2/decision`,
        expect.objectContaining({
          method: 'POST',
          body: JSON.stringify({
            decision: 'rejected',
            note: 'Docs are required',
          }),
        }),
      );

      fetch.mockResolvedValue(jsonResponse(pendingExemption));
      await client.revokeScorecardExemption('ex-2');
      expect(fetch).toHaveBeenLastCalledWith(
        `${baseUrl}/scorecards/exemptions/ex-2/revoke`,
        expect.objectContaining({ method: 'POST', body: '{}' }),
      );
    });

    it("throws a ResponseError with the server's message for a refused write", async () => {
      const { client } = setup(
        jsonResponse(
          {
            error: {
              name: 'NotAllowedError',
              message: 'Unauthorized',
            },
            request: { method: 'POST', url: '/scorecards/refresh' },
            response: { statusCode: 403 },
          },
          403,
        ),
      );

      const error = await client
        .refreshEntityScorecards('component:default/checkout-api')
        .catch(e => e);
      expect(error).toBeInstanceOf(ResponseError);
      expect(error.statusCode).toBe(403);
      expect(error.cause.name).toBe('NotAllowedError');
    });
  });
});
