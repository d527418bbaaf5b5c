import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { CampaignDefinition } from '@flywheel/plugin-flywheel-common';
import { EntityVisibility, VisibleEntities } from '../catalog/EntityVisibility';
import { OrgGraph } from '../catalog/OrgGraph';
import { connectDatabase } from '../database/migrate';
import { ScorecardGoals } from '../interfaces/scorecardGoals';
import { CampaignService } from './CampaignService';
import { CampaignStore, MemberEvaluation } from './store/CampaignStore';

jest.setTimeout(60_000);

const definition: CampaignDefinition = {
  id: 'ts',
  title: 'Onto ts-service 1.2',
  description: 'Every service on the path.',
  ownerRef: 'group:default/platform',
  cohort: { types: ['service'] },
  goal: {
    type: 'goldenPath',
    templateRef: 'template:default/ts-service',
    minVersion: '1.2.0',
  },
  startsAt: '2026-11-01T00:00:00Z',
  deadline: '2027-03-31T00:00:00Z',
};

const member = (
  name: string,
  state: MemberEvaluation['state'],
  owner?: string,
): MemberEvaluation => ({
  entityRef: `component:default/${name}`,
  ...(owner ? { ownerRef: owner } : {}),
  state,
  reason: `${name} is ${state}`,
});

const tree = () =>
  new OrgGraph(
    new Map([
      ['group:default/payments', ['group:default/payments-core']],
      ['group:default/payments-core', []],
      ['group:default/platform', []],
    ]),
  );

/** Everything visible, but answered the way a conditional policy is. */
const everyRef: VisibleEntities = { all: false, has: () => true };
const everything: VisibleEntities = { all: true, has: () => true };

describe('CampaignService', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  const credentials = mockCredentials.user('user:default/ada');

  async function setup(groups: () => Promise<OrgGraph> = async () => tree()) {
    const knex = await databases.init('SQLITE_3');
    const db = await connectDatabase({ getClient: async () => knex });
    const store = new CampaignStore(db);
    const visible = { current: everything };
    const service = new CampaignService({
      store,
      goals: {
        scorecards: () => [],
      } as unknown as ScorecardGoals,
      refresh: { refreshAll: async () => 0 },
      visibility: {
        visibleTo: async () => visible.current,
      } as unknown as EntityVisibility,
      permissions: mockServices.permissions(),
      groups,
      now: () => new Date('2026-12-01T00:00:00Z'),
    });
    await store.create(
      definition,
      'user:default/ada',
      new Date('2026-11-01T00:00:00Z'),
    );
    await store.replaceMembers(
      'ts',
      [
        member('ledger', 'open', 'group:default/payments-core'),
        member('refunds', 'met', 'group:default/payments-core'),
        member('checkout', 'open', 'group:default/payments'),
        member('portal', 'open', 'group:default/platform'),
        member('docs', 'exempt', 'group:default/platform'),
        member('handmade', 'open', 'user:default/pat'),
        member('orphan', 'met'),
      ],
      new Date('2026-11-02T00:00:00Z'),
    );
    // As a full refresh ends.
    await store.setRefreshed('ts', new Date('2026-11-02T00:00:00Z'));
    return { store, service, visible };
  }

  it('answers items, teams and counts alike whether the caller sees all or each entity', async () => {
    const { service, visible } = await setup();
    const queries = [
      {},
      { state: 'all' },
      { state: 'met' },
      { state: 'exempt' },
      { state: 'open', limit: 2 },
      { state: 'open', limit: 2, offset: 2 },
      { state: 'all', offset: 6 },
      { groupRef: 'group:default/payments' },
      { groupRef: 'group:default/payments', state: 'all', limit: 1 },
      { groupRef: 'group:default/Payments-Core', state: 'met' },
      { groupRef: 'group:default/platform', state: 'met' },
    ];
    const answers = async () => ({
      campaign: (await service.get('ts', credentials)).progress,
      teams: await service.teams('ts', credentials),
      items: await Promise.all(
        queries.map(q => service.items('ts', credentials, q)),
      ),
    });
    const fromAggregates = await answers();
    visible.current = everyRef;
    const fromMembers = await answers();
    expect(fromAggregates).toEqual(fromMembers);
    expect(fromAggregates.campaign).toMatchObject({
      cohort: 7,
      met: 2,
      open: 4,
      exempt: 1,
    });
    expect(fromAggregates.items[0]).toEqual({
      campaignId: 'ts',
      totalCount: 4,
      items: [
        expect.objectContaining({ entityRef: 'component:default/checkout' }),
        expect.objectContaining({ entityRef: 'component:default/handmade' }),
        expect.objectContaining({ entityRef: 'component:default/ledger' }),
        expect.objectContaining({ entityRef: 'component:default/portal' }),
      ],
    });
    expect(fromAggregates.items[7].totalCount).toBe(2);
    expect(fromAggregates.items[8]).toMatchObject({
      totalCount: 3,
      items: [{ entityRef: 'component:default/checkout' }],
    });
  });

  it('follows every write of members at once', async () => {
    const { store, service } = await setup();
    const counts = async () => (await service.get('ts', credentials)).progress;
    const openItems = async () =>
      (await service.items('ts', credentials)).items.map(i => i.entityRef);
    const teams = async () =>
      Object.fromEntries(
        (await service.teams('ts', credentials)).teams.map(t => [
          t.groupRef,
          t.met,
        ]),
      );
    expect(await counts()).toMatchObject({ cohort: 7, met: 2 });
    expect(await teams()).toMatchObject({ 'group:default/payments': 1 });
    // Written at the same instant as the first members: still seen.
    await store.updateMembers(
      'ts',
      [member('ledger', 'met', 'group:default/payments-core')],
      [],
      new Date('2026-11-02T00:00:00Z'),
    );
    expect(await counts()).toMatchObject({ cohort: 7, met: 3 });
    expect(await teams()).toMatchObject({ 'group:default/payments': 2 });
    expect(await openItems()).not.toContain('component:default/ledger');
    await store.replaceMembers(
      'ts',
      [member('ledger', 'met', 'group:default/payments-core')],
      new Date('2026-11-03T00:00:00Z'),
    );
    expect(await counts()).toMatchObject({ cohort: 1, met: 1, open: 0 });
    expect(await openItems()).toEqual([]);
    expect((await service.list(credentials)).items[0].progress).toMatchObject({
      cohort: 1,
      met: 1,
    });
  });

  it('answers with the group tree in hand while it reads the next one', async () => {
    let now = 1_000_000;
    const clock = jest.spyOn(Date, 'now').mockImplementation(() => now);
    try {
      let resolveNext: (graph: OrgGraph) => void = () => {};
      const groups = jest
        .fn<Promise<OrgGraph>, []>()
        .mockResolvedValueOnce(tree())
        .mockImplementationOnce(
          () =>
            new Promise(resolve => {
              resolveNext = resolve;
            }),
        );
      const { service } = await setup(groups);
      const parents = async () =>
        (await service.teams('ts', credentials)).teams.map(t => t.parentRef);
      expect(await parents()).toContain('group:default/payments');
      now += 61_000;
      // The tree is a minute old: the next one is read, this one answers.
      expect(await parents()).toContain('group:default/payments');
      expect(groups).toHaveBeenCalledTimes(2);
      expect(await parents()).toContain('group:default/payments');
      expect(groups).toHaveBeenCalledTimes(2);
      resolveNext(
        new OrgGraph(
          new Map([
            ['group:default/payments', []],
            ['group:default/payments-core', []],
            ['group:default/platform', []],
          ]),
        ),
      );
      await new Promise(resolve => setImmediate(resolve));
      expect(await parents()).not.toContain('group:default/payments');
    } finally {
      clock.mockRestore();
    }
  });
});
