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
import { baseUrl, jsonResponse, setup } from '../__testUtils__/clientFixtures';

describe('FlywheelClient', () => {
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
});
