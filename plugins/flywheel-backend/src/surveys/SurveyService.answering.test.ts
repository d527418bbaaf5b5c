import {
  surveyServiceDatabases,
  START,
  answer,
  npsSurvey,
  pm,
  ref,
} from './__testUtils__/serviceFixtures';
import { memberNames } from './__testUtils__/testOrg';

jest.setTimeout(120_000);

describe('SurveyService answering', () => {
  const { databases, setup } = surveyServiceDatabases();

  it.each(databases.eachSupportedId())(
    'rejects bad answers and stores nothing, on %p',
    async databaseId => {
      const { service, knex } = await setup(databaseId);
      await service.createSurvey({ id: 'nps', ...npsSurvey() }, pm);
      const { currentWave } = await service.getSurvey('nps');
      const waveId = currentWave!.id;
      const submit = (answers: any[], who = 'a1', wave = waveId) =>
        service.submit('nps', ref(who), { waveId: wave, answers });

      await expect(submit([{ questionId: 'nps', value: 11 }])).rejects.toThrow(
        /'nps' must be a whole number from 0 to 10, not 11/,
      );
      await expect(
        submit([
          { questionId: 'nps', value: 5 },
          { questionId: 'extra', value: 1 },
        ]),
      ).rejects.toThrow(/Unknown question 'extra'/);
      await expect(
        submit([{ questionId: 'nps', value: 5, comment: 'x'.repeat(5001) }]),
      ).rejects.toThrow(/5001 characters long; at most 5000/);
      await expect(
        submit([{ questionId: 'improve', value: 'Docs' }]),
      ).rejects.toMatchObject({ name: 'InputError' });
      await expect(
        submit([{ questionId: 'nps', value: 5 }], 'o1'),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
      await expect(
        submit([{ questionId: 'nps', value: 5 }], 'a1', 'no-such-wave'),
      ).rejects.toMatchObject({ name: 'NotFoundError' });
      const counted = async (table: string) =>
        Number((await knex(table).count({ n: '*' }))[0].n);
      expect(await counted('survey_responses')).toBe(0);
      expect(await counted('survey_participation')).toBe(0);
      expect(await counted('survey_answers')).toBe(0);

      // Anonymous: one response per person, no changes.
      expect(
        (await submit([{ questionId: 'nps', value: 9, comment: 'Fast' }]))
          .status,
      ).toBe('created');
      await expect(
        submit([{ questionId: 'nps', value: 3 }]),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      expect(await counted('survey_responses')).toBe(1);
      expect(await counted('survey_comments')).toBe(1);
      const [row] = await knex('survey_responses');
      expect(row.user_ref).toBeNull();
      // Anonymous: no time kept, only the wave.
      expect(row.submitted_on).toBeNull();
      expect(row.group_ref).toBe('group:default/team-a');

      // Someone else still answers as usual.
      await expect(
        service.submit('nps', ref('a2'), {
          waveId,
          answers: [{ questionId: 'nps', value: 9 }],
        }),
      ).resolves.toMatchObject({ status: 'created' });
    },
  );

  it.each(databases.eachSupportedId())(
    'lets a person change an identified answer while the wave is open, on %p',
    async databaseId => {
      const { service, advance, knex } = await setup(databaseId);
      await service.createSurvey(
        {
          id: 'pulse',
          ...npsSurvey({
            anonymous: false,
            schedule: {
              opensAt: '2026-11-20T00:00:00Z',
              closesAt: '2026-12-20T00:00:00Z',
              recurrence: 'none',
            },
          }),
        },
        pm,
      );
      const { currentWave } = await service.getSurvey('pulse');
      const waveId = currentWave!.id;
      const first = await service.submit('pulse', ref('a1'), {
        waveId,
        answers: [{ questionId: 'nps', value: 4, comment: 'Slow CI' }],
      });
      expect(first.status).toBe('created');
      const second = await service.submit('pulse', ref('a1'), {
        waveId,
        answers: [
          { questionId: 'nps', value: 9 },
          { questionId: 'improve', value: 'CI' },
        ],
      });
      expect(second.status).toBe('updated');
      const form = await service.form('pulse', ref('a1'));
      expect(form.answeredAt).toBe(START.toISOString());
      expect(form.previousAnswers).toEqual([
        { questionId: 'nps', value: 9 },
        { questionId: 'improve', value: 'CI' },
      ]);
      const rows = await knex('survey_answers').orderBy('question_id');
      expect(rows.map(r => [r.question_id, r.value_num, r.value_text])).toEqual(
        [
          ['improve', null, 'CI'],
          ['nps', 9, null],
        ],
      );
      expect(await knex('survey_comments')).toHaveLength(0);

      advance(30);
      await expect(
        service.submit('pulse', ref('a1'), {
          waveId,
          answers: [{ questionId: 'nps', value: 1 }],
        }),
      ).rejects.toThrow(/closed on 2026-12-20; answers are no longer accepted/);
      await expect(service.form('pulse', ref('a1'))).rejects.toMatchObject({
        name: 'NotFoundError',
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'changes an anonymous answer only with its receipt, on %p',
    async databaseId => {
      const { service, knex } = await setup(databaseId);
      await service.createSurvey({ id: 'nps', ...npsSurvey() }, pm);
      const { currentWave } = await service.getSurvey('nps');
      const waveId = currentWave!.id;
      const first = await service.submit('nps', ref('a1'), {
        waveId,
        answers: [{ questionId: 'nps', value: 3, comment: 'Slow CI' }],
      });
      expect(first.editToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const [stored] = await knex('survey_responses');
      // Only a hash of the receipt is kept, with no identity.
      expect(stored.edit_token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(stored.edit_token_hash).not.toContain(first.editToken);
      expect(stored.user_ref).toBeNull();

      await expect(
        service.submit('nps', ref('a1'), {
          waveId,
          answers: [{ questionId: 'nps', value: 9 }],
          editToken: 'x'.repeat(43),
        }),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      // Someone else's receipt does not let a person answer twice either.
      await expect(
        service.submit('nps', ref('a2'), {
          waveId,
          answers: [{ questionId: 'nps', value: 0 }],
          editToken: first.editToken,
        }),
      ).resolves.toMatchObject({ status: 'created' });
      const changed = await service.submit('nps', ref('a1'), {
        waveId,
        answers: [{ questionId: 'nps', value: 9 }],
        editToken: first.editToken,
      });
      expect(changed).toMatchObject({
        status: 'updated',
        editToken: first.editToken,
      });
      const scores = await knex('survey_answers')
        .where({ question_id: 'nps' })
        .orderBy('value_num');
      expect(scores.map(r => r.value_num)).toEqual([0, 9]);
      expect(await knex('survey_comments')).toHaveLength(0);
      expect(await knex('survey_responses')).toHaveLength(2);
      const [changedRow] = await knex('survey_responses').where({
        edit_token_hash: stored.edit_token_hash,
      });
      expect(changedRow.updated_at).toBeNull();
    },
  );

  it.each(databases.eachSupportedId())(
    'throttles across surveys: 30 days for any, 90 for NPS, on %p',
    async databaseId => {
      const { service, advance } = await setup(databaseId);
      const longWave = {
        opensAt: '2026-11-20T00:00:00Z',
        closesAt: '2027-06-01T00:00:00Z',
        recurrence: 'none' as const,
      };
      await service.createSurvey(
        { id: 'first', ...npsSurvey({ schedule: longWave }) },
        pm,
      );
      await service.createSurvey(
        {
          id: 'csat',
          ...npsSurvey({
            schedule: longWave,
            questions: [{ id: 'csat', type: 'csat', title: 'Satisfied?' }],
          }),
        },
        pm,
      );
      await service.createSurvey(
        { id: 'second-nps', ...npsSurvey({ schedule: longWave }) },
        pm,
      );
      expect(
        (await service.prompts(ref('a1'))).map(p => p.surveyId).sort(),
      ).toEqual(['csat', 'first', 'second-nps']);
      await answer(service, 'first', { a1: 9 });
      expect(await service.prompts(ref('a1'))).toEqual([]);
      // Others are not affected.
      expect(await service.prompts(ref('a2'))).toHaveLength(3);

      advance(29);
      expect(await service.prompts(ref('a1'))).toEqual([]);
      advance(2);
      expect((await service.prompts(ref('a1'))).map(p => p.surveyId)).toEqual([
        'csat',
      ]);
      advance(60);
      expect(
        (await service.prompts(ref('a1'))).map(p => p.surveyId).sort(),
      ).toEqual(['csat', 'second-nps']);
    },
  );

  it.each(databases.eachSupportedId())(
    'remembers snooze and dismiss, on %p',
    async databaseId => {
      const { service, advance } = await setup(databaseId);
      await service.createSurvey({ id: 'nps', ...npsSurvey() }, pm);
      const [prompt] = await service.prompts(ref('a1'));
      await service.promptAction('nps', ref('a1'), {
        waveId: prompt.waveId,
        action: 'snooze',
      });
      expect(await service.prompts(ref('a1'))).toEqual([]);
      advance(3.1);
      expect(await service.prompts(ref('a1'))).toHaveLength(1);

      await service.promptAction('nps', ref('a2'), {
        waveId: prompt.waveId,
        action: 'dismiss',
      });
      advance(20);
      expect(await service.prompts(ref('a2'))).toEqual([]);
      // Dismissing does not stop the person answering from a link.
      await expect(service.form('nps', ref('a2'))).resolves.toMatchObject({
        surveyId: 'nps',
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'prompts event- and route-triggered surveys only when triggered, on %p',
    async databaseId => {
      const { service } = await setup(databaseId);
      await service.createSurvey(
        {
          id: 'after-create',
          ...npsSurvey({
            questions: [{ id: 'csat', type: 'csat', title: 'How was it?' }],
            audience: {
              type: 'golden-path-owners',
              templateRefs: ['template:default/service'],
            },
            triggers: [{ type: 'event', event: 'scaffolder.run.completed' }],
          }),
        },
        pm,
      );
      await service.createSurvey(
        {
          id: 'docs',
          ...npsSurvey({
            questions: [{ id: 'csat', type: 'csat', title: 'Docs helpful?' }],
            triggers: [{ type: 'route', pathPrefix: '/docs' }],
          }),
        },
        pm,
      );
      expect(await service.prompts(ref('a1'), '/catalog')).toEqual([]);
      expect(
        (await service.prompts(ref('a1'), '/docs/default/component/x')).map(
          p => p.surveyId,
        ),
      ).toEqual(['docs']);

      await service.fire({
        event: 'scaffolder.run.completed',
        userRef: ref('a1'),
        context: { templateRef: 'template:default/service' },
      });
      expect(
        (await service.prompts(ref('a1'), '/catalog')).map(p => p.surveyId),
      ).toEqual(['after-create']);
      // Only owners of services from the template are in that audience.
      await service.fire({
        event: 'scaffolder.run.completed',
        userRef: ref('b1'),
      });
      expect(await service.prompts(ref('b1'), '/catalog')).toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'samples a stable share of the audience, on %p',
    async databaseId => {
      const { service } = await setup(databaseId);
      await service.createSurvey(
        { id: 'sampled', ...npsSurvey({ samplingPercent: 50 }) },
        pm,
      );
      const people = [
        ...memberNames('team-a'),
        ...memberNames('team-b'),
        ...memberNames('team-c'),
      ];
      const asked = [];
      for (const name of people) {
        if ((await service.prompts(ref(name))).length > 0) asked.push(name);
      }
      expect(asked.length).toBeGreaterThan(0);
      expect(asked.length).toBeLessThan(people.length);
      const again = [];
      for (const name of people) {
        if ((await service.prompts(ref(name))).length > 0) again.push(name);
      }
      expect(again).toEqual(asked);
    },
  );
});
