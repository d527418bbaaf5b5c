import { ConflictError } from '@backstage/errors';
import {
  surveyStoreDatabases,
  T0,
  T1,
  T2,
  T3,
  QUESTIONS,
  count,
  response,
  rowCounts,
} from '../__testUtils__/storeFixtures';
import { NewSurveyResponse, StaleSurveyError } from './SurveyStore';

jest.setTimeout(120_000);

describe('SurveyStore responses', () => {
  const { databases, withWave } = surveyStoreDatabases();

  it.each(databases.eachSupportedId())(
    'stores an identified response and replaces it on a second submission, %p',
    async databaseId => {
      const { store, knex, wave } = await withWave(databaseId);
      expect(await store.submitResponse(response(wave.id))).toBe('created');
      expect(await rowCounts(knex)).toEqual({
        participation: 1,
        responses: 1,
        answers: 3,
        comments: 1,
      });
      const row = await knex('survey_responses').first();
      expect(row).toMatchObject({
        survey_id: 's1',
        wave_id: wave.id,
        user_ref: 'user:default/ada',
        group_ref: 'group:default/payments',
        submitted_on: '2026-11-21',
      });
      expect(await store.getResponse(wave.id, 'user:default/ada')).toEqual({
        answers: response(wave.id).answers,
        submittedOn: '2026-11-21',
        updatedAt: T1,
      });
      expect(
        await store.getResponse(wave.id, 'user:default/bob'),
      ).toBeUndefined();

      const second = response(wave.id, {
        answers: [
          { questionId: 'nps', value: 4, comment: 'Slow builds' },
          { questionId: 'tools', value: ['scaffolder'] },
          { questionId: 'other', value: 'More docs' },
        ],
        scored: [
          { questionId: 'nps', valueNum: 4 },
          { questionId: 'tools', valueText: 'scaffolder' },
        ],
        comments: [
          { questionId: 'nps', text: 'Slow builds' },
          { questionId: 'other', text: 'More docs' },
        ],
        groupRef: 'group:default/platform',
        now: T2,
      });
      expect(await store.submitResponse(second)).toBe('updated');
      expect(await rowCounts(knex)).toEqual({
        participation: 1,
        responses: 1,
        answers: 2,
        comments: 2,
      });
      expect(await store.getResponse(wave.id, 'user:default/ada')).toEqual({
        answers: second.answers,
        submittedOn: '2026-11-21',
        updatedAt: T2,
      });
      expect(await store.answerCounts([wave.id])).toEqual([
        {
          waveId: wave.id,
          questionId: 'nps',
          groupRef: 'group:default/platform',
          valueNum: 4,
          valueText: null,
          count: 1,
        },
        {
          waveId: wave.id,
          questionId: 'tools',
          groupRef: 'group:default/platform',
          valueNum: null,
          valueText: 'scaffolder',
          count: 1,
        },
      ]);
      expect(await store.responseCountsByGroup([wave.id])).toEqual([
        { waveId: wave.id, groupRef: 'group:default/platform', count: 1 },
      ]);
      const comments = await store.listComments({
        surveyId: 's1',
        waveIds: [wave.id],
        limit: 10,
        offset: 0,
      });
      expect(comments.total).toBe(2);
      expect(comments.items.map(c => [c.questionId, c.text]).sort()).toEqual([
        ['nps', 'Slow builds'],
        ['other', 'More docs'],
      ]);
      expect(await store.participationSince('user:default/ada', T0)).toEqual([
        { surveyId: 's1', waveId: wave.id, respondedAt: T2, askedNps: true },
      ]);
      expect((await store.responseCounts([wave.id])).get(wave.id)).toBe(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps anonymous responses unlinkable and refuses a second one, %p',
    async databaseId => {
      const { store, knex, wave } = await withWave(databaseId, {
        anonymous: true,
      });
      const first = response(wave.id, { anonymous: true, now: T2 });
      expect(await store.submitResponse(first)).toBe('created');
      const rows = await knex('survey_responses');
      expect(rows).toHaveLength(1);
      expect(rows[0].user_ref).toBeNull();
      expect(rows[0].updated_at).toBeNull();
      // No time at all, not even the day: only the wave.
      expect(rows[0].submitted_on).toBeNull();
      expect((await knex('survey_comments'))[0].submitted_on).toBeNull();
      expect(rows[0].group_ref).toBe('group:default/payments');
      expect(
        await store.getResponse(wave.id, 'user:default/ada'),
      ).toBeUndefined();
      // The participation row names the person, for de-duplication only.
      expect(
        await store.participatedWaves('user:default/ada', [wave.id]),
      ).toEqual(new Set([wave.id]));
      const before = await rowCounts(knex);
      expect(before).toEqual({
        participation: 1,
        responses: 1,
        answers: 3,
        comments: 1,
      });

      const again = response(wave.id, {
        anonymous: true,
        scored: [{ questionId: 'nps', valueNum: 0 }],
        comments: [{ questionId: 'nps', text: 'Changed my mind' }],
        now: T3,
      });
      await expect(store.submitResponse(again)).rejects.toThrow(ConflictError);
      await expect(store.submitResponse(again)).rejects.toThrow(
        /Anonymous answers can be changed only from the browser they were given in/,
      );
      expect(await rowCounts(knex)).toEqual(before);
      expect(
        (await store.answerCounts([wave.id])).find(c => c.questionId === 'nps'),
      ).toMatchObject({ valueNum: 9, count: 1 });
      expect(
        (await store.participationSince('user:default/ada', T0))[0].respondedAt,
      ).toEqual(T2);
    },
  );

  it.each(databases.eachSupportedId())(
    'does not date an anonymous answer changed with its receipt, %p',
    async databaseId => {
      const { store, knex, wave } = await withWave(databaseId, {
        anonymous: true,
      });
      await store.submitResponse(
        response(wave.id, {
          anonymous: true,
          now: T2,
          receipt: { issued: 'r1' },
        }),
      );
      await store.mixAnonymousResponses();
      expect(
        await store.submitResponse(
          response(wave.id, {
            anonymous: true,
            comments: [{ questionId: 'nps', text: 'Changed my mind' }],
            now: T3,
            receipt: { issued: 'r2', presented: 'r1' },
          }),
        ),
      ).toBe('updated');
      const [row] = await knex('survey_responses');
      expect(row).toMatchObject({ submitted_on: null, updated_at: null });
      expect(await knex('survey_comments')).toEqual([
        expect.objectContaining({
          text: 'Changed my mind',
          submitted_on: null,
        }),
      ]);
      // Its rewritten rows are shuffled again.
      expect(Boolean(row.pending_mix)).toBe(true);
      // The participation row keeps the first answer's time, not the edit's.
      expect(
        (await store.participationSince('user:default/ada', T0))[0].respondedAt,
      ).toEqual(T2);
    },
  );

  it.each(databases.eachSupportedId())(
    'shuffles anonymous responses out of the order their participation rows share, %p',
    async databaseId => {
      const { store, knex, wave } = await withWave(databaseId, {
        anonymous: true,
      });
      // 40 people answer one after the other, each with a comment that
      // tells the test (not an attacker) who wrote it.
      const people = Array.from({ length: 40 }, (_, i) => `p${i}`);
      for (const [i, person] of people.entries()) {
        await store.submitResponse(
          response(wave.id, {
            anonymous: true,
            userRef: `user:default/${person}`,
            comments: [{ questionId: 'nps', text: person }],
            now: new Date(T1.getTime() + i * 60_000),
          }),
        );
      }
      const postgres = databaseId.startsWith('POSTGRES');
      const physical = postgres ? 'ctid' : 'rowid';
      /** The attack: pair the n-th participation row with the n-th comment, both in stored order. */
      const pairedCorrectly = async () => {
        const participants = (
          await knex('survey_participation').orderByRaw(physical)
        ).map(p => p.user_ref.replace('user:default/', ''));
        const authors = (
          await knex('survey_comments').orderByRaw(physical)
        ).map(c => c.text);
        return participants.filter((p, i) => authors[i] === p).length;
      };
      expect(await pairedCorrectly()).toBe(40);

      let seed = 7;
      const random = () => {
        seed = (seed * 1664525 + 1013904223) % 2 ** 32;
        return seed / 2 ** 32;
      };
      expect(await store.mixAnonymousResponses({ random })).toBe(40);
      expect(await pairedCorrectly()).toBeLessThan(5);
      // Nothing lost, nothing changed but the order.
      expect(await count(knex, 'survey_responses')).toBe(40);
      expect(await count(knex, 'survey_answers')).toBe(120);
      expect((await knex('survey_comments')).map(c => c.text).sort()).toEqual(
        [...people].sort(),
      );
      // On PostgreSQL one transaction wrote every mixed row: the
      // transaction ids that paired each response with its participation
      // row are gone. SQLite keeps no transaction ids.
      const xmins = async (table: string) =>
        new Set<string>(
          (await knex.raw(`SELECT xmin::text AS x FROM ${table}`)).rows.map(
            (r: { x: string }) => r.x,
          ),
        );
      const transactions = async () => {
        const responses = await xmins('survey_responses');
        const participation = await xmins('survey_participation');
        return {
          writers: responses.size,
          shared: [...responses].filter(x => participation.has(x)).length,
        };
      };
      expect(
        postgres ? await transactions() : { writers: 1, shared: 0 },
      ).toEqual({ writers: 1, shared: 0 });
      // Done until the next answer arrives.
      expect(await store.mixAnonymousResponses()).toBe(0);
    },
  );

  it.each(databases.eachSupportedId())(
    'stores nothing when the survey changed after the answers were checked, %p',
    async databaseId => {
      const { store, knex, wave } = await withWave(databaseId);
      const original = (await store.getSurvey('s1'))!.definition;
      const checkedAgainst = { definition: original, questions: QUESTIONS };
      const bob = 'user:default/bob';
      expect(
        await store.submitResponse(response(wave.id, { checkedAgainst })),
      ).toBe('created');
      expect(
        await store.submitResponse(response(wave.id, { checkedAgainst })),
      ).toBe('updated');

      await store.updateSurvey('s1', { ...original, title: 'Renamed' }, T2);
      // A first response (one statement on PostgreSQL) and a second one
      // (a transaction) are both refused.
      await expect(
        store.submitResponse(
          response(wave.id, { userRef: bob, checkedAgainst }),
        ),
      ).rejects.toThrow(StaleSurveyError);
      await expect(
        store.submitResponse(response(wave.id, { checkedAgainst })),
      ).rejects.toThrow(StaleSurveyError);
      expect(await count(knex, 'survey_participation')).toBe(1);
      expect(await count(knex, 'survey_responses')).toBe(1);

      // Checked against what is stored now: accepted.
      const renamed = {
        definition: (await store.getSurvey('s1'))!.definition,
        questions: QUESTIONS,
      };
      expect(
        await store.submitResponse(
          response(wave.id, { userRef: bob, checkedAgainst: renamed }),
        ),
      ).toBe('created');

      // Other questions on the wave, or an archived survey: refused.
      await expect(
        store.submitResponse(
          response(wave.id, {
            userRef: 'user:default/cy',
            checkedAgainst: { ...renamed, questions: QUESTIONS.slice(1) },
          }),
        ),
      ).rejects.toThrow(StaleSurveyError);
      await store.setSurveyStatus('s1', 'archived', T2);
      await expect(
        store.submitResponse(
          response(wave.id, {
            userRef: 'user:default/cy',
            checkedAgainst: renamed,
          }),
        ),
      ).rejects.toThrow(StaleSurveyError);
      expect(await count(knex, 'survey_responses')).toBe(2);
      expect(await count(knex, 'survey_answers')).toBe(6);
    },
  );

  it.each(databases.eachSupportedId())(
    'stores exactly one response for concurrent submissions of one person, %p',
    async databaseId => {
      const { store, knex, wave } = await withWave(databaseId);
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) =>
          store.submitResponse(
            response(wave.id, {
              answers: [{ questionId: 'nps', value: i % 11 }],
              scored: [
                { questionId: 'nps', valueNum: i % 11 },
                { questionId: 'tools', valueText: 'catalog' },
              ],
              comments: [{ questionId: 'nps', text: `try ${i}` }],
            }),
          ),
        ),
      );
      expect(results.filter(r => r.status === 'rejected')).toEqual([]);
      const statuses = results.map(r =>
        r.status === 'fulfilled' ? r.value : 'failed',
      );
      expect(statuses.filter(s => s === 'created')).toHaveLength(1);
      expect(statuses.filter(s => s === 'updated')).toHaveLength(19);
      expect(await rowCounts(knex)).toEqual({
        participation: 1,
        responses: 1,
        answers: 2,
        comments: 1,
      });
      // The answers, comment and stored JSON are all of the same submission.
      const stored = await store.getResponse(wave.id, 'user:default/ada');
      const nps = await knex('survey_answers')
        .where({ question_id: 'nps' })
        .first();
      const comment = await knex('survey_comments').first();
      expect(Number(nps.value_num)).toBe(stored!.answers[0].value);
      const i = Number(comment.text.replace('try ', ''));
      expect(i % 11).toBe(stored!.answers[0].value);
    },
  );

  it.each(databases.eachSupportedId())(
    'rejects all but one of concurrent anonymous submissions, %p',
    async databaseId => {
      const { store, knex, wave } = await withWave(databaseId, {
        anonymous: true,
      });
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, () =>
          store.submitResponse(response(wave.id, { anonymous: true })),
        ),
      );
      expect(results.filter(r => r.status === 'fulfilled')).toEqual([
        { status: 'fulfilled', value: 'created' },
      ]);
      const reasons = results.flatMap(r =>
        r.status === 'rejected' ? [r.reason] : [],
      );
      expect(reasons).toHaveLength(19);
      expect(reasons.every(e => e instanceof ConflictError)).toBe(true);
      expect(await rowCounts(knex)).toEqual({
        participation: 1,
        responses: 1,
        answers: 3,
        comments: 1,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'bulk inserts responses and counts answers and responses, %p',
    async databaseId => {
      const { store, knex, wave } = await withWave(databaseId);
      const wave2 = await store.ensureWave({
        surveyId: 's1',
        number: 2,
        opensAt: T3,
        closesAt: new Date(T3.getTime() + 86_400_000),
        questions: QUESTIONS,
      });
      const groups = ['group:default/A', 'group:default/b', undefined];
      const responses: NewSurveyResponse[] = [];
      const expected = new Map<string, number>();
      const expectedGroups = new Map<string, number>();
      const add = (map: Map<string, number>, key: string) =>
        map.set(key, (map.get(key) ?? 0) + 1);
      for (let i = 0; i < 2_000; i++) {
        const waveId = i % 4 === 0 ? wave2.id : wave.id;
        const groupRef = groups[i % 3];
        const group = groupRef?.toLowerCase() ?? null;
        const score = i % 11;
        const tools = i % 2 === 0 ? ['catalog'] : ['catalog', 'techdocs'];
        responses.push(
          response(waveId, {
            userRef: `user:default/u${i}`,
            anonymous: i % 5 === 0,
            groupRef,
            answers: [
              { questionId: 'nps', value: score },
              { questionId: 'tools', value: tools },
            ],
            scored: [
              { questionId: 'nps', valueNum: score },
              ...tools.map(t => ({ questionId: 'tools', valueText: t })),
            ],
            comments:
              i % 10 === 0 ? [{ questionId: 'nps', text: `comment ${i}` }] : [],
            now: new Date(T1.getTime() + i * 60_000),
          }),
        );
        add(expected, JSON.stringify([waveId, 'nps', group, score, null]));
        for (const t of tools) {
          add(expected, JSON.stringify([waveId, 'tools', group, null, t]));
        }
        add(expectedGroups, JSON.stringify([waveId, group]));
      }
      await store.bulkInsertResponses(responses);

      expect(await rowCounts(knex)).toEqual({
        participation: 2_000,
        responses: 2_000,
        answers: 2_000 * 2 + 1_000,
        comments: 200,
      });
      const counts = await store.answerCounts([wave.id, wave2.id]);
      expect(
        new Map(
          counts.map(c => [
            JSON.stringify([
              c.waveId,
              c.questionId,
              c.groupRef,
              c.valueNum,
              c.valueText,
            ]),
            c.count,
          ]),
        ),
      ).toEqual(expected);
      expect(counts.every(c => typeof c.count === 'number')).toBe(true);
      const byGroup = await store.responseCountsByGroup([wave.id, wave2.id]);
      expect(
        new Map(
          byGroup.map(c => [JSON.stringify([c.waveId, c.groupRef]), c.count]),
        ),
      ).toEqual(expectedGroups);
      expect(byGroup.reduce((sum, c) => sum + c.count, 0)).toBe(2_000);
      expect(
        await store.responseCounts(
          (await store.listWaves('s1')).map(w => w.id),
        ),
      ).toEqual(
        new Map([
          [wave.id, 1_500],
          [wave2.id, 500],
        ]),
      );

      // Anonymous ones are stored without identity, identified ones with it.
      expect(
        (await count(knex, 'survey_responses')) -
          Number(
            (
              await knex('survey_responses')
                .whereNull('user_ref')
                .count({ n: '*' })
            )[0].n,
          ),
      ).toBe(1_600);
      expect(await store.getResponse(wave.id, 'user:default/u1')).toEqual({
        answers: responses[1].answers,
        submittedOn: '2026-11-21',
        updatedAt: new Date(T1.getTime() + 60_000),
      });
      expect(
        await store.getResponse(wave2.id, 'user:default/u0'),
      ).toBeUndefined();
      expect(await store.participationSince('user:default/u0', T0)).toEqual([
        { surveyId: 's1', waveId: wave2.id, respondedAt: T1, askedNps: true },
      ]);
      // A second submission after a bulk insert replaces it as usual.
      expect(
        await store.submitResponse(
          response(wave.id, { userRef: 'user:default/u1', now: T3 }),
        ),
      ).toBe('updated');
      expect(await count(knex, 'survey_responses')).toBe(2_000);

      // A duplicate fails the whole batch.
      const outcome = await store
        .bulkInsertResponses([
          response(wave.id, { userRef: 'user:default/new' }),
          response(wave.id, { userRef: 'user:default/u1' }),
        ])
        .then(
          () => 'stored',
          (error: unknown) => `failed: ${error}`,
        );
      expect(outcome).toMatch(/^failed: .*(UNIQUE|duplicate key)/);
      expect(await count(knex, 'survey_responses')).toBe(2_000);
      await store.bulkInsertResponses([]);
    },
  );
});
