import { ResponseError } from '@backstage/errors';
import { FlywheelClient } from './FlywheelClient';
import { baseUrl, jsonResponse, setup } from '../__testUtils__/clientFixtures';
import {
  capabilitiesResponse,
  ciDetail,
  ciHistory,
  ciPromotion,
  designWaiver,
  docsAttestation,
  maturityHistory,
  maturityModels,
  outcomesResponse,
} from '../__testUtils__/testData';

const CSV = 'at,capability,from,to\r\n';

function csvResponse() {
  return new Response(CSV, {
    status: 200,
    headers: { 'content-type': 'text/csv' },
  });
}

describe('FlywheelClient', () => {
  describe('maturity', () => {
    it('lists the capabilities on the board', async () => {
      const { client, fetch } = setup(jsonResponse(capabilitiesResponse));

      await expect(client.getMaturityCapabilities()).resolves.toEqual(
        capabilitiesResponse,
      );
      expect(fetch).toHaveBeenCalledWith(`${baseUrl}/maturity/capabilities`);
    });

    it("puts a capability's kind, namespace and name in the path, each encoded", async () => {
      const { client, fetch } = setup(jsonResponse(ciDetail));

      await expect(
        client.getMaturityCapability('component:default/ci-pipelines'),
      ).resolves.toEqual(ciDetail);
      expect(fetch).toHaveBeenLastCalledWith(
        `${baseUrl}/maturity/capabilities/component/default/ci-pipelines`,
      );

      fetch.mockResolvedValue(jsonResponse(ciDetail));
      await client.getMaturityCapability('system:team a/b?c#d');
      expect(fetch).toHaveBeenLastCalledWith(
        `${baseUrl}/maturity/capabilities/system/team%20a/b%3Fc%23d`,
      );
    });

    it("gets a capability's history, and as CSV", async () => {
      const { client, fetch } = setup(jsonResponse(ciHistory));

      await expect(
        client.getMaturityCapabilityHistory('component:default/ci-pipelines'),
      ).resolves.toEqual(ciHistory);
      expect(fetch).toHaveBeenLastCalledWith(
        `${baseUrl}/maturity/capabilities/component/default/ci-pipelines/history`,
      );

      fetch.mockResolvedValue(csvResponse());
      const blob = await client.exportMaturityCapabilityHistoryCsv(
        'component:default/ci-pipelines',
      );
      expect(await blob.text()).toBe(CSV);
      expect(fetch).toHaveBeenLastCalledWith(
        `${baseUrl}/maturity/capabilities/component/default/ci-pipelines/history?format=csv`,
      );
    });

    it('gets every transition, and as CSV', async () => {
      const { client, fetch } = setup(jsonResponse(maturityHistory));

      await expect(client.getMaturityHistory()).resolves.toEqual(
        maturityHistory,
      );
      expect(fetch).toHaveBeenLastCalledWith(`${baseUrl}/maturity/history`);

      fetch.mockResolvedValue(csvResponse());
      const blob = await client.exportMaturityHistoryCsv();
      expect(await blob.text()).toBe(CSV);
      expect(fetch).toHaveBeenLastCalledWith(
        `${baseUrl}/maturity/history?format=csv`,
      );
    });

    it('lists the maturity models', async () => {
      const { client, fetch } = setup(jsonResponse(maturityModels));

      await expect(client.getMaturityModels()).resolves.toEqual(maturityModels);
      expect(fetch).toHaveBeenCalledWith(`${baseUrl}/maturity/models`);
    });

    it.each([
      [
        'a transition',
        (client: FlywheelClient) =>
          client.transitionMaturityCapability('component:default/ci', {
            toStage: 'ga',
            rationale: 'Every criterion met',
            overrideReason: 'Sign-off in person',
          }),
        'transitions',
        {
          toStage: 'ga',
          rationale: 'Every criterion met',
          overrideReason: 'Sign-off in person',
        },
        ciPromotion,
      ],
      [
        'an attestation',
        (client: FlywheelClient) =>
          client.attestMaturityCriterion('component:default/ci', {
            stageId: 'beta',
            criterionId: 'runbook',
            evidenceUrl: 'https://runbooks.example.com/ci',
            note: 'Runbook reviewed',
          }),
        'attestations',
        {
          stageId: 'beta',
          criterionId: 'runbook',
          evidenceUrl: 'https://runbooks.example.com/ci',
          note: 'Runbook reviewed',
        },
        docsAttestation,
      ],
      [
        'a waiver',
        (client: FlywheelClient) =>
          client.waiveMaturityCriterion('component:default/ci', {
            stageId: 'beta',
            criterionId: 'runbook',
            reason: 'Covered by the vendor',
            expiresAt: '2027-01-01T00:00:00.000Z',
          }),
        'waivers',
        {
          stageId: 'beta',
          criterionId: 'runbook',
          reason: 'Covered by the vendor',
          expiresAt: '2027-01-01T00:00:00.000Z',
        },
        designWaiver,
      ],
    ])(
      'posts %s as JSON under the capability',
      async (_what, call, below, body, answer) => {
        const { client, fetch } = setup(jsonResponse(answer, 201));

        await expect(call(client)).resolves.toEqual(answer);
        expect(fetch).toHaveBeenCalledWith(
          `${baseUrl}/maturity/capabilities/component/default/ci/${below}`,
          {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
          },
        );
      },
    );

    it('gets the outcomes over a window and interval', async () => {
      const { client, fetch } = setup(jsonResponse(outcomesResponse));

      await expect(
        client.getOutcomes({ window: '26w', interval: 'week' }),
      ).resolves.toEqual(outcomesResponse);
      expect(fetch).toHaveBeenLastCalledWith(
        `${baseUrl}/maturity/outcomes?window=26w&interval=week`,
      );

      fetch.mockResolvedValue(jsonResponse(outcomesResponse));
      await client.getOutcomes();
      expect(fetch).toHaveBeenLastCalledWith(`${baseUrl}/maturity/outcomes`);
    });

    it("sets and resets an outcome's target, its key one encoded segment", async () => {
      const target = { value: 40, source: 'ui', setBy: 'user:default/pm' };
      const { client, fetch } = setup(jsonResponse(target));

      await expect(
        client.setOutcomeTarget('surveys.*.nps', 40),
      ).resolves.toEqual(target);
      expect(fetch).toHaveBeenLastCalledWith(
        `${baseUrl}/maturity/outcomes/targets/surveys.*.nps`,
        {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ value: 40 }),
        },
      );

      fetch.mockResolvedValue(new Response(null, { status: 204 }));
      await expect(
        client.resetOutcomeTarget('usage/a b?c'),
      ).resolves.toBeUndefined();
      expect(fetch).toHaveBeenLastCalledWith(
        `${baseUrl}/maturity/outcomes/targets/usage%2Fa%20b%3Fc`,
        { method: 'DELETE' },
      );
    });

    it.each([
      [
        'a promotion with required criteria unmet',
        409,
        'ConflictError',
        'Required exit criteria of Beta are unmet: Lead time under a day, Runbook and on-call rota',
        (client: FlywheelClient) =>
          client.transitionMaturityCapability('component:default/ci', {
            toStage: 'ga',
            rationale: 'Ready',
          }),
      ],
      [
        'a refused attestation',
        403,
        'NotAllowedError',
        'Unauthorized',
        (client: FlywheelClient) =>
          client.attestMaturityCriterion('component:default/ci', {
            stageId: 'beta',
            criterionId: 'runbook',
            evidenceUrl: 'https://runbooks.example.com/ci',
            note: 'Reviewed',
          }),
      ],
      [
        'a bad target',
        400,
        'InputError',
        'value must be a finite number',
        (client: FlywheelClient) => client.setOutcomeTarget('x', NaN),
      ],
      [
        'an unknown capability',
        404,
        'NotFoundError',
        'No capability component:default/nope',
        (client: FlywheelClient) =>
          client.getMaturityCapability('component:default/nope'),
      ],
      [
        'a failed reset',
        404,
        'NotFoundError',
        "No outcome 'x'",
        (client: FlywheelClient) => client.resetOutcomeTarget('x'),
      ],
    ])(
      "throws a ResponseError with the server's message for %s",
      async (_what, status, name, message, call) => {
        const { client } = setup(
          jsonResponse(
            {
              error: { name, message },
              request: { method: 'POST', url: '/maturity' },
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
