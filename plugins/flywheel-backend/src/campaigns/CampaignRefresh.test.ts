import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { mockServices } from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  CampaignDefinition,
  readProvenance,
} from '@flywheel/plugin-flywheel-common';
import { CatalogReader } from '../catalog/CatalogReader';
import { OrgGraph } from '../catalog/OrgGraph';
import { connectDatabase } from '../database/migrate';
import { ScorecardGoals } from '../interfaces/scorecardGoals';
import { CampaignMessage, CampaignNotices } from './CampaignNotices';
import { CampaignRefresh } from './CampaignRefresh';
import { CampaignStore } from './store/CampaignStore';

jest.setTimeout(60_000);

const service = (name: string, owner: string, version?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    annotations: version
      ? {
          'flywheel.dev/template-ref': 'template:default/ts-service',
          'flywheel.dev/template-version': version,
        }
      : {},
  },
  spec: { type: 'service', owner },
  relations: [{ type: 'ownedBy', targetRef: owner }],
});

const campaign: CampaignDefinition = {
  id: 'ts',
  title: 'Onto ts-service 1.2',
  description: 'Every service on the path.',
  ownerRef: 'group:default/platform',
  cohort: { types: ['service'], owners: ['group:default/payments'] },
  goal: {
    type: 'goldenPath',
    templateRef: 'template:default/ts-service',
    minVersion: '1.2.0',
  },
  startsAt: '2026-11-01T00:00:00Z',
  deadline: '2026-12-31T00:00:00Z',
};

/** A catalog that can change between reads. */
function fakeCatalog(entities: Entity[]) {
  const byRef = () => new Map(entities.map(e => [stringifyEntityRef(e), e]));
  return {
    entities,
    reader: {
      async *streamEntities() {
        yield entities.filter(e => e.kind === 'Component');
      },
      async getEntities(refs: string[]) {
        const map = byRef();
        return refs.flatMap(r => (map.has(r) ? [map.get(r)!] : []));
      },
      async groupTree() {
        return new OrgGraph(
          new Map([
            ['group:default/payments', ['group:default/payments-core']],
            ['group:default/payments-core', []],
            ['group:default/platform', []],
          ]),
        );
      },
    } as unknown as CatalogReader,
  };
}

describe('CampaignRefresh and CampaignNotices', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function setup(
    now: { value: Date },
    databaseId: Parameters<typeof databases.init>[0],
  ) {
    const knex = await databases.init(databaseId);
    const db = await connectDatabase({ getClient: async () => knex });
    const store = new CampaignStore(db);
    await store.syncConfigCampaigns([campaign], now.value);
    const catalog = fakeCatalog([
      service('checkout', 'group:default/payments', '1.2.0'),
      service('ledger', 'group:default/payments-core', '1.0.0'),
      service('portal', 'group:default/platform'), // outside the owners
    ]);
    const goals: ScorecardGoals = {
      scorecards: () => [],
      standings: async () => new Map(),
      onEntitiesEvaluated: () => {},
    };
    const refresh = new CampaignRefresh({
      store,
      catalog: catalog.reader,
      goals,
      goldenPaths: {
        entityInsights: async () => ({
          provenance: (e: Entity) => {
            const p = readProvenance(e);
            return p && { ...p, isGoldenPath: true, drifted: false };
          },
          metric: () => undefined,
          origin: () => ({ isGoldenPath: false }),
        }),
      },
      credentials: async () => mockCredentials.service(),
      languageAnnotation: 'flywheel.dev/language',
      logger: mockServices.logger.mock(),
      now: () => now.value,
    });
    const messages: CampaignMessage[] = [];
    const notices = new CampaignNotices({
      store,
      notify: async m => {
        messages.push(m);
      },
      logger: mockServices.logger.mock(),
      now: () => now.value,
    });
    return { store, catalog, refresh, notices, messages };
  }

  it.each(databases.eachSupportedId())(
    'evaluates the cohort, records a baseline and daily counts, and follows changed entities to completion, %p',
    async databaseId => {
      const now = { value: new Date('2026-11-10T09:00:00Z') };
      const { store, catalog, refresh, notices, messages } = await setup(
        now,
        databaseId,
      );

      await refresh.refreshAll();
      const members = await store.listMembers('ts');
      expect(members.map(m => [m.entityRef, m.state])).toEqual([
        ['component:default/checkout', 'met'],
        ['component:default/ledger', 'open'],
      ]);
      expect((await store.get('ts'))!.baseline).toMatchObject({
        cohort: 2,
        met: 1,
      });

      // Launch: every owner in the cohort hears of it, once.
      expect(await notices.run()).toBe(1);
      expect(messages[0]).toMatchObject({
        title: 'New campaign: Onto ts-service 1.2',
        link: '/flywheel/campaigns/ts',
      });
      expect(messages[0].recipients.sort()).toEqual([
        'group:default/payments',
        'group:default/payments-core',
      ]);
      expect(await notices.run()).toBe(0);

      // A week later: a digest to the team with open items, once that week.
      now.value = new Date('2026-11-17T09:00:00Z');
      expect(await notices.run()).toBe(1);
      expect(messages[1]).toMatchObject({
        recipients: ['group:default/payments-core'],
        title: 'Onto ts-service 1.2: 1 open item for your team',
      });
      expect(await notices.run()).toBe(0);

      // Ledger adopts the path: the incremental path updates it.
      now.value = new Date('2026-11-18T09:00:00Z');
      catalog.entities[1] = service(
        'ledger',
        'group:default/payments-core',
        '1.2.0',
      );
      // Portal moves into the owners' subtree and joins.
      catalog.entities[2] = service('portal', 'group:default/payments-core');
      await refresh.refreshEntities([
        'component:default/ledger',
        'component:default/portal',
      ]);
      expect(
        (await store.listMembers('ts')).map(m => [m.entityRef, m.state]),
      ).toEqual([
        ['component:default/checkout', 'met'],
        ['component:default/ledger', 'met'],
        ['component:default/portal', 'open'],
      ]);

      // Portal is deleted from the catalog: the campaign completes.
      now.value = new Date('2026-11-19T09:00:00Z');
      catalog.entities.splice(2, 1);
      await refresh.refreshEntities(['component:default/portal']);
      expect(await store.days('ts')).toEqual([
        { day: '2026-11-10', cohort: 2, met: 1, exempt: 0 },
        { day: '2026-11-18', cohort: 3, met: 2, exempt: 0 },
        { day: '2026-11-19', cohort: 2, met: 2, exempt: 0 },
      ]);
      expect((await store.get('ts'))!.completedAt).toEqual(now.value);
      expect(await notices.run()).toBe(1);
      expect(messages[2]).toMatchObject({
        title: 'Campaign complete: Onto ts-service 1.2',
      });
      expect(messages[2].recipients).toContain('group:default/platform');
      expect(await notices.run()).toBe(0);
    },
  );

  it.each(databases.eachSupportedId())(
    'warns owners with open items a week before the deadline, and leaves closed campaigns alone, %p',
    async databaseId => {
      const now = { value: new Date('2026-11-10T09:00:00Z') };
      const { store, refresh, notices, messages } = await setup(
        now,
        databaseId,
      );
      await refresh.refreshAll();
      await notices.run(); // launch
      now.value = new Date('2026-12-26T09:00:00Z');
      expect(await notices.run()).toBe(1);
      expect(messages[1]).toMatchObject({
        recipients: ['group:default/payments-core'],
        severity: 'high',
        title: 'Onto ts-service 1.2: 1 item left, deadline 31 Dec 2026',
      });

      await store.close('ts', 'user:default/ada', undefined, now.value);
      now.value = new Date('2026-12-28T09:00:00Z');
      expect(await refresh.refreshAll()).toBe(0);
      expect(await notices.run()).toBe(0);
    },
  );

  it.each(databases.eachSupportedId())(
    'does not count days, set a baseline or notify before the start, %p',
    async databaseId => {
      const now = { value: new Date('2026-10-01T09:00:00Z') };
      const { store, refresh, notices } = await setup(now, databaseId);
      await refresh.refreshAll();
      expect(await store.listMembers('ts')).toHaveLength(2);
      expect(await store.days('ts')).toEqual([]);
      expect((await store.get('ts'))!.baseline).toBeUndefined();
      expect(await notices.run()).toBe(0);
    },
  );
});
