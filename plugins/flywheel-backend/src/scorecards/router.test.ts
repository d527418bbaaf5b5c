import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { flywheelScorecardsExtensionPoint } from '@flywheel/plugin-flywheel-node';
import request from 'supertest';
import { testEntities } from '../__testUtils__/testCatalog';
import { flywheelPlugin } from '../plugin';
import { userInfoFactory } from './__testUtils__/testUtils';

jest.setTimeout(60_000);

/** A module that registers a fact provider, as an adopter's module would. */
const oncallFacts = createBackendModule({
  pluginId: 'flywheel',
  moduleId: 'test-oncall-facts',
  register(env) {
    env.registerInit({
      deps: { scorecards: flywheelScorecardsExtensionPoint },
      async init({ scorecards }) {
        scorecards.addFactProvider({
          id: 'oncall',
          async getFacts(entities) {
            return new Map(
              entities
                .filter(e => e.metadata.name !== 'handmade')
                .map(e => [
                  `component:default/${e.metadata.name}`,
                  { rotation: e.metadata.name !== 'ledger' },
                ]),
            );
          },
        });
      },
    });
  },
});

const scorecardConfig = {
  flywheel: {
    scorecardsDefault: false,
    scorecardEvaluation: {
      schedule: {
        frequency: { minutes: 30 },
        // No initial delay: the test scheduler runs it when the backend starts.
        timeout: { minutes: 1 },
      },
    },
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
          {
            id: 'oncall',
            title: 'On-call rotation',
            type: 'fact',
            provider: 'oncall',
            fact: 'rotation',
            level: 'gold',
            howToFix: 'Ask the on-call team for a rotation.',
            howToFixUrl: 'https://wiki.example/oncall',
          },
        ],
      },
    ],
  },
};

async function startBackend(
  options: { permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY } = {},
) {
  const { server } = await startTestBackend({
    features: [
      flywheelPlugin,
      oncallFacts,
      catalogServiceMock.factory({ entities: testEntities }),
      mockServices.rootConfig.factory({ data: scorecardConfig }),
      mockServices.permissions.factory({
        result: options.permission ?? AuthorizeResult.ALLOW,
      }),
      // pm is in the team that owns ledger: an owner decides its exemptions.
      userInfoFactory({ 'user:default/pm': ['group:default/payments-core'] }),
    ],
  });
  return server;
}

describe('scorecards over HTTP', () => {
  it('lists the configured scorecards with their checks', async () => {
    const server = await startBackend();
    const res = await request(server)
      .get('/api/flywheel/scorecards')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({
      id: 'ops',
      owner: 'group:default/platform',
      levels: [{ id: 'bronze' }, { id: 'silver' }, { id: 'gold' }],
    });
    expect(res.body.items[0].checks.map((c: any) => c.id)).toEqual([
      'owner',
      'golden',
      'oncall',
    ]);
    expect(res.body.items[0].checks[2]).toMatchObject({
      howToFix: 'Ask the on-call team for a rotation.',
      howToFixUrl: 'https://wiki.example/oncall',
    });
    expect(res.body.items[0].checks[0]).not.toHaveProperty('howToFixUrl');
  });

  it('evaluates an entity with facts from a provider module', async () => {
    const server = await startBackend();
    const res = await request(server)
      .get('/api/flywheel/scorecards/results')
      .query({ entityRef: 'component:default/checkout' })
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    expect(res.body.results).toHaveLength(1);
    expect(res.body.results[0]).toMatchObject({
      scorecardId: 'ops',
      level: 'gold',
      score: 100,
      ownerRef: 'group:default/payments',
    });

    const ledger = await request(server)
      .get('/api/flywheel/scorecards/results')
      .query({ entityRef: 'component:default/ledger' })
      .set('Authorization', mockCredentials.user.header());
    expect(ledger.body.results[0].level).toBe('silver');
    expect(
      ledger.body.results[0].checks.find((c: any) => c.checkId === 'oncall'),
    ).toMatchObject({ state: 'fail' });

    const handmade = await request(server)
      .get('/api/flywheel/scorecards/results')
      .query({ entityRef: 'component:default/handmade' })
      .set('Authorization', mockCredentials.user.header());
    // No fact for it: unknown, not failed; and no golden path.
    expect(handmade.body.results[0].level).toBe('bronze');
    expect(
      handmade.body.results[0].checks.find((c: any) => c.checkId === 'oncall'),
    ).toMatchObject({ state: 'unknown' });
  });

  it('rolls a team up over its sub-teams after the scheduled evaluation', async () => {
    const server = await startBackend();
    let rollup: any;
    for (let i = 0; i < 50; i++) {
      const res = await request(server)
        .get('/api/flywheel/scorecards/rollup')
        .query({ groupRef: 'group:default/payments', scorecardId: 'ops' })
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(200);
      rollup = res.body.rollups[0];
      if (rollup.entityCount > 0) {
        break;
      }
      await new Promise(resolve => setTimeout(resolve, 200));
    }
    // payments: checkout, pay-web, old-batch; payments-core: ledger, refunds, handmade.
    expect(rollup.entityCount).toBe(6);
    expect(rollup.subTeams.map((t: any) => t.groupRef)).toEqual([
      'group:default/payments-core',
    ]);
    expect(rollup.subTeams[0].entityCount).toBe(3);

    const board = await request(server)
      .get('/api/flywheel/scorecards/leaderboard')
      .query({ scorecardId: 'ops' })
      .set('Authorization', mockCredentials.user.header());
    expect(board.status).toBe(200);
    expect(board.body.items.map((i: any) => i.groupRef)).toContain(
      'group:default/engineering',
    );
    expect(
      board.body.items.find(
        (i: any) => i.groupRef === 'group:default/payments-core',
      ),
    ).toMatchObject({ parentRef: 'group:default/payments' });

    // Without a group: the whole catalog, at least the payments subtree.
    const catalog = await request(server)
      .get('/api/flywheel/scorecards/rollup')
      .query({ scorecardId: 'ops' })
      .set('Authorization', mockCredentials.user.header());
    expect(catalog.status).toBe(200);
    expect(catalog.body).not.toHaveProperty('groupRef');
    expect(catalog.body.rollups[0].entityCount).toBeGreaterThanOrEqual(6);
    expect(
      catalog.body.rollups[0].subTeams.map((t: any) => t.groupRef),
    ).not.toContain('group:default/payments-core');

    const csv = await request(server)
      .get('/api/flywheel/scorecards/entities')
      .query({
        scorecardId: 'ops',
        groupRef: 'group:default/payments-core',
        format: 'csv',
      })
      .set('Authorization', mockCredentials.user.header());
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text.split('\r\n').filter(Boolean)).toHaveLength(4);

    // Only the entities a check counts against; an unknown check is a 400.
    const failing = await request(server)
      .get('/api/flywheel/scorecards/entities')
      .query({ scorecardId: 'ops', failingCheck: 'oncall' })
      .set('Authorization', mockCredentials.user.header());
    expect(failing.status).toBe(200);
    const all = await request(server)
      .get('/api/flywheel/scorecards/entities')
      .query({ scorecardId: 'ops' })
      .set('Authorization', mockCredentials.user.header());
    expect(failing.body.totalCount).toBeGreaterThan(0);
    expect(failing.body.totalCount).toBeLessThan(all.body.totalCount);
    for (const item of failing.body.items) {
      const [result] = (
        await request(server)
          .get('/api/flywheel/scorecards/results')
          .query({ entityRef: item.entityRef })
          .set('Authorization', mockCredentials.user.header())
      ).body.results;
      expect(
        result.checks.find((c: any) => c.checkId === 'oncall').state,
      ).toMatch(/^(fail|warn|unknown)$/);
    }
    const unknown = await request(server)
      .get('/api/flywheel/scorecards/entities')
      .query({ scorecardId: 'ops', failingCheck: 'nope' })
      .set('Authorization', mockCredentials.user.header());
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(
      /failingCheck: scorecard 'ops' has no check 'nope'/,
    );
  });

  it('takes an exemption from request to approval and counts it at once', async () => {
    const server = await startBackend();
    const requested = await request(server)
      .post('/api/flywheel/scorecards/exemptions')
      .set('Authorization', mockCredentials.user.header('user:default/ada'))
      .send({
        entityRef: 'component:default/ledger',
        scorecardId: 'ops',
        checkId: 'oncall',
        justification: 'Batch job with no users at night; paged via payments.',
        expiresAt: new Date(Date.now() + 30 * 86400_000).toISOString(),
      });
    expect(requested.status).toBe(201);
    expect(requested.body).toMatchObject({
      status: 'pending',
      requestedBy: 'user:default/ada',
    });

    const decided = await request(server)
      .post(`/api/flywheel/scorecards/exemptions/${requested.body.id}/decision`)
      .set('Authorization', mockCredentials.user.header('user:default/pm'))
      .send({ decision: 'approved', note: 'ok for a quarter' });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({
      status: 'approved',
      decidedBy: 'user:default/pm',
    });

    const results = await request(server)
      .get('/api/flywheel/scorecards/results')
      .query({ entityRef: 'component:default/ledger' })
      .set('Authorization', mockCredentials.user.header());
    expect(results.body.results[0].level).toBe('gold');
    expect(
      results.body.results[0].checks.find((c: any) => c.checkId === 'oncall'),
    ).toMatchObject({ state: 'exempt' });

    const again = await request(server)
      .post(`/api/flywheel/scorecards/exemptions/${requested.body.id}/decision`)
      .set('Authorization', mockCredentials.user.header('user:default/pm'))
      .send({ decision: 'rejected', note: 'changed my mind' });
    expect(again.status).toBe(409);
  });

  it('needs a note to reject an exemption, and changes nothing without one', async () => {
    const server = await startBackend();
    const ask = (checkId: string) =>
      request(server)
        .post('/api/flywheel/scorecards/exemptions')
        .set('Authorization', mockCredentials.user.header('user:default/ada'))
        .send({
          entityRef: 'component:default/ledger',
          scorecardId: 'ops',
          checkId,
          justification:
            'Batch job with no users at night; paged via payments.',
          expiresAt: new Date(Date.now() + 30 * 86400_000).toISOString(),
        });
    const decide = (id: string, body: object) =>
      request(server)
        .post(`/api/flywheel/scorecards/exemptions/${id}/decision`)
        .set('Authorization', mockCredentials.user.header('user:default/pm'))
        .send(body);

    const requested = await ask('oncall');
    expect(requested.status).toBe(201);
    const { id } = requested.body;

    for (const body of [
      { decision: 'rejected' },
      { decision: 'rejected', note: '' },
      { decision: 'rejected', note: '  \n ' },
    ]) {
      const res = await decide(id, body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe(
        'A rejection needs a note saying why, so the requester knows what to do instead; note is missing or blank',
      );
    }
    const unchanged = await request(server)
      .get('/api/flywheel/scorecards/exemptions')
      .query({ entityRef: 'component:default/ledger' })
      .set('Authorization', mockCredentials.user.header());
    expect(unchanged.body.items).toHaveLength(1);
    expect(unchanged.body.items[0]).toMatchObject({ id, status: 'pending' });
    expect(unchanged.body.items[0]).not.toHaveProperty('decidedBy');
    expect(unchanged.body.items[0]).not.toHaveProperty('decisionNote');

    const rejected = await decide(id, {
      decision: 'rejected',
      note: '  Set up the rotation in PagerDuty instead.  ',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      decidedBy: 'user:default/pm',
      decisionNote: 'Set up the rotation in PagerDuty instead.',
    });

    // An approval may omit the note.
    const other = await ask('golden');
    const approved = await decide(other.body.id, { decision: 'approved' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      decidedBy: 'user:default/pm',
    });
    expect(approved.body).not.toHaveProperty('decisionNote');
  });

  it('rejects bad input with a clear 4xx and stores nothing', async () => {
    const server = await startBackend();
    const auth = mockCredentials.user.header();
    const bad = [
      request(server)
        .get('/api/flywheel/scorecards/results')
        .query({ entityRef: 'not a ref' })
        .set('Authorization', auth),
      request(server)
        .get('/api/flywheel/scorecards/rollup')
        .query({ groupRef: 'component:default/checkout' })
        .set('Authorization', auth),
      request(server)
        .post('/api/flywheel/scorecards/exemptions')
        .set('Authorization', auth)
        .send({
          entityRef: 'component:default/ledger',
          scorecardId: 'ops',
          checkId: 'nope',
          justification: 'A good reason to skip it.',
          expiresAt: new Date(Date.now() + 86400_000).toISOString(),
        }),
      request(server)
        .post('/api/flywheel/scorecards/exemptions')
        .set('Authorization', auth)
        .send({
          entityRef: 'component:default/ledger',
          scorecardId: 'ops',
          checkId: 'oncall',
          justification: 'A good reason to skip it.',
          expiresAt: '2020-01-01T00:00:00Z',
        }),
    ];
    for (const res of await Promise.all(bad)) {
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBeTruthy();
    }
    const unknown = await request(server)
      .get('/api/flywheel/scorecards/leaderboard')
      .query({ scorecardId: 'missing' })
      .set('Authorization', auth);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/No scorecard 'missing'/);

    const list = await request(server)
      .get('/api/flywheel/scorecards/exemptions')
      .set('Authorization', auth);
    expect(list.body.items).toEqual([]);
  });

  it('requires credentials and permissions', async () => {
    const open = await startBackend();
    const none = await request(open)
      .get('/api/flywheel/scorecards')
      .set('Authorization', mockCredentials.none.header());
    expect(none.status).toBe(401);

    const denied = await startBackend({ permission: AuthorizeResult.DENY });
    for (const res of [
      await request(denied)
        .get('/api/flywheel/scorecards')
        .set('Authorization', mockCredentials.user.header()),
      await request(denied)
        .post('/api/flywheel/scorecards/refresh')
        .set('Authorization', mockCredentials.user.header())
        .send({ entityRef: 'component:default/checkout' }),
    ]) {
      expect(res.status).toBe(403);
    }
    // Exemptions record who asked: service callers cannot request them.
    const service = await request(open)
      .post('/api/flywheel/scorecards/exemptions')
      .set('Authorization', mockCredentials.service.header())
      .send({
        entityRef: 'component:default/ledger',
        scorecardId: 'ops',
        checkId: 'oncall',
        justification: 'A good reason to skip it.',
        expiresAt: new Date(Date.now() + 86400_000).toISOString(),
      });
    expect(service.status).toBe(403);
  });
});
