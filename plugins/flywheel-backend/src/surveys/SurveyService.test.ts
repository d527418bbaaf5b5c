import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import {
  flywheelSurveysCommentsReadPermission,
  flywheelSurveysManagePermission,
  flywheelSurveysOwnTeamResultsReadPermission,
  flywheelSurveysResultsReadPermission,
  SurveyDefinition,
} from '@flywheel/plugin-flywheel-common';
import { SurveyService } from './SurveyService';
import { SurveyStore } from './store/SurveyStore';
import { testSurveyService } from './__testUtils__/testService';
import { memberNames, testOrgSource } from './__testUtils__/testOrg';

jest.setTimeout(120_000);

const migrations = resolvePackagePath(
  '@flywheel/plugin-flywheel-backend',
  'migrations',
);
const DAY = 86_400_000;
const START = new Date('2026-11-25T10:00:00.000Z');
const ALL_PERMISSIONS = [
  flywheelSurveysManagePermission.name,
  flywheelSurveysResultsReadPermission.name,
  flywheelSurveysOwnTeamResultsReadPermission.name,
  flywheelSurveysCommentsReadPermission.name,
];

const ref = (name: string) => `user:default/${name}`;
const pm = mockCredentials.user(ref('pm'));

function npsSurvey(overrides: Partial<SurveyDefinition> = {}) {
  return {
    title: 'Platform NPS',
    anonymous: true,
    questions: [
      { id: 'nps', type: 'nps', title: 'Recommend us?', followUp: 'Why?' },
      {
        id: 'improve',
        type: 'single-choice',
        title: 'Improve first?',
        options: ['Docs', 'CI'],
        required: false,
      },
    ],
    audience: { type: 'groups', groupRefs: ['group:default/eng'] },
    schedule: {
      opensAt: '2026-11-20T00:00:00Z',
      recurrence: 'quarterly',
      waveDays: 60,
    },
    ...overrides,
  } as SurveyDefinition;
}

describe('SurveyService', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function setup(
    databaseId: Parameters<typeof databases.init>[0],
    options: { config?: object; allowed?: string[] } = {},
  ) {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: migrations });
    const store = new SurveyStore(knex);
    let now = START;
    const allowed = new Set(options.allowed ?? ALL_PERMISSIONS);
    const service = testSurveyService({
      store,
      catalog: testOrgSource,
      config: options.config,
      allowed,
      now: () => now,
    });
    return {
      knex,
      store,
      service,
      allowed,
      advance: (days: number) => {
        now = new Date(now.getTime() + days * DAY);
      },
    };
  }

  /** Answers the survey's open wave as each person, with their NPS score. */
  async function answer(
    service: SurveyService,
    surveyId: string,
    scores: Record<string, number>,
    comments: Record<string, string> = {},
  ) {
    const { currentWave } = await service.getSurvey(surveyId);
    for (const [name, score] of Object.entries(scores)) {
      await service.submit(surveyId, ref(name), {
        waveId: currentWave!.id,
        answers: [
          {
            questionId: 'nps',
            value: score,
            ...(comments[name] ? { comment: comments[name] } : {}),
          },
        ],
      });
    }
    return currentWave!.id;
  }

  const SCORES = {
    // team-a: P 3, Pa 1, D 2
    a1: 10,
    a2: 10,
    a3: 9,
    a4: 8,
    a5: 6,
    a6: 3,
    // team-b: P 4, Pa 1, D 1
    b1: 10,
    b2: 9,
    b3: 9,
    b4: 9,
    b5: 7,
    b6: 0,
    // team-c: P 1, D 1
    c1: 10,
    c2: 2,
  };

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
    'computes NPS, hides small teams and the sibling that would reveal them, on %p',
    async databaseId => {
      const { service } = await setup(databaseId);
      await service.createSurvey({ id: 'nps', ...npsSurvey() }, pm);
      await answer(service, 'nps', SCORES);

      const results = await service.results('nps', {}, pm);
      expect(results.responses).toBe(14);
      expect(results.audienceSize).toBe(14);
      expect(results.responseRate).toBe(1);
      const nps = results.questions.find(q => q.questionId === 'nps')!.nps!;
      // P = 8, Pa = 2, D = 4: 100 × (8 − 4) / 14 = 28.6. Everyone answered,
      // so the finite-population correction collapses the interval.
      expect(nps).toMatchObject({ promoters: 8, passives: 2, detractors: 4 });
      expect(nps.nps).toEqual({ value: 28.6, low: 28.6, high: 28.6 });
      expect(nps.distribution).toEqual([1, 0, 1, 1, 0, 0, 1, 1, 1, 4, 4]);

      const team = (name: string) =>
        results.teams.find(t => t.groupRef === `group:default/${name}`)!;
      // team-c has 2 < 5 responses; eng − team-b would then give team-a +
      // team-c = 8, but eng − team-a − team-b would give team-c alone: so
      // team-a (the smaller by ref of two equal teams) is hidden too.
      expect(team('team-c')).toMatchObject({ hidden: 'below-minimum' });
      expect(team('team-c').nps).toBeUndefined();
      expect(team('team-c').responses).toBeUndefined();
      expect(team('team-a')).toMatchObject({
        hidden: 'protects-another-group',
      });
      expect(team('team-a').nps).toBeUndefined();
      // team-b: 100 × (4 − 1) / 6 = 50, a census of its 6 people.
      expect(team('team-b')).toMatchObject({
        responses: 6,
        responseRate: 1,
        nps: { value: 50, low: 50, high: 50 },
      });
      expect(team('eng')).toMatchObject({ responses: 14, depth: 0 });
      expect(team('team-b')).toMatchObject({
        depth: 1,
        parentRef: 'group:default/eng',
      });
      // What is shown never isolates fewer than 5 people.
      const shownChildren = results.teams
        .filter(t => t.parentRef === 'group:default/eng' && !t.hidden)
        .reduce((sum, t) => sum + (t.responses ?? 0), 0);
      expect(14 - shownChildren).toBeGreaterThanOrEqual(5);

      // Asking for a hidden team directly reveals nothing either.
      const teamA = await service.results(
        'nps',
        { groupRef: 'group:default/team-a' },
        pm,
      );
      expect(teamA).toMatchObject({
        hidden: 'protects-another-group',
        responses: 0,
        questions: [],
      });
      const teamC = await service.results(
        'nps',
        { groupRef: 'group:default/team-c' },
        pm,
      );
      expect(teamC).toMatchObject({ hidden: 'below-minimum', questions: [] });

      const csv = await service.resultsCsv('nps', {}, pm);
      const rows = csv.trim().split('\r\n');
      expect(rows[0]).toMatch(/^wave,group,parent,depth,audience,responses/);
      expect(rows.find(r => r.includes('team-c'))).toMatch(/,below-minimum$/);
      // Its audience (2) is public; its responses are not.
      expect(rows.find(r => r.includes('team-c'))!.split(',')[5]).toBe('');
      expect(rows.find(r => r.includes('team-b'))).toContain(',6,100,50,');
    },
  );

  it.each(databases.eachSupportedId())(
    'narrows the interval with the finite-population correction, on %p',
    async databaseId => {
      const { service } = await setup(databaseId);
      await service.createSurvey({ id: 'nps', ...npsSurvey() }, pm);
      // 10 of the 14 answer: a1–a6 and b1–b4, P = 7, Pa = 1, D = 2.
      const { c1, c2, b5, b6, ...some } = SCORES;
      await answer(service, 'nps', some);
      const results = await service.results('nps', {}, pm);
      const nps = results.questions[0].nps!;
      expect(nps.nps.value).toBe(50);
      expect(nps.finitePopulationCorrected).toBe(true);
      // Adjusted Wald: n' = 13, p' = 7.75/13 = 0.5962, d' = 2.75/13 =
      // 0.2115, centre 38.46; Var = p' + d' − (p' − d')² = 0.6598;
      // MoE = 196 × √(0.6598/13) = 44.16, × √((14 − 10)/13) = 24.49
      // → 14.0 … 63.0.
      expect(nps.nps.low).toBeCloseTo(14.0, 0);
      expect(nps.nps.high).toBeCloseTo(63.0, 0);
      expect(results.responseRate).toBe(0.714);
    },
  );

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
    'checks permissions: manage, all results, own team only, comments, on %p',
    async databaseId => {
      const { service, allowed } = await setup(databaseId, {
        config: { minCommentGroupSize: 10 },
      });
      await service.createSurvey({ id: 'nps', ...npsSurvey() }, pm);
      await answer(service, 'nps', SCORES, {
        b1: 'Great <b>templates</b>',
        b6: 'CI is slow',
        c2: 'Nobody answers our tickets',
      });

      const results = await service.results('nps', {}, pm);
      expect(results.questions[0]).toMatchObject({
        questionId: 'nps',
        comments: 3,
      });

      // Comments: 14 responses overall ≥ 10, but no team below eng has 10,
      // so every comment is labelled with eng, the nearest team listed.
      const inbox = await service.comments('nps', {}, pm);
      expect(inbox.items.map(c => c.text).sort()).toEqual([
        'CI is slow',
        'Great <b>templates</b>',
        'Nobody answers our tickets',
      ]);
      expect(inbox.items.map(c => c.groupRef)).toEqual([
        'group:default/eng',
        'group:default/eng',
        'group:default/eng',
      ]);
      const teamInbox = await service.comments(
        'nps',
        { groupRef: 'group:default/team-b' },
        pm,
      );
      // team-b's numbers are shown (6 ≥ 5), so how many it withholds is too.
      expect(teamInbox).toEqual({
        items: [],
        totalCount: 0,
        withheld: 2,
        withheldReason: 'below-minimum',
      });
      const tagged = await service.updateComment(
        'nps',
        inbox.items[0].id,
        { tags: ['ci', 'ci', ' '], resolved: true },
        pm,
        ref('pm'),
      );
      expect(tagged).toMatchObject({
        tags: ['ci'],
        resolved: true,
        resolvedBy: ref('pm'),
      });

      allowed.clear();
      allowed.add(flywheelSurveysOwnTeamResultsReadPermission.name);
      const b1 = mockCredentials.user(ref('b1'));
      const own = await service.results('nps', {}, b1, ref('b1'));
      expect(own.groupRef).toBe('group:default/team-b');
      expect(own.responses).toBe(6);
      await expect(
        service.results(
          'nps',
          { groupRef: 'group:default/eng' },
          b1,
          ref('b1'),
        ),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
      await expect(
        service.results(
          'nps',
          { groupRef: 'group:default/team-a' },
          b1,
          ref('b1'),
        ),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
      await expect(
        service.comments('nps', {}, b1, ref('b1')),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
      await expect(
        service.createSurvey({ id: 'x', ...npsSurvey() }, b1),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
      await expect(service.preview('nps', b1)).rejects.toMatchObject({
        name: 'NotAllowedError',
      });

      allowed.clear();
      await expect(
        service.results('nps', {}, b1, ref('b1')),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
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

  it.each(databases.eachSupportedId())(
    'shows a trend over waves with a significance flag, on %p',
    async databaseId => {
      const { service, advance } = await setup(databaseId);
      await service.createSurvey(
        {
          id: 'nps',
          ...npsSurvey({
            audience: { type: 'everyone' },
            schedule: {
              opensAt: '2026-11-20T00:00:00Z',
              recurrence: 'monthly',
              waveDays: 10,
            },
          }),
        },
        pm,
      );
      const everyone = [
        ...memberNames('team-a'),
        ...memberNames('team-b'),
        ...memberNames('team-c'),
        ...memberNames('ops'),
      ];
      // Wave 1: all detractors; wave 2: all promoters.
      await answer(
        service,
        'nps',
        Object.fromEntries(everyone.map(n => [n, 2])),
      );
      advance(30);
      await service.syncWaves();
      await answer(
        service,
        'nps',
        Object.fromEntries(everyone.map(n => [n, 10])),
      );
      const results = await service.results('nps', {}, pm);
      expect(results.wave.number).toBe(2);
      expect(results.trend.map(p => [p.number, p.nps?.value])).toEqual([
        [1, -100],
        [2, 100],
      ]);
      expect(results.trend[1].change).toMatchObject({
        delta: 200,
        significant: true,
      });
      const first = await service.results(
        'nps',
        { waveId: results.trend[0].waveId },
        pm,
      );
      expect(first.trend).toHaveLength(1);
      expect(first.wave.status).toBe('closed');
    },
  );
});
