import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { SurveyDefinition } from '@flywheel/plugin-flywheel-common';
import { SurveyService } from './SurveyService';
import { SurveyStore } from './store/SurveyStore';
import { testSurveyService } from './__testUtils__/testService';
import { orgSource } from './__testUtils__/testOrg';

jest.setTimeout(120_000);

/**
 * Attacks on survey anonymity through what the service offers one reader
 * allowed to see everything: each test states the attack and checks that it
 * yields nothing.
 */

const migrations = resolvePackagePath(
  '@flywheel/plugin-flywheel-backend',
  'migrations',
);
const pm = mockCredentials.user('user:default/pm');
const g = (name: string) => `group:default/${name}`;

const survey = {
  title: 'Platform NPS',
  anonymous: true,
  questions: [
    { id: 'nps', type: 'nps', title: 'Recommend us?', followUp: 'Why?' },
  ],
  audience: { type: 'everyone' },
  schedule: { opensAt: '2026-11-20T00:00:00Z', recurrence: 'none' },
} as unknown as SurveyDefinition;

describe('SurveyService privacy', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  /** A service over an org, with everyone answering 9 and a comment naming them. */
  async function answeredBy(
    databaseId: Parameters<typeof databases.init>[0],
    org: Parameters<typeof orgSource>[0],
  ) {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: migrations });
    const { source, membersOf } = orgSource(org);
    const service = testSurveyService({
      store: new SurveyStore(knex),
      catalog: source,
      now: () => new Date('2026-11-25T10:00:00Z'),
    });
    await service.createSurvey({ id: 'nps', ...survey }, pm);
    const { currentWave } = await service.getSurvey('nps');
    for (const group of Object.keys(org.members)) {
      for (const name of membersOf(group)) {
        await service.submit('nps', `user:default/${name}`, {
          waveId: currentWave!.id,
          answers: [{ questionId: 'nps', value: 9, comment: name }],
        });
      }
    }
    return service;
  }

  /** Every comment list and every label group one reader can get, as sets of authors. */
  async function commentSets(service: SurveyService, scopes: string[]) {
    const sets: Set<string>[] = [];
    for (const scope of [undefined, ...scopes.map(g)]) {
      const page = await service.comments(
        'nps',
        { groupRef: scope, limit: 1000 },
        pm,
      );
      if (page.items.length > 0) {
        sets.push(new Set(page.items.map(c => c.text)));
      }
      const labels = new Map<string, Set<string>>();
      for (const c of page.items) {
        if (c.groupRef) {
          labels.set(
            c.groupRef,
            (labels.get(c.groupRef) ?? new Set()).add(c.text),
          );
        }
      }
      sets.push(...labels.values());
    }
    return sets;
  }

  /** The smallest group of authors the sets can be cut down to. */
  function smallestCell(sets: Set<string>[]): number {
    const authors = new Set(sets.flatMap(s => [...s]));
    const cells = new Map<string, number>();
    for (const a of authors) {
      const key = sets.map(s => (s.has(a) ? 1 : 0)).join('');
      cells.set(key, (cells.get(key) ?? 0) + 1);
    }
    return Math.min(...cells.values());
  }

  it.each(databases.eachSupportedId())(
    'no comment list can be subtracted from another to isolate a small team, on %p',
    async databaseId => {
      // The defaults: numbers need 5, comments 10. p − a − b would be c's 2.
      const service = await answeredBy(databaseId, {
        groups: { p: ['a', 'b', 'c'], a: [], b: [], c: [] },
        members: { a: 10, b: 12, c: 2 },
      });
      const sets = await commentSets(service, ['p', 'a', 'b', 'c']);
      expect(smallestCell(sets)).toBeGreaterThanOrEqual(10);

      const c = await service.comments('nps', { groupRef: g('c') }, pm);
      expect(c).toMatchObject({ items: [], withheldReason: 'below-minimum' });
      // Its numbers are hidden, so not even how many it wrote is said.
      expect(c.withheld).toBe(0);
      const a = await service.comments('nps', { groupRef: g('a') }, pm);
      expect(a).toMatchObject({
        items: [],
        withheldReason: 'protects-another-group',
      });
    },
  );

  it.each(databases.eachSupportedId())(
    "a team's few own members are not singled out by its label beside large sub-teams, on %p",
    async databaseId => {
      const service = await answeredBy(databaseId, {
        groups: { q: ['q1', 'q2'], q1: [], q2: [] },
        members: { q: 1, q1: 10, q2: 10 },
      });
      const sets = await commentSets(service, ['q', 'q1', 'q2']);
      expect(smallestCell(sets)).toBeGreaterThanOrEqual(10);
      const all = await service.comments('nps', { limit: 1000 }, pm);
      const label = all.items.find(i => i.text === 'q-1')!.groupRef;
      expect(
        all.items.filter(i => i.groupRef === label).length,
      ).toBeGreaterThanOrEqual(10);
    },
  );

  it.each(databases.eachSupportedId())(
    'a parent cycle does not let a scoped view show one person, on %p',
    async databaseId => {
      const service = await answeredBy(databaseId, {
        groups: { x: ['y'], y: ['x'] },
        members: { x: 1, y: 6 },
      });
      // One rule: x sits under y (its only parent); y's link to x would
      // close the cycle, so y is a top-level team.
      const x = await service.results('nps', { groupRef: g('x') }, pm);
      expect(x).toMatchObject({ hidden: 'below-minimum', questions: [] });
      const y = await service.results('nps', { groupRef: g('y') }, pm);
      expect(y.responses).toBe(7);
      expect(y.questions[0].nps?.responses).toBe(7);
      const overall = await service.results('nps', {}, pm);
      expect(overall.teams.map(t => [t.groupRef, t.parentRef])).toEqual([
        [g('y'), undefined],
        [g('x'), g('y')],
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'a team with two parents counts under one, so scope x + scope y − overall is nothing, on %p',
    async databaseId => {
      const service = await answeredBy(databaseId, {
        groups: { x: ['t'], y: ['t'], t: [] },
        members: { x: 6, y: 6, t: 2 },
      });
      const responses = async (scope?: string) => {
        const r = await service.results('nps', { groupRef: scope }, pm);
        // The tallies cover exactly the responses the view claims.
        expect(r.questions[0]?.nps?.responses ?? 0).toBe(r.responses);
        return r.responses;
      };
      expect(await responses(g('x'))).toBe(8);
      expect(await responses(g('y'))).toBe(6);
      expect(await responses()).toBe(14);
      const overall = await service.results('nps', {}, pm);
      expect(overall.teams.filter(t => t.groupRef === g('t'))).toEqual([
        expect.objectContaining({ parentRef: g('x'), hidden: 'below-minimum' }),
      ]);
      const sets = await commentSets(service, ['x', 'y', 't']);
      expect(smallestCell(sets)).toBeGreaterThanOrEqual(10);
    },
  );
});
