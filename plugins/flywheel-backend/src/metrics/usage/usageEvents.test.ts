import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { flywheelPlugin } from '../../plugin';
import { catalogFactory } from '../../__testUtils__/catalogViews';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { usageEntities } from './__testUtils__/usageCatalog';

jest.setTimeout(60_000);

const ADA = mockCredentials.user.header('user:default/ada');
const BOB = mockCredentials.user.header('user:default/bob');

const minutesAgo = (minutes: number) =>
  new Date(Date.now() - minutes * 60_000).toISOString();

const event = (pluginId: string, routeRef?: string, extra: object = {}) => ({
  action: 'navigate',
  subject: `/${pluginId}`,
  context: { pluginId, ...(routeRef ? { routeRef } : {}) },
  timestamp: minutesAgo(1),
  ...extra,
});

async function startBackend(options: { deny?: boolean } = {}) {
  const { server } = await startTestBackend({
    features: [
      flywheelPlugin,
      catalogFactory(catalogServiceMock({ entities: usageEntities })),
      mockServices.permissions.factory({
        result: options.deny ? AuthorizeResult.DENY : AuthorizeResult.ALLOW,
      }),
    ],
  });
  return server;
}

describe('usage events API', () => {
  it('takes a signed-in person’s events, and the breakdown counts them', async () => {
    const server = await startBackend();
    const post = (auth: string, events: object[]) =>
      request(server)
        .post('/api/flywheel/usage/events')
        .set('Authorization', auth)
        .send({ events, sentAt: new Date().toISOString() });
    expect(
      (
        await post(ADA, [
          event('catalog', 'catalog:index'),
          event('catalog', 'catalog:entity'),
          event('techdocs'),
        ])
      ).body,
    ).toEqual({ received: 3 });
    const bob = await post(BOB, [event('catalog', 'catalog:index')]);
    expect([bob.status, bob.body]).toEqual([202, { received: 1 }]);

    const breakdown = await request(server)
      .get('/api/flywheel/usage/breakdown?by=plugin&window=7d')
      .set('Authorization', ADA);
    expect([breakdown.status, breakdown.body.error]).toEqual([200, undefined]);
    expect(breakdown.body).toMatchObject({
      by: 'plugin',
      total: { events: 4, users: 2 },
      items: [
        { pluginId: 'catalog', events: 3, users: 2 },
        { pluginId: 'techdocs', events: 1, users: 1 },
      ],
      truncated: false,
    });
    const routes = await request(server)
      .get('/api/flywheel/usage/breakdown?by=route&limit=1')
      .set('Authorization', ADA);
    expect(routes.body).toMatchObject({
      by: 'route',
      items: [
        { pluginId: 'catalog', routeRef: 'catalog:index', events: 2, users: 2 },
      ],
      truncated: true,
    });
  });

  it('refuses another person’s ref in the payload and stores nothing', async () => {
    const server = await startBackend();
    const mallory = mockCredentials.user.header('user:default/mallory');
    const attempts = [
      { events: [event('catalog')], userRef: 'user:default/ada' },
      { events: [event('catalog', undefined, { user: 'user:default/ada' })] },
      {
        events: [
          event('catalog', undefined, {
            context: { pluginId: 'catalog', userEntityRef: 'user:default/ada' },
          }),
        ],
      },
    ];
    for (const body of attempts) {
      const res = await request(server)
        .post('/api/flywheel/usage/events')
        .set('Authorization', mallory)
        .send(body);
      expect(res.status).toBe(400);
    }
    const breakdown = await request(server)
      .get('/api/flywheel/usage/breakdown')
      .set('Authorization', ADA);
    expect(breakdown.body.total).toEqual({ events: 0, users: 0 });
  });

  it('answers bad input with a 400 that says what to fix, and stores nothing', async () => {
    const server = await startBackend();
    const post = (body: unknown) =>
      request(server)
        .post('/api/flywheel/usage/events')
        .set('Authorization', ADA)
        .send(body as object);
    const stale = await post({
      events: [
        event('catalog'),
        event('catalog', undefined, { timestamp: '2020-01-01T00:00:00Z' }),
      ],
    });
    expect([stale.status, stale.body.error.message]).toEqual([
      400,
      'Nothing was stored. events[1].timestamp: 2020-01-01T00:00:00Z is more than 7 days old',
    ]);
    const missing = await post({ events: [{ action: 'navigate' }] });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/subject|context|timestamp/);
    const tooMany = await post({
      events: Array.from({ length: 501 }, () => event('catalog')),
    });
    expect(tooMany.status).toBe(400);
    const tooLarge = await post({
      events: Array.from({ length: 200 }, () =>
        event('catalog', undefined, { subject: 'x'.repeat(900) }),
      ),
    });
    // Over express.json()'s 100 kB (the validated router answers 400).
    expect([tooLarge.status, tooLarge.body.error.message]).toEqual([
      400,
      'request entity too large',
    ]);
    const breakdown = await request(server)
      .get('/api/flywheel/usage/breakdown')
      .set('Authorization', ADA);
    expect(breakdown.body.total).toEqual({ events: 0, users: 0 });
    const badBy = await request(server)
      .get('/api/flywheel/usage/breakdown?by=team')
      .set('Authorization', ADA);
    expect(badBy.status).toBe(400);
  });

  it('needs a person: no credentials 401, a backend 403', async () => {
    const server = await startBackend();
    const none = await request(server)
      .post('/api/flywheel/usage/events')
      .set('Authorization', mockCredentials.none.header())
      .send({ events: [event('catalog')] });
    expect(none.status).toBe(401);
    const service = await request(server)
      .post('/api/flywheel/usage/events')
      .set('Authorization', mockCredentials.service.header())
      .send({ events: [event('catalog')] });
    expect(service.status).toBe(403);
    const read = await request(server)
      .get('/api/flywheel/usage/breakdown')
      .set('Authorization', mockCredentials.none.header());
    expect(read.status).toBe(401);
  });

  it('needs no permission to send, flywheel.metrics.read to read', async () => {
    const server = await startBackend({ deny: true });
    const sent = await request(server)
      .post('/api/flywheel/usage/events')
      .set('Authorization', ADA)
      .send({ events: [event('catalog')] });
    expect(sent.status).toBe(202);
    const read = await request(server)
      .get('/api/flywheel/usage/breakdown')
      .set('Authorization', ADA);
    expect([read.status, read.body.error.message]).toEqual([
      403,
      'Not allowed: flywheel.metrics.read',
    ]);
  });
});
