import { ConflictError, NotFoundError } from '@backstage/errors';
import { SurveyQuestion } from '@flywheel/plugin-flywheel-common';
import {
  surveyStoreDatabases,
  T0,
  T1,
  T2,
  T3,
  QUESTIONS,
  count,
  definition,
  response,
} from '../__testUtils__/storeFixtures';

jest.setTimeout(120_000);

describe('SurveyStore', () => {
  const { databases, createStore, withWave } = surveyStoreDatabases();

  it.each(databases.eachSupportedId())(
    'creates, lists, updates and archives surveys, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const created = await store.createSurvey({
        id: 'b-survey',
        source: 'api',
        definition: definition(),
        createdBy: 'user:default/pm',
        now: T0,
      });
      expect(created).toEqual({
        id: 'b-survey',
        source: 'api',
        definition: definition(),
        status: 'active',
        createdBy: 'user:default/pm',
        createdAt: T0,
        updatedAt: T0,
      });
      await store.createSurvey({
        id: 'a-survey',
        source: 'api',
        definition: definition({ title: 'CSAT' }),
        now: T0,
      });
      await store.createSurvey({
        id: 'c-survey',
        source: 'api',
        definition: definition(),
        now: new Date(T0.getTime() - 1000),
      });
      expect((await store.listSurveys()).map(s => s.id)).toEqual([
        'c-survey',
        'a-survey',
        'b-survey',
      ]);

      await expect(
        store.createSurvey({
          id: 'a-survey',
          source: 'api',
          definition: definition({ title: 'Other' }),
          now: T1,
        }),
      ).rejects.toThrow(ConflictError);
      await expect(
        store.createSurvey({
          id: 'a-survey',
          source: 'api',
          definition: definition(),
          now: T1,
        }),
      ).rejects.toThrow(/a-survey/);
      expect((await store.getSurvey('a-survey'))!.definition.title).toBe(
        'CSAT',
      );

      const updated = await store.updateSurvey(
        'a-survey',
        definition({ title: 'CSAT 2' }),
        T1,
      );
      expect(updated.definition.title).toBe('CSAT 2');
      expect(updated.createdAt).toEqual(T0);
      expect(updated.updatedAt).toEqual(T1);
      expect(await store.getSurvey('a-survey')).toEqual(updated);
      await expect(
        store.updateSurvey('missing', definition(), T1),
      ).rejects.toThrow(NotFoundError);

      const archived = await store.setSurveyStatus('b-survey', 'archived', T2);
      expect(archived.status).toBe('archived');
      expect(archived.updatedAt).toEqual(T2);
      expect((await store.listSurveys()).map(s => s.id)).toEqual([
        'c-survey',
        'a-survey',
      ]);
      expect(
        (await store.listSurveys({ includeArchived: true })).map(s => s.id),
      ).toEqual(['c-survey', 'a-survey', 'b-survey']);
      await expect(
        store.setSurveyStatus('missing', 'archived', T2),
      ).rejects.toThrow(NotFoundError);
      expect(await store.getSurvey('missing')).toBeUndefined();
    },
  );

  it.each(databases.eachSupportedId())(
    'syncs config surveys: creates, updates, archives, refuses id clashes, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      expect(
        await store.syncConfigSurveys(
          [
            { id: 'cfg-a', definition: definition({ title: 'A' }) },
            { id: 'cfg-b', definition: definition({ title: 'B' }) },
          ],
          T0,
        ),
      ).toEqual({ created: ['cfg-a', 'cfg-b'], updated: [], archived: [] });

      // Unchanged: nothing written.
      expect(
        await store.syncConfigSurveys(
          [
            { id: 'cfg-a', definition: definition({ title: 'A' }) },
            { id: 'cfg-b', definition: definition({ title: 'B' }) },
          ],
          T1,
        ),
      ).toEqual({ created: [], updated: [], archived: [] });
      expect((await store.getSurvey('cfg-a'))!.updatedAt).toEqual(T0);

      // cfg-a changed, cfg-b dropped.
      expect(
        await store.syncConfigSurveys(
          [{ id: 'cfg-a', definition: definition({ title: 'A2' }) }],
          T1,
        ),
      ).toEqual({ created: [], updated: ['cfg-a'], archived: ['cfg-b'] });
      const a = await store.getSurvey('cfg-a');
      expect(a).toMatchObject({
        source: 'config',
        status: 'active',
        createdAt: T0,
        updatedAt: T1,
      });
      expect(a!.definition.title).toBe('A2');
      expect(await store.getSurvey('cfg-b')).toMatchObject({
        status: 'archived',
        updatedAt: T1,
      });
      expect((await store.listSurveys()).map(s => s.id)).toEqual(['cfg-a']);

      // Listed again: reactivated.
      expect(
        await store.syncConfigSurveys(
          [
            { id: 'cfg-a', definition: definition({ title: 'A2' }) },
            { id: 'cfg-b', definition: definition({ title: 'B' }) },
          ],
          T2,
        ),
      ).toEqual({ created: [], updated: ['cfg-b'], archived: [] });
      expect((await store.getSurvey('cfg-b'))!.status).toBe('active');

      // An API survey's id in config: refused, nothing written; API
      // surveys are never archived by the sync.
      await store.createSurvey({
        id: 'api-x',
        source: 'api',
        definition: definition({ title: 'X' }),
        now: T2,
      });
      await expect(
        store.syncConfigSurveys(
          [{ id: 'api-x', definition: definition({ title: 'Config X' }) }],
          T3,
        ),
      ).rejects.toThrow(ConflictError);
      await expect(
        store.syncConfigSurveys(
          [{ id: 'api-x', definition: definition({ title: 'Config X' }) }],
          T3,
        ),
      ).rejects.toThrow(/api-x/);
      expect(await store.getSurvey('api-x')).toMatchObject({
        source: 'api',
        status: 'active',
      });
      expect((await store.getSurvey('api-x'))!.definition.title).toBe('X');
      expect((await store.getSurvey('cfg-a'))!.status).toBe('active');

      await store.syncConfigSurveys([], T3);
      expect((await store.listSurveys()).map(s => s.id)).toEqual(['api-x']);
    },
  );

  it.each(databases.eachSupportedId())(
    'ensures waves idempotently, also concurrently, and updates them, %p',
    async databaseId => {
      const { store, knex, wave } = await withWave(databaseId);
      expect(wave).toEqual({
        id: expect.any(String),
        surveyId: 's1',
        number: 1,
        opensAt: T0,
        closesAt: T3,
        questions: QUESTIONS,
        audienceSize: undefined,
        notifiedAt: undefined,
      });
      // Again, with other values: the existing wave, unchanged.
      expect(
        await store.ensureWave({
          surveyId: 's1',
          number: 1,
          opensAt: T1,
          closesAt: T2,
          questions: [],
          audienceSize: 5,
        }),
      ).toEqual(wave);

      const concurrent = await Promise.all(
        Array.from({ length: 10 }, () =>
          store.ensureWave({
            surveyId: 's1',
            number: 2,
            opensAt: T3,
            closesAt: new Date(T3.getTime() + 14 * 86_400_000),
            questions: QUESTIONS,
            audienceSize: 40,
          }),
        ),
      );
      expect(new Set(concurrent.map(w => w.id)).size).toBe(1);
      expect(concurrent[0]).toMatchObject({ number: 2, audienceSize: 40 });
      expect(await count(knex, 'survey_waves')).toBe(2);

      await expect(
        store.ensureWave({
          surveyId: 'missing',
          number: 1,
          opensAt: T0,
          closesAt: T3,
          questions: [],
        }),
      ).rejects.toThrow(NotFoundError);

      await store.submitResponse(response(wave.id));
      await store.submitResponse(
        response(wave.id, { userRef: 'user:default/bob' }),
      );
      const waves = await store.listWaves('s1');
      expect(waves.map(w => w.number)).toEqual([1, 2]);
      expect(await store.responseCounts(waves.map(w => w.id))).toEqual(
        new Map([
          [waves[0].id, 2],
          [waves[1].id, 0],
        ]),
      );
      expect(await store.responseCounts([])).toEqual(new Map());
      expect(await store.hasResponses(waves[0].id)).toBe(true);
      expect(await store.hasResponses(waves[1].id)).toBe(false);
      expect(await store.getWave(wave.id)).toEqual(waves[0]);
      expect(await store.getWave('missing')).toBeUndefined();
      const both = await store.getSurveyWave('s1', wave.id);
      expect(both.wave).toEqual(waves[0]);
      expect(both.survey).toEqual(await store.getSurvey('s1'));
      expect(await store.getSurveyWave('s1', 'missing')).toEqual({
        survey: both.survey,
        wave: undefined,
      });
      expect(await store.getSurveyWave('missing', wave.id)).toEqual({});

      await store.createSurvey({
        id: 's2',
        source: 'api',
        definition: definition(),
        now: T0,
      });
      await store.ensureWave({
        surveyId: 's2',
        number: 1,
        opensAt: T0,
        closesAt: T1,
        questions: QUESTIONS,
      });
      // Another survey's wave is not this survey's.
      expect((await store.getSurveyWave('s2', wave.id)).wave).toBeUndefined();
      const grouped = await store.listWavesOfSurveys(['s1', 's2', 's3']);
      expect([...grouped.keys()]).toEqual(['s1', 's2', 's3']);
      expect(grouped.get('s1')).toEqual(waves);
      expect(grouped.get('s2')!.map(w => [w.surveyId, w.number])).toEqual([
        ['s2', 1],
      ]);
      expect(grouped.get('s3')).toEqual([]);
      expect((await store.listWavesOfSurveys([])).size).toBe(0);

      await store.markWaveNotified(wave.id, T1);
      expect(await store.getWave(wave.id)).toMatchObject({ notifiedAt: T1 });
      await expect(store.markWaveNotified('missing', T1)).rejects.toThrow(
        NotFoundError,
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'lists the waves to notify: open, not notified, survey active, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const survey = async (id: string) =>
        store.createSurvey({
          id,
          source: 'api',
          definition: definition(),
          now: T0,
        });
      await survey('open');
      await survey('notified');
      await survey('closed');
      await survey('future');
      await survey('archived');
      const wave = (surveyId: string, opensAt: Date, closesAt: Date) =>
        store.ensureWave({
          surveyId,
          number: 1,
          opensAt,
          closesAt,
          questions: QUESTIONS,
        });
      const open = await wave('open', T0, T3);
      const notified = await wave('notified', T0, T3);
      await store.markWaveNotified(notified.id, T0);
      await wave('closed', T0, T1);
      await wave('future', T2, T3);
      await wave('archived', T0, T3);
      await store.setSurveyStatus('archived', 'archived', T0);

      expect((await store.wavesToNotify(T1)).map(w => w.id)).toEqual([open.id]);
      // Opens exactly now: open.
      expect((await store.wavesToNotify(T2)).map(w => w.surveyId)).toEqual([
        'open',
        'future',
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'locks the questions of a wave once it has responses, %p',
    async databaseId => {
      const { store, wave } = await withWave(databaseId);
      const changed = [...QUESTIONS, { id: 'new', type: 'csat', title: 'Q' }];
      await store.updateWaveQuestions(wave.id, changed as SurveyQuestion[]);
      expect((await store.getWave(wave.id))!.questions).toEqual(changed);

      await store.submitResponse(response(wave.id));
      await expect(
        store.updateWaveQuestions(wave.id, QUESTIONS),
      ).rejects.toThrow(ConflictError);
      await expect(
        store.updateWaveQuestions(wave.id, QUESTIONS),
      ).rejects.toThrow(/locked because the wave has responses/);
      expect((await store.getWave(wave.id))!.questions).toEqual(changed);
      await expect(
        store.updateWaveQuestions('missing', QUESTIONS),
      ).rejects.toThrow(NotFoundError);
    },
  );
});
