import { TestDatabases } from '@backstage/backend-test-utils';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  SurveyDefinition,
  SurveyQuestion,
} from '@flywheel/plugin-flywheel-common';
import { Knex } from 'knex';
import { connectDatabase } from '../../database/migrate';
import {
  NewSurveyResponse,
  StaleSurveyError,
  SurveyStore,
} from './SurveyStore';

jest.setTimeout(120_000);

const T0 = new Date('2026-11-20T10:00:00.000Z');
const T1 = new Date('2026-11-21T10:00:00.000Z');
const T2 = new Date('2026-11-22T23:30:00.000Z');
const T3 = new Date('2026-12-05T10:00:00.000Z');

const QUESTIONS: SurveyQuestion[] = [
  { id: 'nps', type: 'nps', title: 'Recommend?', followUp: 'Why?' },
  {
    id: 'tools',
    type: 'multiple-choice',
    title: 'Which tools?',
    options: ['catalog', 'scaffolder', 'techdocs'],
  },
  { id: 'other', type: 'text', title: 'Anything else?', required: false },
];

function definition(
  overrides: Partial<SurveyDefinition> = {},
): SurveyDefinition {
  return {
    title: 'Developer NPS',
    anonymous: false,
    questions: QUESTIONS,
    audience: { type: 'everyone' },
    schedule: { opensAt: T0.toISOString(), recurrence: 'quarterly' },
    triggers: [{ type: 'wave-open' }],
    samplingPercent: 100,
    ...overrides,
  };
}

describe('SurveyStore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    const db = await connectDatabase({ getClient: async () => knex });
    return { knex: db, store: new SurveyStore(db) };
  }

  async function count(knex: Knex, table: string): Promise<number> {
    const [{ n }] = await knex(table).count({ n: '*' });
    return Number(n);
  }

  async function rowCounts(knex: Knex) {
    return {
      participation: await count(knex, 'survey_participation'),
      responses: await count(knex, 'survey_responses'),
      answers: await count(knex, 'survey_answers'),
      comments: await count(knex, 'survey_comments'),
    };
  }

  /** A store with survey `s1` and its open wave 1 (T0 to T3). */
  async function withWave(
    databaseId: Parameters<typeof databases.init>[0],
    options: { anonymous?: boolean } = {},
  ) {
    const { knex, store } = await createStore(databaseId);
    await store.createSurvey({
      id: 's1',
      source: 'api',
      definition: definition({ anonymous: options.anonymous ?? false }),
      now: T0,
    });
    const wave = await store.ensureWave({
      surveyId: 's1',
      number: 1,
      opensAt: T0,
      closesAt: T3,
      questions: QUESTIONS,
    });
    return { knex, store, wave };
  }

  function response(
    waveId: string,
    overrides: Partial<NewSurveyResponse> = {},
  ): NewSurveyResponse {
    return {
      surveyId: 's1',
      waveId,
      anonymous: false,
      asksNps: true,
      userRef: 'user:default/ada',
      groupRef: 'group:default/Payments',
      answers: [
        { questionId: 'nps', value: 9, comment: 'Fast builds' },
        { questionId: 'tools', value: ['catalog', 'techdocs'] },
      ],
      scored: [
        { questionId: 'nps', valueNum: 9 },
        { questionId: 'tools', valueText: 'catalog' },
        { questionId: 'tools', valueText: 'techdocs' },
      ],
      comments: [{ questionId: 'nps', text: 'Fast builds' }],
      now: T1,
      ...overrides,
    };
  }

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

  it.each(databases.eachSupportedId())(
    'lists, filters, pages, tags and resolves comments, %p',
    async databaseId => {
      const { store, wave } = await withWave(databaseId);
      const wave2 = await store.ensureWave({
        surveyId: 's1',
        number: 2,
        opensAt: T2,
        closesAt: T3,
        questions: QUESTIONS,
      });
      const day = (d: number) => new Date(Date.UTC(2026, 10, d, 12));
      const submit = (
        user: string,
        waveId: string,
        groupRef: string | undefined,
        d: number,
        texts: string[],
      ) =>
        store.submitResponse(
          response(waveId, {
            userRef: `user:default/${user}`,
            groupRef,
            comments: texts.map((text, i) => ({
              questionId: i === 0 ? 'nps' : 'other',
              text,
            })),
            now: day(d),
          }),
        );
      await submit('u1', wave.id, 'group:default/A', 21, ['a1', 'a1 other']);
      await submit('u2', wave.id, 'group:default/b', 23, ['b2']);
      await submit('u3', wave.id, undefined, 22, ['n3']);
      await submit('u4', wave2.id, 'group:default/a', 24, ['a4']);
      await submit('u5', wave.id, 'group:default/a', 25, []);

      const list = (q: Partial<Parameters<SurveyStore['listComments']>[0]>) =>
        store.listComments({
          surveyId: 's1',
          waveIds: [wave.id, wave2.id],
          limit: 100,
          offset: 0,
          ...q,
        });
      const texts = async (
        q: Partial<Parameters<SurveyStore['listComments']>[0]>,
      ) => (await list(q)).items.map(c => c.text);

      const all = await list({});
      expect(all.total).toBe(5);
      expect(all.items.map(c => c.submittedOn)).toEqual([
        '2026-11-24',
        '2026-11-23',
        '2026-11-22',
        '2026-11-21',
        '2026-11-21',
      ]);
      expect(all.items.slice(0, 3).map(c => c.text)).toEqual([
        'a4',
        'b2',
        'n3',
      ]);
      expect(all.items[0]).toEqual({
        id: expect.any(String),
        surveyId: 's1',
        waveId: wave2.id,
        questionId: 'nps',
        groupRef: 'group:default/a',
        text: 'a4',
        submittedOn: '2026-11-24',
        tags: [],
        resolvedBy: undefined,
        resolvedAt: undefined,
      });

      // Pages follow the same order, with the total of all pages.
      const pages = [
        await list({ limit: 2, offset: 0 }),
        await list({ limit: 2, offset: 2 }),
        await list({ limit: 2, offset: 4 }),
      ];
      expect(pages.map(p => p.total)).toEqual([5, 5, 5]);
      expect(pages.flatMap(p => p.items.map(c => c.id))).toEqual(
        all.items.map(c => c.id),
      );

      expect(await texts({ waveIds: [wave2.id] })).toEqual(['a4']);
      expect(await texts({ waveIds: [] })).toEqual([]);
      expect((await list({ surveyId: 'other' })).total).toBe(0);
      expect((await texts({ groupRefs: ['group:default/A'] })).sort()).toEqual([
        'a1',
        'a1 other',
        'a4',
      ]);
      expect(
        await texts({ groupRefs: ['group:default/b'], waveIds: [wave.id] }),
      ).toEqual(['b2']);

      // Tags: whole elements only, special characters taken literally.
      const [a4, b2, n3] = all.items;
      expect(
        await store.updateComment(a4.id, {
          tags: ['tooling', 'docs'],
          by: 'user:default/pm',
          now: T3,
        }),
      ).toMatchObject({ id: a4.id, tags: ['tooling', 'docs'] });
      await store.updateComment(b2.id, {
        tags: ['tool', '50%_"off"'],
        by: 'user:default/pm',
        now: T3,
      });
      await store.updateComment(n3.id, {
        tags: ['a,b'],
        by: 'user:default/pm',
        now: T3,
      });
      expect(await texts({ tag: 'tooling' })).toEqual(['a4']);
      expect(await texts({ tag: 'tool' })).toEqual(['b2']);
      expect(await texts({ tag: 'Tool' })).toEqual([]);
      expect(await texts({ tag: 'too' })).toEqual([]);
      expect(await texts({ tag: '50%_"off"' })).toEqual(['b2']);
      expect(await texts({ tag: '50%' })).toEqual([]);
      expect(await texts({ tag: '%' })).toEqual([]);
      expect(await texts({ tag: 'a,b' })).toEqual(['n3']);
      expect(await texts({ tag: 'b' })).toEqual([]);
      expect((await list({ tag: 'tool', limit: 1, offset: 0 })).total).toBe(1);

      // Resolving keeps who resolved first; reopening clears it.
      const resolved = await store.updateComment(b2.id, {
        resolved: true,
        by: 'user:default/pm',
        now: T2,
      });
      expect(resolved).toMatchObject({
        tags: ['tool', '50%_"off"'],
        resolvedBy: 'user:default/pm',
        resolvedAt: T2,
      });
      await store.updateComment(b2.id, {
        resolved: true,
        by: 'user:default/other',
        now: T3,
      });
      expect(await store.getComment(b2.id)).toEqual(resolved);
      await store.updateComment(a4.id, {
        resolved: true,
        by: 'user:default/pm',
        now: T3,
      });
      expect(await texts({ resolved: true })).toEqual(['a4', 'b2']);
      expect((await list({ resolved: false })).total).toBe(3);
      expect(
        await texts({
          resolved: true,
          tag: 'tool',
          groupRefs: ['group:default/b'],
        }),
      ).toEqual(['b2']);

      const reopened = await store.updateComment(a4.id, {
        resolved: false,
        by: 'user:default/pm',
        now: T3,
      });
      expect(reopened).toMatchObject({
        tags: ['tooling', 'docs'],
        resolvedBy: undefined,
        resolvedAt: undefined,
      });
      expect(await store.getComment(a4.id)).toEqual(reopened);
      expect(await texts({ resolved: true })).toEqual(['b2']);

      expect(
        await store.updateComment('missing', {
          resolved: true,
          by: 'user:default/pm',
          now: T3,
        }),
      ).toBeUndefined();
      expect(await store.getComment('missing')).toBeUndefined();
    },
  );
});
