import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { flywheelPlugin } from './plugin';
import { testEntities } from './__testUtils__/testCatalog';

jest.setTimeout(60_000);

async function startBackend(
  options: { permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY } = {},
) {
  const { server } = await startTestBackend({
    features: [
      flywheelPlugin,
      catalogServiceMock.factory({ entities: testEntities }),
      mockServices.permissions.factory({
        result: options.permission ?? AuthorizeResult.ALLOW,
      }),
    ],
  });
  return server;
}

describe('flywheel backend plugin over HTTP', () => {
  it('answers /health without credentials', async () => {
    const server = await startBackend();
    const res = await request(server).get('/api/flywheel/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('requires credentials everywhere else', async () => {
    const server = await startBackend();
    for (const path of [
      '/api/flywheel/golden-paths',
      '/api/flywheel/golden-paths/adoption?groupRef=group:default/payments',
      '/api/flywheel/golden-paths/provenance?entityRef=component:default/checkout',
    ]) {
      const res = await request(server)
        .get(path)
        .set('Authorization', mockCredentials.none.header());
      expect(res.status).toBe(401);
    }
    const post = await request(server)
      .post('/api/flywheel/golden-paths/runs')
      .set('Authorization', mockCredentials.none.header())
      .send({
        taskId: 't',
        templateRef: 'template:default/ts-service',
        outcome: 'failed',
      });
    expect(post.status).toBe(401);
  });

  it('lists golden paths for a signed-in user', async () => {
    const server = await startBackend();
    const res = await request(server).get('/api/flywheel/golden-paths');
    expect(res.status).toBe(200);
    expect(res.body.totals).toEqual({
      components: 8,
      fromGoldenPaths: 5,
      adoptionPercent: 62.5,
    });
    expect(res.body.items[0]).toMatchObject({
      templateRef: 'template:default/ts-service',
      servicesCreated: 3,
    });
  });

  it('answers team adoption, with 400 for a bad ref and 404 for an unknown group', async () => {
    const server = await startBackend();
    const ok = await request(server).get(
      '/api/flywheel/golden-paths/adoption?groupRef=group:default/payments',
    );
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ totalComponents: 6, fromGoldenPaths: 4 });

    const encoded = await request(server).get(
      `/api/flywheel/golden-paths/adoption?groupRef=${encodeURIComponent(
        'group:default/payments',
      )}`,
    );
    expect(encoded.body.totalComponents).toBe(6);

    const missing = await request(server).get(
      '/api/flywheel/golden-paths/adoption',
    );
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/groupRef/);

    const bad = await request(server).get(
      '/api/flywheel/golden-paths/adoption?groupRef=component:default/checkout',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe(
      "groupRef must refer to a group, got kind 'component' in 'component:default/checkout'",
    );

    const unknown = await request(server).get(
      '/api/flywheel/golden-paths/adoption?groupRef=group:default/nobody',
    );
    expect(unknown.status).toBe(404);
  });

  it('records a run with the user from the credentials and counts it', async () => {
    const server = await startBackend();
    const res = await request(server)
      .post('/api/flywheel/golden-paths/runs')
      .set('Authorization', mockCredentials.user.header('user:default/ada'))
      .send({
        taskId: 'task-1',
        templateRef: 'template:default/ts-service',
        entityRef: 'component:default/checkout',
        ownerRef: 'group:default/payments',
        startedAt: '2026-11-02T10:00:00Z',
        completedAt: '2026-11-02T10:02:00Z',
        outcome: 'succeeded',
      });
    expect(res.status).toBe(201);

    const list = await request(server).get('/api/flywheel/golden-paths');
    expect(list.body.items[0]).toMatchObject({
      runs: { total: 1, succeeded: 1, failed: 0, successRate: 1 },
      medianCreationSeconds: 120,
    });
  });

  it.each([
    [
      { templateRef: 'template:default/ts-service', outcome: 'succeeded' },
      /taskId/,
    ],
    [
      {
        taskId: 't',
        templateRef: 'template:default/ts-service',
        outcome: 'maybe',
      },
      /outcome/,
    ],
    [
      {
        taskId: 't',
        templateRef: 'template:default/ts-service',
        outcome: 'failed',
        startedAt: 'yesterday',
      },
      /startedAt/,
    ],
    [
      {
        taskId: 't',
        templateRef: 'template:default/ts-service',
        outcome: 'failed',
        user: 'user:default/mallory',
      },
      /additional/i,
    ],
    [
      { taskId: 't', templateRef: 'group:default/x', outcome: 'failed' },
      /templateRef must refer to a template/,
    ],
  ])(
    'rejects a bad run %j with 400 and stores nothing',
    async (body, message) => {
      const server = await startBackend();
      const res = await request(server)
        .post('/api/flywheel/golden-paths/runs')
        .send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
      const list = await request(server).get('/api/flywheel/golden-paths');
      expect(list.body.items[0].runs.total).toBe(0);
    },
  );

  it('denies reads and writes the permission policy denies', async () => {
    const server = await startBackend({ permission: AuthorizeResult.DENY });
    const read = await request(server).get('/api/flywheel/golden-paths');
    expect(read.status).toBe(403);
    const write = await request(server)
      .post('/api/flywheel/golden-paths/runs')
      .send({
        taskId: 't',
        templateRef: 'template:default/ts-service',
        outcome: 'failed',
      });
    expect(write.status).toBe(403);
  });
});
