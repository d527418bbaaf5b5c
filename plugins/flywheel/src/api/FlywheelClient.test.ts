import { ResponseError } from '@backstage/errors';
import {
  SubmitSurveyResponseResult,
  Survey,
  SurveyComment,
  SurveyDefinition,
  SurveyPrompt,
  SurveyWave,
} from '@flywheel/plugin-flywheel-common';
import { FlywheelClient } from './FlywheelClient';
import {
  catalogRollup,
  checkoutResults,
  commerceRollup,
  goldenPathLeaderboard,
  groupHistory,
  leadTimeComparison,
  leadTimeMetric,
  metricSeries,
  metricsResponse,
  pendingExemption,
  goldenPathsResponse,
  paymentsAdoption,
  scorecardsResponse,
} from '../__testUtils__/testData';

const baseUrl = 'http://localhost:7007/api/flywheel';

function jsonResponse(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), {
    status,
    statusText: status < 300 ? 'OK' : 'Not Found',
    headers: { 'content-type': 'application/json' },
  });
}

function setup(response: Response) {
  const fetch = jest.fn().mockResolvedValue(response);
  const getBaseUrl = jest.fn().mockResolvedValue(baseUrl);
  const client = new FlywheelClient({
    discoveryApi: { getBaseUrl },
    fetchApi: { fetch },
  });
  return { client, fetch, getBaseUrl };
}

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

  describe('surveys', () => {
    const definition: SurveyDefinition = {
      title: 'Developer portal NPS',
      anonymous: true,
      questions: [
        {
          id: 'recommend',
          type: 'nps',
          title: 'How likely are you to recommend the portal?',
          followUp: 'Why?',
        },
      ],
      audience: { type: 'groups', groupRefs: ['group:default/commerce'] },
      schedule: {
        opensAt: '2026-01-05T09:00:00.000Z',
        recurrence: 'quarterly',
        waveDays: 14,
      },
      triggers: [{ type: 'wave-open' }],
      samplingPercent: 100,
    };
    const wave: SurveyWave = {
      id: '5a0c1f3e-0000-4000-8000-000000000001',
      surveyId: 'portal-nps',
      number: 1,
      opensAt: '2026-01-05T09:00:00.000Z',
      closesAt: '2026-01-19T09:00:00.000Z',
      status: 'open',
      audienceSize: 120,
      responseCount: 0,
    };
    const survey: Survey = {
      ...definition,
      id: 'portal-nps',
      source: 'api',
      status: 'active',
      createdBy: 'user:default/pat',
      createdAt: '2025-12-01T10:00:00.000Z',
      updatedAt: '2025-12-01T10:00:00.000Z',
      currentWave: wave,
      questionsLocked: false,
    };
    const prompt: SurveyPrompt = {
      surveyId: 'portal-nps',
      waveId: wave.id,
      title: definition.title,
      anonymous: true,
      questions: definition.questions,
      closesAt: wave.closesAt,
    };
    const comment: SurveyComment = {
      id: 'c-1',
      surveyId: 'portal-nps',
      waveId: wave.id,
      questionId: 'recommend',
      text: 'Search is slow',
      submittedOn: '2026-01-06',
      tags: ['search'],
      resolved: true,
      resolvedBy: 'user:default/pat',
      resolvedAt: '2026-01-07T08:00:00.000Z',
    };

    const jsonWrite = (method: string, body: unknown) => ({
      method,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });

    it('lists surveys, archived ones only when asked', async () => {
      const { client, fetch } = setup(jsonResponse({ items: [survey] }));

      await expect(client.listSurveys()).resolves.toEqual({ items: [survey] });
      expect(fetch).toHaveBeenLastCalledWith(`${baseUrl}/surveys`);

      fetch.mockResolvedValue(jsonResponse({ items: [] }));
      await client.listSurveys({ includeArchived: true });
      expect(fetch).toHaveBeenLastCalledWith(
        `${baseUrl}/surveys?includeArchived=true`,
      );
    });

    it('gets a survey with its id encoded as one path segment', async () => {
      const { client, fetch } = setup(jsonResponse(survey));

      await expect(client.getSurvey('portal-nps')).resolves.toEqual(survey);
      expect(fetch).toHaveBeenLastCalledWith(`${baseUrl}/surveys/portal-nps`);

      fetch.mockResolvedValue(jsonResponse(survey));
      await client.getSurvey('a/b?c');
      expect(fetch).toHaveBeenLastCalledWith(`${baseUrl}/surveys/a%2Fb%3Fc`);
    });

    it('creates a survey with a JSON POST', async () => {
      const { client, fetch } = setup(jsonResponse(survey, 201));

      await expect(
        client.createSurvey({ ...definition, id: 'portal-nps' }),
      ).resolves.toEqual(survey);
      expect(fetch).toHaveBeenCalledWith(
        `${baseUrl}/surveys`,
        jsonWrite('POST', { ...definition, id: 'portal-nps' }),
      );
    });

    it('replaces a definition with a JSON PUT', async () => {
      const { client, fetch } = setup(jsonResponse(survey));

      await expect(
        client.updateSurvey('portal-nps', definition),
      ).resolves.toEqual(survey);
      expect(fetch).toHaveBeenCalledWith(
        `${baseUrl}/surveys/portal-nps`,
        jsonWrite('PUT', definition),
      );
    });

    it('archives a survey with a POST without a body', async () => {
      const archived: Survey = { ...survey, status: 'archived' };
      const { client, fetch } = setup(jsonResponse(archived));

      await expect(client.archiveSurvey('portal-nps')).resolves.toEqual(
        archived,
      );
      expect(fetch).toHaveBeenCalledWith(
        `${baseUrl}/surveys/portal-nps/archive`,
        { method: 'POST' },
      );
    });

    it('lists the waves of a survey', async () => {
      const { client, fetch } = setup(jsonResponse({ items: [wave] }));

      await expect(client.listSurveyWaves('portal-nps')).resolves.toEqual({
        items: [wave],
      });
      expect(fetch).toHaveBeenCalledWith(`${baseUrl}/surveys/portal-nps/waves`);
    });

    it('gets the prompts for the page the user is on', async () => {
      const { client, fetch } = setup(jsonResponse({ items: [prompt] }));

      await expect(
        client.getSurveyPrompts({ path: '/create/templates/default/service' }),
      ).resolves.toEqual({ items: [prompt] });
      expect(fetch).toHaveBeenLastCalledWith(
        `${baseUrl}/surveys/prompts?path=%2Fcreate%2Ftemplates%2Fdefault%2Fservice`,
      );

      fetch.mockResolvedValue(jsonResponse({ items: [] }));
      await client.getSurveyPrompts();
      expect(fetch).toHaveBeenLastCalledWith(`${baseUrl}/surveys/prompts`);
    });

    it('gets the form and the preview of a survey', async () => {
      const { client, fetch } = setup(jsonResponse(prompt));

      await expect(client.getSurveyForm('portal-nps')).resolves.toEqual(prompt);
      expect(fetch).toHaveBeenLastCalledWith(
        `${baseUrl}/surveys/portal-nps/form`,
      );

      fetch.mockResolvedValue(jsonResponse({ ...prompt, preview: true }));
      await expect(client.previewSurvey('portal-nps')).resolves.toEqual({
        ...prompt,
        preview: true,
      });
      expect(fetch).toHaveBeenLastCalledWith(
        `${baseUrl}/surveys/portal-nps/preview`,
      );
    });

    it('submits a response with a JSON POST', async () => {
      const result: SubmitSurveyResponseResult = {
        surveyId: 'portal-nps',
        waveId: wave.id,
        status: 'created',
        submittedAt: '2026-01-06T10:00:00.000Z',
      };
      const { client, fetch } = setup(jsonResponse(result, 201));
      const request = {
        waveId: wave.id,
        answers: [{ questionId: 'recommend', value: 9, comment: 'Fast' }],
      };

      await expect(
        client.submitSurveyResponse('portal-nps', request),
      ).resolves.toEqual(result);
      expect(fetch).toHaveBeenCalledWith(
        `${baseUrl}/surveys/portal-nps/responses`,
        jsonWrite('POST', request),
      );
    });

    it('snoozes a prompt and accepts the empty 204', async () => {
      const { client, fetch } = setup(new Response(null, { status: 204 }));

      await expect(
        client.actOnSurveyPrompt('portal-nps', {
          waveId: wave.id,
          action: 'snooze',
        }),
      ).resolves.toBeUndefined();
      expect(fetch).toHaveBeenCalledWith(
        `${baseUrl}/surveys/portal-nps/prompt-actions`,
        jsonWrite('POST', { waveId: wave.id, action: 'snooze' }),
      );
    });

    it('gets results of a wave and a team, leaving out what is not given', async () => {
      const results = {
        surveyId: 'portal-nps',
        wave,
        responses: 0,
        questions: [],
        trend: [],
        teams: [],
        thresholds: { minGroupSize: 5, minCommentGroupSize: 10 },
      };
      const { client, fetch } = setup(jsonResponse(results));

      await expect(
        client.getSurveyResults('portal-nps', {
          waveId: wave.id,
          groupRef: 'group:default/commerce',
        }),
      ).resolves.toEqual(results);
      expect(fetch).toHaveBeenLastCalledWith(
        `${baseUrl}/surveys/portal-nps/results?waveId=${wave.id}&groupRef=group%3Adefault%2Fcommerce`,
      );

      fetch.mockResolvedValue(jsonResponse(results));
      await client.getSurveyResults('portal-nps');
      expect(fetch).toHaveBeenLastCalledWith(
        `${baseUrl}/surveys/portal-nps/results`,
      );
    });

    it('downloads the results as CSV through the fetchApi', async () => {
      const { client, fetch } = setup(
        new Response('groupRef,responses\r\ngroup:default/commerce,12\r\n', {
          status: 200,
          headers: { 'content-type': 'text/csv' },
        }),
      );

      const blob = await client.exportSurveyResultsCsv('portal-nps', {
        groupRef: 'group:default/commerce',
      });
      expect(await blob.text()).toBe(
        'groupRef,responses\r\ngroup:default/commerce,12\r\n',
      );
      expect(fetch).toHaveBeenCalledWith(
        `${baseUrl}/surveys/portal-nps/results?groupRef=group%3Adefault%2Fcommerce&format=csv`,
      );
    });

    it('pages through comments with filters, unresolved included', async () => {
      const page = { items: [comment], totalCount: 1, withheld: 2 };
      const { client, fetch } = setup(jsonResponse(page));

      await expect(
        client.getSurveyComments('portal-nps', {
          waveId: wave.id,
          groupRef: 'group:default/commerce',
          resolved: false,
          tag: 'search',
          limit: 20,
          offset: 40,
        }),
      ).resolves.toEqual(page);
      expect(fetch).toHaveBeenLastCalledWith(
        `${baseUrl}/surveys/portal-nps/comments?waveId=${wave.id}&groupRef=group%3Adefault%2Fcommerce&resolved=false&tag=search&limit=20&offset=40`,
      );

      fetch.mockResolvedValue(jsonResponse(page));
      await client.getSurveyComments('portal-nps');
      expect(fetch).toHaveBeenLastCalledWith(
        `${baseUrl}/surveys/portal-nps/comments`,
      );
    });

    it('tags and resolves a comment with a JSON PATCH', async () => {
      const { client, fetch } = setup(jsonResponse(comment));

      await expect(
        client.updateSurveyComment('portal-nps', 'c 1/2', {
          tags: ['search'],
          resolved: true,
        }),
      ).resolves.toEqual(comment);
      expect(fetch).toHaveBeenCalledWith(
        `${baseUrl}/surveys/portal-nps/comments/c%201%2F2`,
        jsonWrite('PATCH', { tags: ['search'], resolved: true }),
      );
    });

    it.each([
      [
        'a locked edit',
        409,
        'ConflictError',
        'Questions cannot change once a wave has responses',
        (client: FlywheelClient) =>
          client.updateSurvey('portal-nps', definition),
      ],
      [
        'an invalid answer',
        400,
        'InputError',
        "Score 11 is out of range for question 'recommend'",
        (client: FlywheelClient) =>
          client.submitSurveyResponse('portal-nps', {
            waveId: wave.id,
            answers: [{ questionId: 'recommend', value: 11 }],
          }),
      ],
      [
        'a missing form',
        404,
        'NotFoundError',
        'No open wave of portal-nps for you',
        (client: FlywheelClient) => client.getSurveyForm('portal-nps'),
      ],
      [
        'a refused prompt action',
        403,
        'NotAllowedError',
        'You are not in the audience of portal-nps',
        (client: FlywheelClient) =>
          client.actOnSurveyPrompt('portal-nps', {
            waveId: wave.id,
            action: 'dismiss',
          }),
      ],
      [
        'a refused export',
        403,
        'NotAllowedError',
        'Unauthorized',
        (client: FlywheelClient) => client.exportSurveyResultsCsv('portal-nps'),
      ],
      [
        'a refused comment update',
        403,
        'NotAllowedError',
        'Unauthorized',
        (client: FlywheelClient) =>
          client.updateSurveyComment('portal-nps', 'c-1', { resolved: true }),
      ],
    ])(
      "throws a ResponseError with the server's message for %s",
      async (_what, status, name, message, call) => {
        const { client } = setup(
          jsonResponse(
            {
              error: { name, message },
              request: { method: 'POST', url: '/surveys/portal-nps' },
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
