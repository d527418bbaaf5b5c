import {
  surveyServiceDatabases,
  answer,
  npsSurvey,
  pm,
  ref,
} from './__testUtils__/serviceFixtures';

jest.setTimeout(120_000);

describe('SurveyService authoring', () => {
  const { databases, setup } = surveyServiceDatabases();

  it.each(databases.eachSupportedId())(
    'opens the first wave on creation with its audience counted, on %p',
    async databaseId => {
      const { service } = await setup(databaseId);
      const survey = await service.createSurvey(
        { id: 'nps', ...npsSurvey() },
        pm,
        ref('pm'),
      );
      expect(survey.currentWave).toMatchObject({
        number: 1,
        status: 'open',
        // eng and its sub-teams: 6 + 6 + 2
        audienceSize: 14,
        responseCount: 0,
      });
      expect(survey.questionsLocked).toBe(false);
      expect(survey.createdBy).toBe(ref('pm'));

      const prompts = await service.prompts(ref('a1'));
      expect(prompts.map(p => p.surveyId)).toEqual(['nps']);
      expect(await service.prompts(ref('o1'))).toEqual([]);
      expect(await service.prompts(ref('ada'))).toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'locks questions once the open wave has responses, on %p',
    async databaseId => {
      const { service } = await setup(databaseId);
      await service.createSurvey({ id: 'nps', ...npsSurvey() }, pm);
      // Before any response, questions may change and the wave follows.
      const changed = npsSurvey({
        questions: [{ id: 'nps', type: 'nps', title: 'Recommend the IDP?' }],
      });
      await service.updateSurvey('nps', changed as any, pm);
      const [prompt] = await service.prompts(ref('a1'));
      expect(prompt.questions.map(q => q.title)).toEqual([
        'Recommend the IDP?',
      ]);

      await answer(service, 'nps', { a1: 9 });
      expect((await service.getSurvey('nps')).questionsLocked).toBe(true);
      await expect(
        service.updateSurvey('nps', npsSurvey() as any, pm),
      ).rejects.toThrow(/locked: wave 1 already has 1 responses/);
      // Other fields may still change.
      const retitled = await service.updateSurvey(
        'nps',
        { ...changed, title: 'IDP NPS' } as any,
        pm,
      );
      expect(retitled.title).toBe('IDP NPS');

      // Submissions are checked against a copy of the survey kept for a few
      // seconds; the store refuses a stale one and the answer is checked
      // again against the survey as it is now.
      await answer(service, 'nps', { a2: 7 });
      expect((await service.listWaves('nps'))[0].responseCount).toBe(2);
      await service.archiveSurvey('nps', pm);
      await expect(answer(service, 'nps', { a3: 8 })).rejects.toThrow(
        /no longer accepted/,
      );
      expect((await service.listWaves('nps'))[0].responseCount).toBe(2);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps config surveys read-only and validates definitions, on %p',
    async databaseId => {
      const { service } = await setup(databaseId, {
        config: {
          definitions: [{ id: 'from-config', ...npsSurvey() }],
        },
      });
      await service.start();
      const [survey] = await service.listSurveys({});
      expect(survey).toMatchObject({ id: 'from-config', source: 'config' });
      await expect(
        service.updateSurvey('from-config', npsSurvey() as any, pm),
      ).rejects.toThrow(/defined in app-config/);
      await expect(
        service.createSurvey({ id: 'from-config', ...npsSurvey() }, pm),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      await expect(
        service.createSurvey({ ...npsSurvey(), questions: [] }, pm),
      ).rejects.toThrow(/questions/);
      await expect(
        service.createSurvey({ id: 'prompts', ...npsSurvey() }, pm),
      ).rejects.toThrow(/reserved/);
      const created = await service.createSurvey(npsSurvey() as any, pm);
      expect(created.id).toMatch(/^platform-nps-[0-9a-f]{6}$/);
    },
  );
});
