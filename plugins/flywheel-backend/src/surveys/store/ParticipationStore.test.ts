import {
  surveyStoreDatabases,
  T0,
  T1,
  T2,
  T3,
  QUESTIONS,
  definition,
  response,
} from '../__testUtils__/storeFixtures';

jest.setTimeout(120_000);

describe('SurveyStore participation', () => {
  const { databases, withWave } = surveyStoreDatabases();

  it.each(databases.eachSupportedId())(
    'reports participation since a time and per wave, %p',
    async databaseId => {
      const { store, wave } = await withWave(databaseId);
      const wave2 = await store.ensureWave({
        surveyId: 's1',
        number: 2,
        opensAt: T2,
        closesAt: T3,
        questions: QUESTIONS,
      });
      await store.createSurvey({
        id: 's2',
        source: 'api',
        definition: definition(),
        now: T0,
      });
      const other = await store.ensureWave({
        surveyId: 's2',
        number: 1,
        opensAt: T0,
        closesAt: T3,
        questions: QUESTIONS,
      });
      await store.submitResponse(response(wave.id, { now: T0 }));
      await store.submitResponse(
        response(other.id, { surveyId: 's2', asksNps: false, now: T1 }),
      );
      await store.submitResponse(response(wave2.id, { now: T2 }));
      await store.submitResponse(
        response(wave2.id, { userRef: 'user:default/bob', now: T2 }),
      );

      expect(await store.participationSince('user:default/ada', T1)).toEqual([
        { surveyId: 's2', waveId: other.id, respondedAt: T1, askedNps: false },
        { surveyId: 's1', waveId: wave2.id, respondedAt: T2, askedNps: true },
      ]);
      expect(await store.participationSince('user:default/ada', T3)).toEqual(
        [],
      );
      expect(
        await store.participatedWaves('user:default/ada', [
          wave.id,
          wave2.id,
          'missing',
        ]),
      ).toEqual(new Set([wave.id, wave2.id]));
      expect(
        await store.participatedWaves('user:default/bob', [wave.id, other.id]),
      ).toEqual(new Set());
      expect(await store.participatedWaves('user:default/ada', [])).toEqual(
        new Set(),
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps prompt states and the latest trigger events, %p',
    async databaseId => {
      const { store, wave } = await withWave(databaseId);
      const wave2 = await store.ensureWave({
        surveyId: 's1',
        number: 2,
        opensAt: T2,
        closesAt: T3,
        questions: QUESTIONS,
      });
      await store.setPromptState('user:default/ada', wave.id, 'snoozed', T2);
      await store.setPromptState('user:default/bob', wave.id, 'dismissed');
      expect(
        await store.promptStates('user:default/ada', [wave.id, wave2.id]),
      ).toEqual(new Map([[wave.id, { state: 'snoozed', until: T2 }]]));

      await store.setPromptState('user:default/ada', wave.id, 'dismissed');
      await store.setPromptState('user:default/ada', wave2.id, 'snoozed', T3);
      expect(
        await store.promptStates('user:default/ada', [wave.id, wave2.id]),
      ).toEqual(
        new Map([
          [wave.id, { state: 'dismissed', until: undefined }],
          [wave2.id, { state: 'snoozed', until: T3 }],
        ]),
      );
      expect(await store.promptStates('user:default/ada', [])).toEqual(
        new Map(),
      );

      await store.recordTriggerEvent('user:default/ada', 'scaffolder', T1, {
        templateRef: 'template:default/a',
      });
      await store.recordTriggerEvent('user:default/ada', 'deploy', T1);
      await store.recordTriggerEvent('user:default/ada', 'scaffolder', T2);
      // An older event arriving late does not move the time back.
      await store.recordTriggerEvent('user:default/ada', 'deploy', T0);
      await store.recordTriggerEvent('user:default/bob', 'deploy', T3);
      expect(await store.triggerEvents('user:default/ada')).toEqual(
        new Map([
          ['deploy', T1],
          ['scaffolder', T2],
        ]),
      );
      expect(await store.triggerEvents('user:default/eve')).toEqual(new Map());
    },
  );
});
