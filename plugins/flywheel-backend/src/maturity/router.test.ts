import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { notificationService } from '@backstage/plugin-notifications-node';
import request from 'supertest';
import { flywheelPlugin } from '../plugin';
import { userRefOf } from '../permissions/principals';
import { catalogHidingEntities } from '../__testUtils__/catalogViews';
import { testEntities } from '../__testUtils__/testCatalog';

jest.setTimeout(60_000);

const ADA = 'user:default/ada'; // platform: owns the capability
const MALLORY = 'user:default/mallory'; // payments: not an owner
const EVE = 'user:default/eve'; // may not see the capability
const CAP = 'resource:default/ci-pipelines';
const BASE = '/api/flywheel/maturity';
const CAP_PATH = `${BASE}/capabilities/resource/default/ci-pipelines`;
const as = (user: string) => mockCredentials.user.header(user);
const CI = mockCredentials.service.header();

const capability: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'ci-pipelines',
    title: 'CI pipelines',
    tags: ['capability'],
    annotations: { 'flywheel.dev/teams': 'group:default/payments' },
  },
  spec: { type: 'ci-platform', owner: 'group:default/platform' },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/platform' }],
};

const model = {
  id: 'test-stages',
  version: 1,
  title: 'Test stages',
  stages: [
    {
      id: 'mvp',
      title: 'MVP',
      criteria: [
        { type: 'manual', id: 'paths-defined', title: 'Golden paths defined' },
        {
          type: 'metric',
          id: 'deploys',
          title: 'A team deploys twice in 4 weeks',
          metric: 'valueStream.deployments',
          scope: 'teams',
          window: '4w',
          comparator: '>=',
          threshold: 2,
          minSampleSize: 1,
        },
      ],
    },
    {
      id: 'prp',
      title: 'Production readiness',
      criteria: [
        {
          type: 'manual',
          id: 'every-env',
          title: 'Every environment',
          required: false,
        },
      ],
    },
    { id: 'scale', title: 'Adoption & Scaling', criteria: [] },
  ],
};

async function startBackend(options: { deny?: boolean } = {}) {
  const send = jest.fn(async () => {});
  const { server } = await startTestBackend({
    features: [
      flywheelPlugin,
      ...catalogHidingEntities(
        [...testEntities, capability],
        { [EVE]: [CAP] },
        { deny: options.deny },
      ),
      mockServices.userInfo.mock({
        async getUserInfo(credentials) {
          const user = userRefOf(credentials)!;
          const team =
            user === ADA ? 'group:default/platform' : 'group:default/payments';
          return { userEntityRef: user, ownershipEntityRefs: [user, team] };
        },
      }).factory,
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({ send }),
      }),
      mockServices.rootConfig.factory({
        data: { flywheel: { maturity: { models: [model] } } },
      }),
    ],
  });
  return { server, send };
}

const criterion = (body: any, id: string) =>
  body.criteria.find((c: { id: string }) => c.id === id);

describe('maturity API', () => {
  it('needs credentials and the read permission', async () => {
    const { server } = await startBackend();
    const anonymous = await request(server)
      .get(`${BASE}/capabilities`)
      .set('Authorization', mockCredentials.none.header());
    expect(anonymous.status).toBe(401);
    const denied = await startBackend({ deny: true });
    const res = await request(denied.server)
      .get(`${BASE}/capabilities`)
      .set('Authorization', as(ADA));
    expect(res.status).toBe(403);
  });

  it('shows a capability in its first stage with live criteria and blockers', async () => {
    const { server } = await startBackend();
    const res = await request(server)
      .get(`${BASE}/capabilities`)
      .set('Authorization', as(ADA));
    expect(res.status).toBe(200);
    expect(res.body.stages.map((s: { id: string }) => s.id)).toEqual([
      'mvp',
      'prp',
      'scale',
    ]);
    const [cap] = res.body.items;
    expect(cap).toMatchObject({
      entityRef: CAP,
      title: 'CI pipelines',
      owners: ['group:default/platform'],
      model: { id: 'test-stages', version: 1 },
      stage: { id: 'mvp', index: 0 },
      next: { id: 'prp' },
      progress: { met: 0, total: 2 },
      blockers: ['Golden paths defined', 'A team deploys twice in 4 weeks'],
    });
    expect(criterion(cap, 'paths-defined')).toMatchObject({
      status: 'unmet',
      reason: 'Not attested yet',
    });
    // No deployments yet: unknown, never met.
    expect(criterion(cap, 'deploys')).toMatchObject({
      status: 'unknown',
      scope: [{ kind: 'group', ref: 'group:default/payments' }],
      link: expect.stringContaining(
        '/flywheel/metrics?metric=valueStream.deployments',
      ),
    });
  });

  it('hides a capability the catalog hides, in every route', async () => {
    const { server } = await startBackend();
    const list = await request(server)
      .get(`${BASE}/capabilities`)
      .set('Authorization', as(EVE));
    expect(list.body.items).toEqual([]);
    for (const path of [CAP_PATH, `${CAP_PATH}/history`]) {
      const res = await request(server).get(path).set('Authorization', as(EVE));
      expect(res.status).toBe(404);
    }
    const move = await request(server)
      .post(`${CAP_PATH}/transitions`)
      .set('Authorization', as(EVE))
      .send({ toStage: 'prp', rationale: 'x', overrideReason: 'y' });
    expect(move.status).toBe(404);
    const history = await request(server)
      .get(`${BASE}/history`)
      .set('Authorization', as(ADA));
    expect(history.body.items).toEqual([]);
  });

  it('attests a manual criterion with evidence; refuses bad input and non-owners, storing nothing', async () => {
    const { server } = await startBackend();
    const attest = (user: string, body: object) =>
      request(server)
        .post(`${CAP_PATH}/attestations`)
        .set('Authorization', as(user))
        .send(body);
    const good = {
      stageId: 'mvp',
      criterionId: 'paths-defined',
      evidenceUrl: 'https://wiki.example/golden-paths',
      note: 'Reviewed with payments',
    };
    for (const [body, message] of [
      [{ ...good, evidenceUrl: `javascript${':'}alert(1)` }, /http\(s\) URL/],
      [{ ...good, note: '   ' }, /note must not be empty/],
      [{ ...good, criterionId: 'deploys' }, /cannot be attested; waive it/],
      [
        { ...good, criterionId: 'nope' },
        /criterionId must be a criterion of MVP/,
      ],
      [{ ...good, stageId: 'nope' }, /stageId must be a stage/],
      [{ ...good, expiresAt: '2001-01-01' }, /expiresAt must be in the future/],
      [{ ...good, extra: 1 }, /./],
    ] as const) {
      const res = await attest(ADA, body);
      expect([res.status, res.body.error.message]).toEqual([
        400,
        expect.stringMatching(message),
      ]);
    }
    const notOwner = await attest(MALLORY, good);
    expect(notOwner.status).toBe(403);
    expect(notOwner.body.error.message).toMatch(
      /Only the owners of resource:default\/ci-pipelines/,
    );
    const service = await request(server)
      .post(`${CAP_PATH}/attestations`)
      .set('Authorization', CI)
      .send(good);
    expect(service.status).toBe(403);

    let detail = await request(server)
      .get(CAP_PATH)
      .set('Authorization', as(ADA));
    expect(detail.body.attestations).toEqual([]);
    expect(detail.body.allowed).toEqual({ transition: true, attest: true });

    const ok = await attest(ADA, good);
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ kind: 'attestation', by: ADA });
    detail = await request(server).get(CAP_PATH).set('Authorization', as(ADA));
    expect(criterion(detail.body, 'paths-defined')).toMatchObject({
      status: 'met',
      link: 'https://wiki.example/golden-paths',
      attestation: { by: ADA, note: 'Reviewed with payments' },
    });
    const mallorySees = await request(server)
      .get(CAP_PATH)
      .set('Authorization', as(MALLORY));
    expect(mallorySees.body.allowed).toEqual({
      transition: false,
      attest: false,
    });
  });

  it('refuses a promotion with an unmet criterion, records an override, and lists both in history and CSV', async () => {
    const { server, send } = await startBackend();
    const move = (body: object, user = ADA) =>
      request(server)
        .post(`${CAP_PATH}/transitions`)
        .set('Authorization', as(user))
        .send(body);

    const refused = await move({
      toStage: 'prp',
      rationale: 'Ready, we think',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(
      /Golden paths defined \(unmet: Not attested yet\).*overrideReason/,
    );
    expect(
      (await move({ toStage: 'scale', rationale: 'skip', overrideReason: 'x' }))
        .status,
    ).toBe(400);
    expect((await move({ toStage: 'mvp', rationale: 'same' })).status).toBe(
      400,
    );
    expect((await move({ toStage: 'prp', rationale: '' })).status).toBe(400);
    expect(
      (
        await move(
          { toStage: 'prp', rationale: 'r', overrideReason: 'o' },
          MALLORY,
        )
      ).status,
    ).toBe(403);
    let history = await request(server)
      .get(`${CAP_PATH}/history`)
      .set('Authorization', as(ADA));
    expect(history.body.items).toEqual([]);
    expect(send).not.toHaveBeenCalled();

    const promoted = await move({
      toStage: 'prp',
      rationale: 'Payments runs on it daily',
      overrideReason: 'Leadership asked for the move before the data is in',
    });
    expect(promoted.status).toBe(201);
    expect(promoted.body).toMatchObject({
      capabilityRef: CAP,
      modelId: 'test-stages',
      modelVersion: 1,
      from: { id: 'mvp', title: 'MVP' },
      to: { id: 'prp', title: 'Production readiness' },
      direction: 'promotion',
      by: ADA,
      overrideReason: 'Leadership asked for the move before the data is in',
    });
    // The criteria of that moment are frozen with the transition.
    expect(
      promoted.body.criteria.map((c: { id: string; status: string }) => [
        c.id,
        c.status,
      ]),
    ).toEqual([
      ['paths-defined', 'unmet'],
      ['deploys', 'unknown'],
    ]);
    expect(send).toHaveBeenCalledWith(
      expect.objectContaining({
        recipients: { type: 'entity', entityRef: ['group:default/platform'] },
        payload: expect.objectContaining({
          title: 'CI pipelines promoted to Production readiness',
          link: '/flywheel/maturity/resource/default/ci-pipelines',
        }),
      }),
    );

    // prp's only criterion is optional: promotion needs no override.
    const next = await move({
      toStage: 'scale',
      rationale: 'Everyone is on it',
    });
    expect([next.status, next.body.overrideReason]).toEqual([201, undefined]);
    const back = await move({
      toStage: 'mvp',
      rationale: 'Outage; re-validate',
    });
    expect([back.status, back.body.direction]).toEqual([201, 'demotion']);

    history = await request(server)
      .get(`${BASE}/history`)
      .set('Authorization', as(ADA));
    expect(
      history.body.items.map((t: any) => [
        t.to.id,
        t.direction,
        t.overrideReason,
      ]),
    ).toEqual([
      ['mvp', 'demotion', undefined],
      ['scale', 'promotion', undefined],
      [
        'prp',
        'promotion',
        'Leadership asked for the move before the data is in',
      ],
    ]);
    const csv = await request(server)
      .get(`${CAP_PATH}/history?format=csv`)
      .set('Authorization', as(ADA));
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text.split(/\r?\n/)[0]).toBe(
      'at,capability,model,modelVersion,direction,from,to,by,rationale,overrideReason,criteria',
    );
    expect(csv.text).toContain(
      'Leadership asked for the move before the data is in',
    );
    expect(csv.text).toContain('Golden paths defined: unmet');

    const list = await request(server)
      .get(`${BASE}/capabilities`)
      .set('Authorization', as(ADA));
    expect(list.body.items[0].stage.id).toBe('mvp');
    expect(list.body.items[0].since).toBe(back.body.at);
  });

  it('turns a metric criterion met when the data moves, and a waiver lets a promotion through', async () => {
    const { server } = await startBackend();
    const deploys = async () => {
      const res = await request(server)
        .get(CAP_PATH)
        .set('Authorization', as(ADA));
      return criterion(res.body, 'deploys');
    };
    expect((await deploys()).status).toBe('unknown');

    const day = (n: number) =>
      new Date(Date.now() - n * 86_400_000).toISOString();
    const ingest = await request(server)
      .post('/api/flywheel/deployments')
      .set('Authorization', CI)
      .send({
        deployments: [3, 2].map(n => ({
          id: `checkout-${n}`,
          entityRef: 'component:default/checkout',
          startedDate: day(n),
          finishedDate: day(n),
        })),
      });
    expect(ingest.status).toBe(200);
    // The facts catch up with the data version within a second.
    let status = await deploys();
    for (let i = 0; i < 50 && status.status !== 'met'; i++) {
      await new Promise(r => setTimeout(r, 100));
      status = await deploys();
    }
    expect(status).toMatchObject({
      status: 'met',
      value: 2,
      reason: expect.stringMatching(/^2 \(over 4w, \d+ samples\) meets >= 2$/),
    });

    const waive = await request(server)
      .post(`${CAP_PATH}/waivers`)
      .set('Authorization', as(ADA))
      .send({
        stageId: 'mvp',
        criterionId: 'paths-defined',
        reason: 'Infrastructure has no golden path',
      });
    expect(waive.status).toBe(201);
    const detail = await request(server)
      .get(CAP_PATH)
      .set('Authorization', as(ADA));
    expect(criterion(detail.body, 'paths-defined')).toMatchObject({
      status: 'waived',
      reason: `Waived by ${ADA}: Infrastructure has no golden path`,
    });
    expect(detail.body.blockers).toEqual([]);
    const promoted = await request(server)
      .post(`${CAP_PATH}/transitions`)
      .set('Authorization', as(ADA))
      .send({ toStage: 'prp', rationale: 'All exit criteria met' });
    expect([promoted.status, promoted.body.overrideReason]).toEqual([
      201,
      undefined,
    ]);
  });

  it('serves the outcomes with targets from the UI over config, checking input', async () => {
    const { server } = await startBackend();
    const outcomes = await request(server)
      .get(`${BASE}/outcomes?window=12w&interval=week`)
      .set('Authorization', as(ADA));
    expect(outcomes.status).toBe(200);
    expect(outcomes.body.items.map((o: any) => [o.family, o.key])).toEqual([
      ['satisfaction', 'surveys.*.nps'],
      ['satisfaction', 'surveys.*.csat'],
      ['usage', 'goldenPaths.adoption'],
      ['usage', 'usage.activeUsers'],
      ['valueStream', 'goldenPaths.creationTime.median'],
      ['valueStream', 'valueStream.timeToFirstDeploy.median'],
      ['valueStream', 'valueStream.leadTime.median'],
    ]);
    const nps = outcomes.body.items[0];
    expect(nps).toMatchObject({
      metric: null,
      hint: expect.stringMatching(/NPS question/),
    });
    const adoption = outcomes.body.items[2];
    expect(adoption.metric.id).toBe('goldenPaths.adoption');
    expect(adoption.points).toHaveLength(outcomes.body.items[3].points.length);

    const target = (key: string, body: unknown, user = ADA) =>
      request(server)
        .put(`${BASE}/outcomes/targets/${encodeURIComponent(key)}`)
        .set('Authorization', as(user))
        .send(body as object);
    expect(
      (await target('goldenPaths.adoption', { value: 'high' })).status,
    ).toBe(400);
    expect((await target('goldenPaths.adoption', { value: 1e20 })).status).toBe(
      400,
    );
    expect((await target('nope.metric', { value: 1 })).status).toBe(404);
    const set = await target('goldenPaths.adoption', { value: 70 });
    expect(set.body).toMatchObject({ value: 70, source: 'ui', setBy: ADA });
    const after = await request(server)
      .get(`${BASE}/outcomes`)
      .set('Authorization', as(ADA));
    expect(after.body.items[2].target).toMatchObject({
      value: 70,
      source: 'ui',
    });
    const reset = await request(server)
      .delete(`${BASE}/outcomes/targets/goldenPaths.adoption`)
      .set('Authorization', as(ADA));
    expect(reset.status).toBe(204);
    const cleared = await request(server)
      .get(`${BASE}/outcomes`)
      .set('Authorization', as(ADA));
    expect(cleared.body.items[2].target).toBeNull();
  });

  it('places a capability that never moved in its current stage once, without a gate', async () => {
    const { server, send } = await startBackend();
    const move = (body: object) =>
      request(server)
        .post(`${CAP_PATH}/transitions`)
        .set('Authorization', as(ADA))
        .send(body);
    const placed = await move({
      toStage: 'scale',
      rationale: 'Tracking starts; it is at scale today',
      initial: true,
    });
    expect(placed.status).toBe(201);
    expect(placed.body).toMatchObject({
      from: null,
      to: { id: 'scale' },
      direction: 'initial',
      criteria: [],
    });
    expect(send).toHaveBeenCalledWith(
      expect.objectContaining({
        payload: expect.objectContaining({
          title: 'CI pipelines placed in Adoption & Scaling',
        }),
      }),
    );
    const again = await move({ toStage: 'mvp', rationale: 'x', initial: true });
    expect([again.status, again.body.error.message]).toEqual([
      409,
      'CI pipelines already has a history; promote or demote it instead',
    ]);
    const list = await request(server)
      .get(`${BASE}/capabilities`)
      .set('Authorization', as(ADA));
    expect(list.body.items[0].stage.id).toBe('scale');
  });

  it('lists the model versions', async () => {
    const { server } = await startBackend();
    const res = await request(server)
      .get(`${BASE}/models`)
      .set('Authorization', as(ADA));
    expect(res.body.items.map((m: any) => [m.id, m.version])).toEqual([
      ['test-stages', 1],
    ]);
  });
});
