import {
  surveyStoreDatabases,
  T2,
  T3,
  QUESTIONS,
  response,
} from '../__testUtils__/storeFixtures';
import { SurveyStore } from './SurveyStore';

jest.setTimeout(120_000);

describe('SurveyStore comments', () => {
  const { databases, withWave } = surveyStoreDatabases();

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
