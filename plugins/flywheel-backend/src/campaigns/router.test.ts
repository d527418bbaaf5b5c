import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { notificationService } from '@backstage/plugin-notifications-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { flywheelPlugin } from '../plugin';
import { catalogHidingEntities } from '../__testUtils__/catalogViews';
import { testEntities } from '../__testUtils__/testCatalog';
import { userInfoFactory } from '../scorecards/__testUtils__/testUtils';

jest.setTimeout(120_000);

// Every test runs on SQLite and on PostgreSQL.
const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
type DatabaseId = Parameters<typeof databases.init>[0];

const ADA = 'user:default/ada'; // platform PM: may manage campaigns
const PAT = 'user:default/pat'; // payments-core: owns ledger, refunds, handmade
const MALLORY = 'user:default/mallory'; // may read, not manage
const EVE = 'user:default/eve'; // may not see checkout nor payments-core
const BASE = '/api/flywheel/campaigns';
const as = (user: string) => mockCredentials.user.header(user);

// A maturity criterion reads campaign progress through the metric registry.
const capability: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'golden-paths', tags: ['capability'] },
  spec: { type: 'platform', owner: 'group:default/platform' },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/platform' }],
};
const maturityModel = {
  id: 'stages',
  version: 1,
  title: 'Stages',
  stages: [
    {
      id: 'prp',
      title: 'Production Readiness',
      criteria: [
        {
          type: 'metric',
          id: 'cohort-onboarded',
          title: 'The TS cohort is onboarded',
          metric: 'campaigns.*.progress',
          scope: 'org',
          // The window as one interval, so today's count is in it.
          aggregation: 'window',
          window: '4w',
          comparator: '>=',
          threshold: 10,
        },
      ],
    },
    { id: 'scale', title: 'Adoption & Scaling', criteria: [] },
  ],
};

const config = {
  flywheel: {
    scorecardsDefault: false,
    scorecardEvaluation: {
      schedule: { frequency: { minutes: 30 }, timeout: { minutes: 1 } },
    },
    maturity: { models: [maturityModel] },
    scorecards: [
      {
        id: 'ops',
        title: 'Operational readiness',
        owner: 'platform',
        filter: { kind: 'Component' },
        checks: [
          {
            id: 'owner',
            title: 'Has an owner',
            type: 'catalog.relation',
            relation: 'ownedBy',
            targetKind: 'Group',
          },
          {
            id: 'golden',
            title: 'From a golden path',
            type: 'goldenPath.created',
            level: 'silver',
          },
        ],
      },
    ],
  },
};

const tsPath = {
  id: 'ts-path',
  title: 'Services onto the TS path 1.2',
  description: 'Every service on ts-service 1.2 or later.',
  ownerRef: 'group:default/platform',
  cohort: { types: ['service'] },
  goal: {
    type: 'goldenPath',
    templateRef: 'template:default/ts-service',
    minVersion: '1.2.0',
  },
  automation: { templateRef: 'template:default/adopt-golden-path' },
  startsAt: '2026-01-01',
  deadline: '2099-01-01',
};

async function startBackend(databaseId: DatabaseId) {
  const send = jest.fn(async () => {});
  const knex = await databases.init(databaseId);
  const { server } = await startTestBackend({
    features: [
      flywheelPlugin,
      mockServices.database.factory({ knex }),
      ...catalogHidingEntities(
        [...testEntities, capability],
        {
          [EVE]: ['component:default/checkout', 'group:default/payments-core'],
        },
        {
          decide: (permission, user) =>
            permission.name === 'flywheel.campaigns.manage' && user !== ADA
              ? { result: AuthorizeResult.DENY }
              : undefined,
        },
      ),
      userInfoFactory({
        [ADA]: ['group:default/platform'],
        [PAT]: ['group:default/payments-core'],
        [MALLORY]: ['group:default/payments'],
      }),
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({ send }),
      }),
      mockServices.rootConfig.factory({ data: config }),
    ],
  });
  // The scheduled evaluation runs at start: wait for its results.
  for (let i = 0; i < 50; i++) {
    const res = await request(server)
      .get('/api/flywheel/scorecards/rollup')
      .query({ scorecardId: 'ops' })
      .set('Authorization', as(ADA));
    if (res.body.rollups?.[0]?.entityCount > 0) break;
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  return { server, send };
}

describe('campaigns over HTTP', () => {
  it.each(databases.eachSupportedId())(
    'needs credentials; only permitted people create, and bad input stores nothing, %p',
    async databaseId => {
      const { server } = await startBackend(databaseId);
      expect(
        (
          await request(server)
            .get(BASE)
            .set('Authorization', mockCredentials.none.header())
        ).status,
      ).toBe(401);
      const denied = await request(server)
        .post(BASE)
        .set('Authorization', as(MALLORY))
        .send(tsPath);
      expect(denied.status).toBe(403);
      const service = await request(server)
        .post(BASE)
        .set('Authorization', mockCredentials.service.header())
        .send(tsPath);
      expect(service.status).toBe(403);

      const bad = [
        [
          { ...tsPath, deadline: '2025-01-01' },
          'deadline must be after startsAt',
        ],
        [
          { ...tsPath, startsAt: '2020-01-01', deadline: '2021-01-01' },
          'deadline must be in the future',
        ],
        [
          {
            ...tsPath,
            goal: { type: 'check', scorecardId: 'ops', checkId: 'x' },
          },
          "scorecard 'ops' has no check 'x'",
        ],
        [
          {
            ...tsPath,
            goal: { type: 'level', scorecardId: 'nope', level: 'gold' },
          },
          "no scorecard 'nope'",
        ],
        [{ ...tsPath, id: 'Not An Id' }, 'id must be lowercase'],
        [
          { ...tsPath, title: "<script>alert('x')</script>".repeat(20) },
          'title must be at most 200',
        ],
      ] as const;
      for (const [body, message] of bad) {
        const res = await request(server)
          .post(BASE)
          .set('Authorization', as(ADA))
          .send(body);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain(message);
      }
      const unknownField = await request(server)
        .post(BASE)
        .set('Authorization', as(ADA))
        .send({ ...tsPath, colour: 'red' });
      expect(unknownField.status).toBe(400);
      const list = await request(server)
        .get(BASE)
        .set('Authorization', as(ADA));
      expect(list.body.items).toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'creates a campaign, evaluates its cohort at once and refuses the same id twice, %p',
    async databaseId => {
      const { server } = await startBackend(databaseId);
      const created = await request(server)
        .post(BASE)
        .set('Authorization', as(ADA))
        .send(tsPath);
      expect(created.status).toBe(201);
      // Eight services; only checkout is on ts-service 1.2.0.
      expect(created.body).toMatchObject({
        id: 'ts-path',
        source: 'api',
        state: 'running',
        createdBy: ADA,
        goalText: 'On the golden path ts-service at version 1.2.0 or later',
        progress: { cohort: 8, met: 1, open: 7, exempt: 0, percent: 12.5 },
        baseline: { cohort: 8, met: 1, exempt: 0 },
      });
      const again = await request(server)
        .post(BASE)
        .set('Authorization', as(ADA))
        .send(tsPath);
      expect(again.status).toBe(409);

      const items = await request(server)
        .get(`${BASE}/ts-path/items`)
        .set('Authorization', as(MALLORY));
      expect(items.body.totalCount).toBe(7);
      expect(
        items.body.items.find(
          (i: any) => i.entityRef === 'component:default/ledger',
        ),
      ).toEqual({
        entityRef: 'component:default/ledger',
        ownerRef: 'group:default/payments-core',
        state: 'open',
        reason: 'On ts-service 1.0.0; 1.2.0 or later needed',
      });
      const met = await request(server)
        .get(`${BASE}/ts-path/items`)
        .query({ state: 'met' })
        .set('Authorization', as(MALLORY));
      expect(met.body.items.map((i: any) => i.entityRef)).toEqual([
        'component:default/checkout',
      ]);
      expect(met.body.items[0].metAt).toBeDefined();
      const ofTeam = await request(server)
        .get(`${BASE}/ts-path/items`)
        .query({ state: 'all', groupRef: 'group:default/payments-core' })
        .set('Authorization', as(MALLORY));
      expect(ofTeam.body.items.map((i: any) => i.entityRef)).toEqual([
        'component:default/handmade',
        'component:default/ledger',
        'component:default/refunds',
      ]);

      const progress = await request(server)
        .get(`${BASE}/ts-path/progress`)
        .set('Authorization', as(ADA));
      expect(progress.status).toBe(200);
      const today = new Date().toISOString().slice(0, 10);
      expect(progress.body.days).toEqual([
        { day: today, cohort: 8, met: 1, exempt: 0 },
      ]);
      expect(progress.body.ideal).toEqual([
        { day: '2026-01-01', met: 1 },
        { day: '2099-01-01', met: 8 },
      ]);
      expect(progress.body.projection).toMatchObject({
        confidence: 'low',
        onTrack: false,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'breaks progress down along the group hierarchy, %p',
    async databaseId => {
      const { server } = await startBackend(databaseId);
      await request(server)
        .post(BASE)
        .set('Authorization', as(ADA))
        .send(tsPath);
      const res = await request(server)
        .get(`${BASE}/ts-path/teams`)
        .set('Authorization', as(ADA));
      expect(res.status).toBe(200);
      const team = (ref: string) =>
        res.body.teams.find((t: any) => t.groupRef === ref);
      expect(team('group:default/engineering')).toMatchObject({
        cohort: 8,
        met: 1,
        own: { cohort: 0 },
      });
      expect(team('group:default/payments')).toMatchObject({
        parentRef: 'group:default/engineering',
        cohort: 6,
        met: 1,
        own: { cohort: 3, met: 1 },
      });
      expect(team('group:default/payments-core')).toMatchObject({
        parentRef: 'group:default/payments',
        cohort: 3,
        met: 0,
      });
      expect(team('group:default/platform')).toMatchObject({ cohort: 2 });
    },
  );

  it.each(databases.eachSupportedId())(
    'shows a caller only what the catalog lets them see, and withholds the burn-up, %p',
    async databaseId => {
      const { server } = await startBackend(databaseId);
      await request(server)
        .post(BASE)
        .set('Authorization', as(ADA))
        .send(tsPath);
      const campaign = await request(server)
        .get(`${BASE}/ts-path`)
        .set('Authorization', as(EVE));
      // checkout (the one met) is hidden from Eve.
      expect(campaign.body.progress).toEqual({
        cohort: 7,
        met: 0,
        open: 7,
        exempt: 0,
        percent: 0,
      });
      const list = await request(server)
        .get(BASE)
        .set('Authorization', as(EVE));
      expect(list.body.items[0].progress.cohort).toBe(7);

      const items = await request(server)
        .get(`${BASE}/ts-path/items`)
        .query({ state: 'all' })
        .set('Authorization', as(EVE));
      expect(items.body.items.map((i: any) => i.entityRef)).not.toContain(
        'component:default/checkout',
      );
      expect(items.body.totalCount).toBe(7);

      const progress = await request(server)
        .get(`${BASE}/ts-path/progress`)
        .set('Authorization', as(EVE));
      expect(progress.body.days).toEqual([]);
      expect(progress.body.withheld).toMatch(/may not see/);
      expect(progress.body).not.toHaveProperty('projection');

      const teams = await request(server)
        .get(`${BASE}/ts-path/teams`)
        .set('Authorization', as(EVE));
      const refs = teams.body.teams.map((t: any) => t.groupRef);
      expect(refs).not.toContain('group:default/payments-core');
      expect(
        teams.body.teams.find(
          (t: any) => t.groupRef === 'group:default/payments',
        ),
      ).toMatchObject({ cohort: 5, met: 0 });

      const hiddenTeam = await request(server)
        .get(`${BASE}/ts-path/items`)
        .query({ groupRef: 'group:default/payments-core' })
        .set('Authorization', as(EVE));
      expect(hiddenTeam.status).toBe(404);

      const hiddenEntity = await request(server)
        .get(`${BASE}/memberships`)
        .query({ entityRef: 'component:default/checkout' })
        .set('Authorization', as(EVE));
      expect(hiddenEntity.body).toEqual({ items: [] });
      const hiddenGroup = await request(server)
        .get(`${BASE}/memberships`)
        .query({ groupRef: 'group:default/payments-core' })
        .set('Authorization', as(EVE));
      expect(hiddenGroup.body).toEqual({ items: [] });

      // The metric follows the burn-up: none for Eve, a value for Ada.
      const series = (user: string) =>
        request(server)
          .get('/api/flywheel/metrics/campaigns.ts-path.progress/series')
          .query({ window: '4w', interval: 'week' })
          .set('Authorization', as(user));
      const adas = await series(ADA);
      expect(adas.status).toBe(200);
      expect(adas.body.points[adas.body.points.length - 1].value).toBe(12.5);
      const eves = await series(EVE);
      expect(eves.body.points.every((p: any) => p.value === null)).toBe(true);
    },
  );

  it.each(databases.eachSupportedId())(
    'publishes progress to the metric registry, where a maturity criterion reads it, %p',
    async databaseId => {
      const { server } = await startBackend(databaseId);
      const criterion = async () => {
        const res = await request(server)
          .get(
            '/api/flywheel/maturity/capabilities/resource/default/golden-paths',
          )
          .set('Authorization', as(ADA));
        expect(res.status).toBe(200);
        return res.body.criteria.find(
          (c: { id: string }) => c.id === 'cohort-onboarded',
        );
      };
      // No campaign yet: nothing to read, so unknown, never met.
      expect((await criterion()).status).toBe('unknown');
      await request(server)
        .post(BASE)
        .set('Authorization', as(ADA))
        .send(tsPath);
      expect(await criterion()).toMatchObject({
        status: 'met',
        value: 12.5,
        metric: { id: 'campaigns.ts-path.progress', unit: 'percent' },
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'lists the campaigns of an entity and of a team, %p',
    async databaseId => {
      const { server } = await startBackend(databaseId);
      await request(server)
        .post(BASE)
        .set('Authorization', as(ADA))
        .send(tsPath);
      const ofEntity = await request(server)
        .get(`${BASE}/memberships`)
        .query({ entityRef: 'component:default/ledger' })
        .set('Authorization', as(PAT));
      expect(ofEntity.body.items).toHaveLength(1);
      expect(ofEntity.body.items[0]).toMatchObject({
        campaign: { id: 'ts-path' },
        item: { state: 'open', entityRef: 'component:default/ledger' },
      });
      const ofTeam = await request(server)
        .get(`${BASE}/memberships`)
        .query({ groupRef: 'group:default/payments' })
        .set('Authorization', as(PAT));
      expect(ofTeam.body.items[0].team).toEqual({
        cohort: 6,
        met: 1,
        open: 5,
        exempt: 0,
        percent: 16.7,
      });
      const both = await request(server)
        .get(`${BASE}/memberships`)
        .query({
          entityRef: 'component:default/ledger',
          groupRef: 'group:default/payments',
        })
        .set('Authorization', as(PAT));
      expect(both.status).toBe(400);
    },
  );

  it.each(databases.eachSupportedId())(
    'follows scorecard evaluation: an approved exemption makes the item exempt, %p',
    async databaseId => {
      const { server } = await startBackend(databaseId);
      const created = await request(server)
        .post(BASE)
        .set('Authorization', as(ADA))
        .send({
          ...tsPath,
          id: 'golden-check',
          goal: { type: 'check', scorecardId: 'ops', checkId: 'golden' },
        });
      expect(created.status).toBe(201);
      const before = created.body.progress;
      const handmade = async () =>
        (
          await request(server)
            .get(`${BASE}/memberships`)
            .query({ entityRef: 'component:default/handmade' })
            .set('Authorization', as(PAT))
        ).body.items[0].item;
      expect((await handmade()).state).toBe('open');

      const requested = await request(server)
        .post('/api/flywheel/scorecards/exemptions')
        .set('Authorization', as(MALLORY))
        .send({
          entityRef: 'component:default/handmade',
          scorecardId: 'ops',
          checkId: 'golden',
          justification: 'A one-off tool that will be retired next quarter',
          expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        });
      expect(requested.status).toBe(201);
      const approved = await request(server)
        .post(
          `/api/flywheel/scorecards/exemptions/${requested.body.id}/decision`,
        )
        .set('Authorization', as(PAT))
        .send({ decision: 'approved' });
      expect(approved.status).toBe(200);

      expect(await handmade()).toMatchObject({
        state: 'exempt',
        reason: expect.stringMatching(/^Exempt: /),
      });
      const after = await request(server)
        .get(`${BASE}/golden-check`)
        .set('Authorization', as(ADA));
      expect(after.body.progress.exempt).toBe(before.exempt + 1);
      expect(after.body.progress.open).toBe(before.open - 1);
    },
  );

  it.each(databases.eachSupportedId())(
    'closes a campaign once, keeps it readable and stops updating it, %p',
    async databaseId => {
      const { server } = await startBackend(databaseId);
      await request(server)
        .post(BASE)
        .set('Authorization', as(ADA))
        .send(tsPath);
      const denied = await request(server)
        .post(`${BASE}/ts-path/close`)
        .set('Authorization', as(MALLORY))
        .send({});
      expect(denied.status).toBe(403);
      const badNote = await request(server)
        .post(`${BASE}/ts-path/close`)
        .set('Authorization', as(ADA))
        .send({ note: 7 });
      expect(badNote.status).toBe(400);
      const closed = await request(server)
        .post(`${BASE}/ts-path/close`)
        .set('Authorization', as(ADA))
        .send({ note: 'Moved into the Q1 plan' });
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({
        state: 'closed',
        closedBy: ADA,
        closeNote: 'Moved into the Q1 plan',
        progress: { cohort: 8, met: 1 },
      });
      const twice = await request(server)
        .post(`${BASE}/ts-path/close`)
        .set('Authorization', as(ADA))
        .send({});
      expect(twice.status).toBe(400);
      const open = await request(server)
        .get(BASE)
        .query({ state: 'open' })
        .set('Authorization', as(ADA));
      expect(open.body.items).toEqual([]);
      const progress = await request(server)
        .get(`${BASE}/ts-path/progress`)
        .set('Authorization', as(ADA));
      expect(progress.body.days).toHaveLength(1);
      expect(progress.body).not.toHaveProperty('projection');
      const missing = await request(server)
        .get(`${BASE}/nope`)
        .set('Authorization', as(ADA));
      expect(missing.status).toBe(404);
    },
  );
});
