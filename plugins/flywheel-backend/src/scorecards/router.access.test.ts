import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  AuthorizeResult,
  isPermission,
  Permission,
} from '@backstage/plugin-permission-common';
import { flywheelExemptionDecidePermission } from '@flywheel/plugin-flywheel-common';
import request from 'supertest';
import { catalogReadPolicy } from '../__testUtils__/catalogViews';
import { testEntities } from '../__testUtils__/testCatalog';
import { flywheelPlugin } from '../plugin';
import {
  createExemptionConditionalDecision,
  exemptionConditions,
} from './exemptions/permissions';
import { HISTORY_WITHHELD } from './ScorecardService';
import {
  catalogFactory,
  catalogWithHiddenEntities,
  recordingNotifications,
  userInfoFactory,
} from './__testUtils__/testUtils';

jest.setTimeout(90_000);

const ALICE = 'user:default/alice'; // may not see ledger
const BOB = 'user:default/bob'; // sees everything
const CAROL = 'user:default/carol'; // payments-core, which owns ledger
const DAVE = 'user:default/dave'; // payments, the team above payments-core
const ERIN = 'user:default/erin'; // platform: no owner of ledger
const ADMIN = 'user:default/admin'; // no team; widened by a policy
const LEDGER = 'component:default/ledger';

const MEMBERSHIPS = {
  [CAROL]: ['group:default/payments-core'],
  [DAVE]: ['group:default/payments'],
  [ERIN]: ['group:default/platform'],
};

const config = {
  flywheel: {
    scorecardsDefault: false,
    scorecardEvaluation: {
      schedule: { frequency: { minutes: 30 }, timeout: { minutes: 1 } },
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
        ],
      },
    ],
  },
};

/**
 * A policy that widens and narrows who decides exemptions: the platform
 * admin (in no team) decides any of the ops scorecard except their own;
 * Dave, an owner, may not decide at all.
 */
const widened = (permission: Permission, user: string) => {
  if (!isPermission(permission, flywheelExemptionDecidePermission)) {
    return undefined;
  }
  if (user === ADMIN) {
    return createExemptionConditionalDecision(permission, {
      allOf: [
        exemptionConditions.isForScorecard({ scorecardIds: ['ops'] }),
        { not: exemptionConditions.isRequester({ claims: [ADMIN] }) },
      ],
    });
  }
  if (user === DAVE) {
    return { result: AuthorizeResult.DENY } as const;
  }
  return undefined;
};

async function startBackend(
  options: {
    hidden?: Record<string, string[]>;
    entities?: typeof testEntities;
    decide?: Parameters<typeof catalogReadPolicy>[1];
  } = {},
) {
  const hidden = options.hidden ?? { [ALICE]: [LEDGER] };
  const notifications = recordingNotifications();
  const { server } = await startTestBackend({
    features: [
      flywheelPlugin,
      catalogFactory(
        catalogWithHiddenEntities(options.entities ?? testEntities, hidden),
      ),
      mockServices.rootConfig.factory({ data: config }),
      catalogReadPolicy(hidden, options.decide),
      userInfoFactory(MEMBERSHIPS),
      notifications.factory,
    ],
  });
  const as = (user: string) => {
    const auth = mockCredentials.user.header(user);
    return {
      get: (path: string, query: object = {}) =>
        request(server)
          .get(`/api/flywheel${path}`)
          .query(query)
          .set('Authorization', auth),
      post: (path: string, body: object = {}) =>
        request(server)
          .post(`/api/flywheel${path}`)
          .send(body)
          .set('Authorization', auth),
    };
  };
  // The scheduled evaluation (and the snapshots after it) runs on start.
  for (let i = 0; i < 100; i++) {
    const res = await as(BOB).get('/scorecards/history', {
      scorecardId: 'ops',
      scope: 'scorecard',
    });
    if (res.body.points?.length > 0) {
      break;
    }
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  return { as, server, notifications: notifications.sent };
}

const withoutTimes = (body: any) =>
  JSON.parse(
    JSON.stringify(body, (key, value) =>
      key === 'evaluatedAt' ? undefined : value,
    ),
  );

const csvWithoutTimes = (csv: string) =>
  csv
    .trim()
    .split('\n')
    .map(line => line.split(',').slice(0, -1).join(','));

describe('scorecard reads honour catalog visibility', () => {
  it('gives a user nothing derived from an entity the catalog hides from them, and the full figures to others', async () => {
    const { as } = await startBackend();
    // What the reads would be if ledger did not exist at all.
    const reference = await startBackend({
      entities: testEntities.filter(e => stringifyEntityRef(e) !== LEDGER),
      hidden: {},
    });

    const reads: [string, object][] = [
      ['/scorecards/rollup', { scorecardId: 'ops' }],
      [
        '/scorecards/rollup',
        { scorecardId: 'ops', groupRef: 'group:default/payments' },
      ],
      [
        '/scorecards/rollup',
        { scorecardId: 'ops', groupRef: 'group:default/payments-core' },
      ],
      [
        '/scorecards/rollup',
        { scorecardId: 'ops', groupRef: 'group:default/engineering' },
      ],
      ['/scorecards/leaderboard', { scorecardId: 'ops' }],
      ['/scorecards/entities', { scorecardId: 'ops' }],
      ['/scorecards/entities', { scorecardId: 'ops', limit: 2, offset: 1 }],
      [
        '/scorecards/entities',
        { scorecardId: 'ops', groupRef: 'group:default/payments-core' },
      ],
      ['/scorecards/entities', { scorecardId: 'ops', failingCheck: 'golden' }],
    ];
    for (const [path, query] of reads) {
      const alice = await as(ALICE).get(path, query);
      expect(alice.status).toBe(200);
      expect(JSON.stringify(alice.body)).not.toMatch(/ledger/);
      expect(withoutTimes(alice.body)).toEqual(
        withoutTimes((await reference.as(BOB).get(path, query)).body),
      );
    }

    // Bob gets the full figures.
    const bobTeam = await as(BOB).get('/scorecards/rollup', {
      scorecardId: 'ops',
      groupRef: 'group:default/payments-core',
    });
    const aliceTeam = await as(ALICE).get('/scorecards/rollup', {
      scorecardId: 'ops',
      groupRef: 'group:default/payments-core',
    });
    expect(bobTeam.body.rollups[0].entityCount).toBe(3);
    expect(aliceTeam.body.rollups[0].entityCount).toBe(2);
    const bobList = await as(BOB).get('/scorecards/entities', {
      scorecardId: 'ops',
    });
    expect(bobList.body.items.map((i: any) => i.entityRef)).toContain(LEDGER);
    const aliceList = await as(ALICE).get('/scorecards/entities', {
      scorecardId: 'ops',
    });
    expect(aliceList.body.totalCount).toBe(bobList.body.totalCount - 1);

    // CSV export: the same rows as without ledger.
    const csv = { scorecardId: 'ops', format: 'csv' };
    const aliceCsv = await as(ALICE).get('/scorecards/entities', csv);
    expect(aliceCsv.status).toBe(200);
    expect(aliceCsv.text).not.toMatch(/ledger/);
    expect(csvWithoutTimes(aliceCsv.text)).toEqual(
      csvWithoutTimes(
        (await reference.as(BOB).get('/scorecards/entities', csv)).text,
      ),
    );
    expect((await as(BOB).get('/scorecards/entities', csv)).text).toMatch(
      /component:default\/ledger/,
    );

    // The entity itself is unknown to Alice.
    const result = await as(ALICE).get('/scorecards/results', {
      entityRef: LEDGER,
    });
    expect(result.status).toBe(404);
    expect(
      (await as(BOB).get('/scorecards/results', { entityRef: LEDGER })).status,
    ).toBe(200);
  });

  it('withholds stored series whose scope holds a hidden entity, with the reason', async () => {
    const { as } = await startBackend();
    const history = (user: string, scope: string, ref?: string) =>
      as(user).get('/scorecards/history', {
        scorecardId: 'ops',
        scope,
        ...(ref ? { ref } : {}),
      });

    for (const [scope, ref] of [
      ['scorecard', undefined],
      ['group', 'group:default/payments-core'],
      ['group', 'group:default/engineering'],
    ] as const) {
      const alice = await history(ALICE, scope, ref);
      expect(alice.status).toBe(200);
      expect(alice.body).toMatchObject({
        points: [],
        withheld: HISTORY_WITHHELD,
      });
      const bob = await history(BOB, scope, ref);
      expect(bob.body.points.length).toBe(1);
      expect(bob.body).not.toHaveProperty('withheld');
    }
    // A team without hidden entities keeps its series.
    const platform = await history(ALICE, 'group', 'group:default/platform');
    expect(platform.body.points).toHaveLength(1);
    expect(platform.body).not.toHaveProperty('withheld');
    // The hidden entity's own series: nothing, like an unknown entity.
    const ledger = await history(ALICE, 'entity', LEDGER);
    expect(ledger.body).toEqual({
      scorecardId: 'ops',
      scope: 'entity',
      ref: LEDGER,
      points: [],
    });
    expect((await history(BOB, 'entity', LEDGER)).body.points).toHaveLength(1);
  });

  it('lists no exemption of an entity hidden from the caller', async () => {
    const { as } = await startBackend();
    const requested = await as(CAROL).post('/scorecards/exemptions', {
      entityRef: LEDGER,
      scorecardId: 'ops',
      checkId: 'golden',
      justification: 'Predates the golden paths; migrating next quarter.',
      expiresAt: new Date(Date.now() + 30 * 86400_000).toISOString(),
    });
    expect(requested.status).toBe(201);

    for (const query of [
      {},
      { status: 'pending' },
      { entityRef: LEDGER },
      { groupRef: 'group:default/payments' },
      { scorecardId: 'ops' },
    ]) {
      const alice = await as(ALICE).get('/scorecards/exemptions', query);
      expect(alice.status).toBe(200);
      expect(alice.body.items).toEqual([]);
      const bob = await as(BOB).get('/scorecards/exemptions', query);
      expect(bob.body.items.map((e: any) => e.id)).toEqual([requested.body.id]);
    }
    // Nor can Alice request one for it, or decide it.
    expect(
      (
        await as(ALICE).post('/scorecards/exemptions', {
          entityRef: LEDGER,
          scorecardId: 'ops',
          checkId: 'owner',
          justification: 'Trying to learn whether it exists.',
          expiresAt: new Date(Date.now() + 30 * 86400_000).toISOString(),
        })
      ).status,
    ).toBe(404);
  });
});

describe('teams the catalog hides', () => {
  it('are answered like teams that do not exist, and named nowhere', async () => {
    const CORE = 'group:default/payments-core';
    const { as } = await startBackend({ hidden: { [ALICE]: [CORE] } });

    const payments = await as(ALICE).get('/scorecards/rollup', {
      scorecardId: 'ops',
      groupRef: 'group:default/payments',
    });
    // payments-core's entities are visible: they still count for payments.
    expect(payments.body.rollups[0].entityCount).toBe(6);
    expect(payments.body.rollups[0].subTeams).toEqual([]);
    const board = await as(ALICE).get('/scorecards/leaderboard', {
      scorecardId: 'ops',
    });
    expect(board.body.items.length).toBeGreaterThan(0);
    expect(JSON.stringify(board.body)).not.toMatch(/payments-core/);

    const core = await as(ALICE).get('/scorecards/rollup', {
      scorecardId: 'ops',
      groupRef: CORE,
    });
    const unknown = await as(ALICE).get('/scorecards/rollup', {
      scorecardId: 'ops',
      groupRef: 'group:default/no-such-team',
    });
    expect(core.status).toBe(200);
    expect(core.body.rollups).toEqual(unknown.body.rollups);
    const entities = await as(ALICE).get('/scorecards/entities', {
      scorecardId: 'ops',
      groupRef: CORE,
    });
    expect(entities.body).toEqual({ items: [], totalCount: 0 });
    const history = await as(ALICE).get('/scorecards/history', {
      scorecardId: 'ops',
      scope: 'group',
      ref: CORE,
    });
    expect(history.body.points).toEqual([]);
    expect(history.body).not.toHaveProperty('withheld');
    const exemptions = await as(ALICE).get('/scorecards/exemptions', {
      groupRef: CORE,
    });
    expect(exemptions.body.items).toEqual([]);

    // Bob sees the team.
    const bobBoard = await as(BOB).get('/scorecards/leaderboard', {
      scorecardId: 'ops',
    });
    expect(JSON.stringify(bobBoard.body)).toMatch(/payments-core/);
  });
});

describe('exemption decisions', () => {
  const ask = (as: any, user: string, checkId = 'golden') =>
    as(user).post('/scorecards/exemptions', {
      entityRef: LEDGER,
      scorecardId: 'ops',
      checkId,
      justification: 'Predates the golden paths; migrating next quarter.',
      expiresAt: new Date(Date.now() + 30 * 86400_000).toISOString(),
    });
  const listed = async (as: any, user: string, id: string) =>
    (
      await as(user).get('/scorecards/exemptions', { entityRef: LEDGER })
    ).body.items.find((e: any) => e.id === id);

  it('lets no requester decide their own request, and no one outside the owning teams', async () => {
    const { as } = await startBackend();
    const requested = await ask(as, CAROL);
    expect(requested.status).toBe(201);
    const { id } = requested.body;

    // Carol owns ledger, but asked: no.
    const own = await as(CAROL).post(`/scorecards/exemptions/${id}/decision`, {
      decision: 'approved',
    });
    expect(own.status).toBe(403);
    expect(own.body.error.message).toMatch(/You requested this exemption/);
    // Erin is in another team: no.
    for (const body of [
      { decision: 'approved' },
      { decision: 'rejected', note: 'Not on my watch.' },
    ]) {
      const other = await as(ERIN).post(
        `/scorecards/exemptions/${id}/decision`,
        body,
      );
      expect(other.status).toBe(403);
      expect(other.body.error.message).toMatch(/Only the owners of/);
    }
    expect(await listed(as, BOB, id)).toMatchObject({
      status: 'pending',
      canDecide: false,
    });
    expect(await listed(as, BOB, id)).not.toHaveProperty('decidedBy');
    const results = await as(BOB).get('/scorecards/results', {
      entityRef: LEDGER,
    });
    expect(
      results.body.results[0].checks.find((c: any) => c.checkId === 'golden')
        .state,
    ).not.toBe('exempt');

    // The API tells each caller whether they may decide, and why not.
    expect(await listed(as, CAROL, id)).toMatchObject({
      canDecide: false,
      cannotDecideReason: expect.stringMatching(/You requested this/),
    });
    expect(await listed(as, ERIN, id)).toMatchObject({ canDecide: false });
    expect(await listed(as, DAVE, id)).toMatchObject({ canDecide: true });
  });

  it('lets members of the owning team, or of a team above it, decide and revoke', async () => {
    const { as } = await startBackend();
    // Dave (payments, above payments-core) approves Carol's request.
    const first = await ask(as, CAROL);
    const approved = await as(DAVE).post(
      `/scorecards/exemptions/${first.body.id}/decision`,
      { decision: 'approved' },
    );
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      decidedBy: DAVE,
      canDecide: true,
    });
    // Erin may not revoke it; Carol, who asked, neither.
    for (const user of [ERIN, CAROL]) {
      expect(
        (await as(user).post(`/scorecards/exemptions/${first.body.id}/revoke`))
          .status,
      ).toBe(403);
    }
    expect(await listed(as, BOB, first.body.id)).toMatchObject({
      status: 'approved',
    });
    // Erin asks; Carol, in the owning team, rejects.
    const second = await ask(as, ERIN, 'owner');
    const rejected = await as(CAROL).post(
      `/scorecards/exemptions/${second.body.id}/decision`,
      { decision: 'rejected', note: 'It has an owner; fix the relation.' },
    );
    expect(rejected.status).toBe(200);
    const revoked = await as(DAVE).post(
      `/scorecards/exemptions/${first.body.id}/revoke`,
      { note: 'Migrated.' },
    );
    expect(revoked.status).toBe(200);
  });

  it('follows a policy that widens or narrows who decides', async () => {
    const { as } = await startBackend({ decide: widened });
    const requested = await ask(as, CAROL);
    const { id } = requested.body;
    // Dave is an owner, but the policy denies him.
    expect(await listed(as, DAVE, id)).toMatchObject({ canDecide: false });
    expect(
      (
        await as(DAVE).post(`/scorecards/exemptions/${id}/decision`, {
          decision: 'approved',
        })
      ).status,
    ).toBe(403);
    // The admin is in no team, and the policy's conditions let them.
    expect(await listed(as, ADMIN, id)).toMatchObject({ canDecide: true });
    const approved = await as(ADMIN).post(
      `/scorecards/exemptions/${id}/decision`,
      { decision: 'approved' },
    );
    expect(approved.status).toBe(200);
    // The admin's own request is excluded by the same conditions, and the
    // reason says so rather than blame the policy.
    const own = await ask(as, ADMIN, 'owner');
    expect(own.body).toMatchObject({
      canDecide: false,
      cannotDecideReason:
        'You requested this exemption; someone else decides on it',
    });
    const refused = await as(ADMIN).post(
      `/scorecards/exemptions/${own.body.id}/decision`,
      { decision: 'approved' },
    );
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/You requested this exemption/);
  });

  it('tells the requester and the owners of requests and decisions', async () => {
    const { as, notifications } = await startBackend();
    const requested = await ask(as, ERIN);
    const { id } = requested.body;
    const scope = `flywheel-exemption:${id}`;
    expect(notifications).toEqual([
      {
        recipients: {
          type: 'entity',
          entityRef: ['group:default/payments-core'],
          excludeEntityRef: [ERIN],
        },
        payload: expect.objectContaining({
          title: `Exemption requested: 'From a golden path' (Operational readiness) for ${LEDGER}`,
          description: expect.stringContaining(
            'Predates the golden paths; migrating next quarter.',
          ),
          link: '/catalog/default/component/ledger/scorecards?scorecard=ops',
          topic: 'flywheel-scorecard-exemptions',
          scope,
        }),
      },
      {
        recipients: { type: 'entity', entityRef: [ERIN] },
        payload: expect.objectContaining({
          description: expect.stringMatching(/waiting for an owner/),
          scope,
        }),
      },
    ]);

    notifications.length = 0;
    await as(CAROL).post(`/scorecards/exemptions/${id}/decision`, {
      decision: 'rejected',
      note: 'Use the golden path.',
    });
    expect(notifications).toEqual([
      {
        recipients: {
          type: 'entity',
          entityRef: [ERIN],
          excludeEntityRef: [CAROL],
        },
        payload: expect.objectContaining({
          title: `Exemption rejected: 'From a golden path' (Operational readiness) for ${LEDGER}`,
          description: `${CAROL} rejected the exemption: "Use the golden path."`,
          scope,
        }),
      },
      {
        recipients: {
          type: 'entity',
          entityRef: ['group:default/payments-core'],
          excludeEntityRef: [ERIN, CAROL],
        },
        payload: expect.objectContaining({ scope }),
      },
    ]);

    // A refused decision tells nobody anything.
    notifications.length = 0;
    const again = await ask(as, ERIN);
    notifications.length = 0;
    await as(ERIN).post(`/scorecards/exemptions/${again.body.id}/decision`, {
      decision: 'approved',
    });
    expect(notifications).toEqual([]);
  });

  it('lets the permission backend apply conditions to exemptions through the registered rules', async () => {
    const { as, server } = await startBackend();
    const requested = await ask(as, ERIN);
    const { id } = requested.body;
    const condition = (rule: string, params: object) => ({
      rule,
      resourceType: 'flywheel-scorecard-exemption',
      params,
    });
    const res = await request(server)
      .post('/api/flywheel/.well-known/backstage/permissions/apply-conditions')
      .set('Authorization', mockCredentials.service.header())
      .send({
        items: [
          {
            id: 'owner',
            resourceRef: id,
            resourceType: 'flywheel-scorecard-exemption',
            conditions: condition('IS_ENTITY_OWNER', {
              claims: ['group:default/payments'],
            }),
          },
          {
            id: 'not-owner',
            resourceRef: id,
            resourceType: 'flywheel-scorecard-exemption',
            conditions: condition('IS_ENTITY_OWNER', {
              claims: ['group:default/platform'],
            }),
          },
          {
            id: 'requester',
            resourceRef: id,
            resourceType: 'flywheel-scorecard-exemption',
            conditions: {
              not: condition('IS_REQUESTER', { claims: [ERIN] }),
            },
          },
          {
            id: 'missing',
            resourceRef: 'no-such-exemption',
            resourceType: 'flywheel-scorecard-exemption',
            conditions: condition('IS_FOR_SCORECARD', {
              scorecardIds: ['ops'],
            }),
          },
        ],
      });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { id: 'owner', result: AuthorizeResult.ALLOW },
      { id: 'not-owner', result: AuthorizeResult.DENY },
      { id: 'requester', result: AuthorizeResult.DENY },
      { id: 'missing', result: AuthorizeResult.DENY },
    ]);
  });
});
