import { TestDatabases } from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import { CampaignDefinition } from '@flywheel/plugin-flywheel-common';
import { connectDatabase } from '../../database/migrate';
import { CampaignStore, MemberEvaluation } from './CampaignStore';

jest.setTimeout(60_000);

const at = (iso: string) => new Date(iso);

const definition = (id: string): CampaignDefinition => ({
  id,
  title: `Campaign ${id}`,
  description: 'Services onto the TypeScript path',
  ownerRef: 'group:default/platform',
  cohort: { types: ['service'] },
  goal: {
    type: 'goldenPath',
    templateRef: 'template:default/ts-service',
    minVersion: '1.2.0',
  },
  startsAt: '2026-11-01',
  deadline: '2027-01-31',
});

const member = (
  name: string,
  state: MemberEvaluation['state'],
  owner = 'group:default/payments',
): MemberEvaluation => ({
  entityRef: `component:default/${name}`,
  ownerRef: owner,
  state,
  reason: `${name} is ${state}`,
});

describe('CampaignStore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    const db = await connectDatabase({ getClient: async () => knex });
    return new CampaignStore(db);
  }

  it.each(databases.eachSupportedId())(
    'keeps config campaigns in step with config and refuses an id taken by the API, %p',
    async databaseId => {
      const store = await createStore(databaseId);
      await store.create(
        definition('api-one'),
        'user:default/ada',
        at('2026-11-01T00:00:00Z'),
      );
      await expect(
        store.create(
          definition('api-one'),
          'user:default/ada',
          at('2026-11-02T00:00:00Z'),
        ),
      ).rejects.toThrow(ConflictError);

      await store.syncConfigCampaigns(
        [definition('from-config')],
        at('2026-11-01T00:00:00Z'),
      );
      await store.close(
        'from-config',
        'user:default/ada',
        'done',
        at('2026-11-05T00:00:00Z'),
      );
      await store.syncConfigCampaigns(
        [{ ...definition('from-config'), title: 'Renamed' }],
        at('2026-11-06T00:00:00Z'),
      );
      const stored = await store.get('from-config');
      expect(stored).toMatchObject({
        source: 'config',
        definition: { title: 'Renamed' },
        closedBy: 'user:default/ada',
        closeNote: 'done',
      });
      await expect(
        store.syncConfigCampaigns(
          [definition('api-one')],
          at('2026-11-06T00:00:00Z'),
        ),
      ).rejects.toThrow(/created through the API/);
      expect((await store.list()).map(c => c.definition.id).sort()).toEqual([
        'api-one',
        'from-config',
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'writes members by difference and keeps when each started meeting the goal, %p',
    async databaseId => {
      const store = await createStore(databaseId);
      await store.create(
        definition('c'),
        'user:default/ada',
        at('2026-11-01T00:00:00Z'),
      );
      const first = at('2026-11-02T10:00:00Z');
      expect(
        await store.replaceMembers(
          'c',
          [member('a', 'met'), member('b', 'open'), member('x', 'exempt')],
          first,
        ),
      ).toBe(3);
      // Nothing changed: nothing written, met_at kept.
      expect(
        await store.replaceMembers(
          'c',
          [member('a', 'met'), member('b', 'open'), member('x', 'exempt')],
          at('2026-11-03T10:00:00Z'),
        ),
      ).toBe(0);
      // b meets the goal, x leaves the cohort.
      const third = at('2026-11-04T10:00:00Z');
      expect(
        await store.replaceMembers(
          'c',
          [member('a', 'met'), member('b', 'met')],
          third,
        ),
      ).toBe(2);
      const members = await store.members('c');
      expect([...members.keys()].sort()).toEqual([
        'component:default/a',
        'component:default/b',
      ]);
      expect(members.get('component:default/a')!.metAt).toEqual(first);
      expect(members.get('component:default/b')!.metAt).toEqual(third);

      // Incremental: a regresses, a new entity joins, b is removed.
      await store.updateMembers(
        'c',
        [member('a', 'open'), member('n', 'open', 'group:default/platform')],
        ['component:default/b'],
        at('2026-11-05T10:00:00Z'),
      );
      const after = await store.listMembers('c');
      expect(after.map(m => [m.entityRef, m.state, m.metAt])).toEqual([
        ['component:default/a', 'open', undefined],
        ['component:default/n', 'open', undefined],
      ]);
      expect(await store.countsByOwner('c')).toEqual(
        expect.arrayContaining([
          { ownerRef: 'group:default/payments', state: 'open', count: 1 },
          { ownerRef: 'group:default/platform', state: 'open', count: 1 },
        ]),
      );
      expect(await store.membershipsOf('component:default/a')).toHaveLength(1);
      expect((await store.totals()).get('c')).toEqual({
        cohort: 2,
        met: 0,
        exempt: 0,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'reads a page of members by state and owner, and moves refreshedAt forward with every write of members, %p',
    async databaseId => {
      const store = await createStore(databaseId);
      await store.create(
        definition('c'),
        'user:default/ada',
        at('2026-11-01T00:00:00Z'),
      );
      expect((await store.get('c'))!.refreshedAt).toBeUndefined();
      const first = at('2026-11-02T10:00:00Z');
      await store.replaceMembers(
        'c',
        [
          member('e', 'open'),
          member('b', 'open', 'group:default/platform'),
          member('d', 'met'),
          member('a', 'open'),
          member('c', 'exempt', 'group:default/platform'),
        ],
        first,
      );
      expect((await store.get('c'))!.refreshedAt).toEqual(first);

      const refs = (members: { entityRef: string }[]) =>
        members.map(m => m.entityRef.replace('component:default/', ''));
      const page = (options: Parameters<CampaignStore['pageMembers']>[1]) =>
        store.pageMembers('c', options).then(refs);
      expect(await page({ state: 'open', limit: 2, offset: 0 })).toEqual([
        'a',
        'b',
      ]);
      expect(await page({ state: 'open', limit: 2, offset: 2 })).toEqual(['e']);
      expect(await page({ limit: 10, offset: 1 })).toEqual([
        'b',
        'c',
        'd',
        'e',
      ]);
      expect(
        await page({
          owners: ['group:default/platform'],
          limit: 10,
          offset: 0,
        }),
      ).toEqual(['b', 'c']);
      expect(
        await page({
          state: 'open',
          owners: ['group:default/payments'],
          limit: 10,
          offset: 0,
        }),
      ).toEqual(['a', 'e']);
      expect(await page({ owners: [], limit: 10, offset: 0 })).toEqual([]);
      expect((await store.memberRefs('c')).sort()).toEqual(
        ['a', 'b', 'c', 'd', 'e'].map(n => `component:default/${n}`),
      );

      // Nothing changed: nothing written, the version stays.
      await store.replaceMembers(
        'c',
        [
          member('e', 'open'),
          member('b', 'open', 'group:default/platform'),
          member('d', 'met'),
          member('a', 'open'),
          member('c', 'exempt', 'group:default/platform'),
        ],
        at('2026-11-02T11:00:00Z'),
      );
      expect((await store.get('c'))!.refreshedAt).toEqual(first);
      // A write at the same instant, or a full refresh recorded at an
      // earlier one, still moves it forward: it never repeats.
      await store.updateMembers('c', [member('a', 'met')], [], first);
      const second = (await store.get('c'))!.refreshedAt!;
      expect(second.getTime()).toBe(first.getTime() + 1);
      await store.setRefreshed('c', at('2026-11-01T00:00:00Z'));
      expect((await store.get('c'))!.refreshedAt!.getTime()).toBe(
        second.getTime() + 1,
      );
      const later = at('2026-11-03T10:00:00Z');
      await store.updateMembers('c', [], ['component:default/e'], later);
      expect((await store.get('c'))!.refreshedAt).toEqual(later);
      expect(await page({ state: 'open', limit: 10, offset: 0 })).toEqual([
        'b',
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps the first baseline, one row of counts per day, and each notice once, %p',
    async databaseId => {
      const store = await createStore(databaseId);
      await store.create(
        definition('c'),
        'user:default/ada',
        at('2026-11-01T00:00:00Z'),
      );
      await store.setBaseline(
        'c',
        { cohort: 10, met: 2, exempt: 1 },
        at('2026-11-01T01:00:00Z'),
      );
      await store.setBaseline(
        'c',
        { cohort: 10, met: 5, exempt: 1 },
        at('2026-11-02T01:00:00Z'),
      );
      expect((await store.get('c'))!.baseline).toEqual({
        cohort: 10,
        met: 2,
        exempt: 1,
        at: '2026-11-01T01:00:00.000Z',
      });
      await store.writeDay('c', '2026-11-01', {
        cohort: 10,
        met: 2,
        exempt: 1,
      });
      await store.writeDay('c', '2026-11-01', {
        cohort: 10,
        met: 3,
        exempt: 1,
      });
      await store.writeDay('c', '2026-11-02', {
        cohort: 11,
        met: 4,
        exempt: 1,
      });
      expect(await store.days('c')).toEqual([
        { day: '2026-11-01', cohort: 10, met: 3, exempt: 1 },
        { day: '2026-11-02', cohort: 11, met: 4, exempt: 1 },
      ]);

      const claims = await Promise.all([
        store.claimNotice('c', 'launch', at('2026-11-01T02:00:00Z')),
        store.claimNotice('c', 'launch', at('2026-11-01T02:00:00Z')),
      ]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect([...(await store.notices('c')).keys()]).toEqual(['launch']);

      await store.setCompleted('c', at('2026-11-03T00:00:00Z'));
      await store.setCompleted('c', at('2026-11-04T00:00:00Z'));
      expect((await store.get('c'))!.completedAt).toEqual(
        at('2026-11-03T00:00:00Z'),
      );
      await store.setCompleted('c', null);
      expect((await store.get('c'))!.completedAt).toBeUndefined();

      expect(
        await store.close(
          'c',
          'user:default/ada',
          undefined,
          at('2026-11-05T00:00:00Z'),
        ),
      ).toBe(true);
      expect(
        await store.close(
          'c',
          'user:default/bob',
          undefined,
          at('2026-11-06T00:00:00Z'),
        ),
      ).toBe(false);
      expect((await store.get('c'))!.closedBy).toBe('user:default/ada');
    },
  );
});
