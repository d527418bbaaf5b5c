import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { flywheelPlugin } from '../../plugin';
import { catalogHidingEntities } from '../../__testUtils__/catalogViews';
import { usageEntities } from './__testUtils__/usageCatalog';

jest.setTimeout(60_000);

const header = (name: string) =>
  mockCredentials.user.header(`user:default/${name}`);
const EVE = 'user:default/eve';
const DAY_MS = 86_400_000;

const view = (entityRef?: string, extra: object = {}) => ({
  action: 'navigate',
  subject: '/somewhere',
  context: { pluginId: 'catalog', ...(entityRef ? { entityRef } : {}) },
  timestamp: new Date(Date.now() - 1000).toISOString(),
  ...extra,
});

/**
 * ada (payments-core) read checkout's page, a ts-service golden-path
 * service; bob (payments) read pay-web's, a web-app one; cy (platform) the
 * catalog; mallory (in no catalog) claims to be ada in an attribute. dan
 * (payments-core) came not at all. Eve may not see ada in the catalog.
 */
async function startBackend(options: { deny?: boolean } = {}) {
  const { server } = await startTestBackend({
    features: [
      flywheelPlugin,
      ...catalogHidingEntities(
        usageEntities,
        { [EVE]: ['user:default/ada'] },
        { deny: options.deny },
      ),
    ],
  });
  const send = async (name: string, events: object[]) => {
    const res = await request(server)
      .post('/api/flywheel/usage/events')
      .set('Authorization', header(name))
      .send({ events });
    expect([res.status, res.body]).toEqual([202, { received: events.length }]);
  };
  await send('ada', [view('component:default/checkout'), view()]);
  await send('bob', [view('Component:default/Pay-Web')]);
  await send('cy', [view()]);
  await send('mallory', [
    view(undefined, { attributes: { userRef: 'user:default/ada' } }),
  ]);
  return server;
}

const series = async (
  server: Parameters<typeof request>[0],
  metricId: string,
  scope = '',
  reader = 'ada',
) => {
  const res = await request(server)
    .get(
      `/api/flywheel/metrics/${metricId}/series?window=7d&interval=day${scope}`,
    )
    .set('Authorization', header(reader));
  return res;
};

const total = async (...args: Parameters<typeof series>) => {
  const res = await series(...args);
  expect([res.status, res.body.error?.message]).toEqual([200, undefined]);
  return res.body.total.value;
};

describe('usage metrics API', () => {
  it('lists the usage metrics in the registry', async () => {
    const server = await startBackend();
    const res = await request(server)
      .get('/api/flywheel/metrics')
      .set('Authorization', header('ada'));
    expect(
      res.body.items
        .filter((m: { domain: string }) => m.domain === 'usage')
        .map((m: { id: string }) => m.id),
    ).toEqual([
      'usage.activeUsers',
      'usage.activeUserShare',
      'usage.newUsers',
      'usage.returningUsers',
      'usage.stickiness',
    ]);
  });

  it('counts active users of the org, a team with its sub-teams, a golden path and an entity', async () => {
    const server = await startBackend();
    expect(await total(server, 'usage.activeUsers')).toBe(4);
    // payments: bob, and ada of its sub-team payments-core.
    expect(
      await total(
        server,
        'usage.activeUsers',
        '&groupRef=group:default/payments',
      ),
    ).toBe(2);
    expect(
      await total(
        server,
        'usage.activeUsers',
        '&groupRef=group:default/payments-core',
      ),
    ).toBe(1);
    expect(
      await total(
        server,
        'usage.activeUsers',
        '&groupRef=group:default/engineering',
      ),
    ).toBe(3);
    expect(
      await total(
        server,
        'usage.activeUsers',
        '&goldenPath=template:default/ts-service',
      ),
    ).toBe(1);
    expect(
      await total(
        server,
        'usage.activeUsers',
        '&goldenPath=template:default/web-app',
      ),
    ).toBe(1);
    expect(
      await total(
        server,
        'usage.activeUsers',
        '&entityRef=component:default/pay-web',
      ),
    ).toBe(1);
    const unknown = await series(
      server,
      'usage.activeUsers',
      '&entityRef=component:default/nope',
    );
    expect(unknown.status).toBe(404);
    const daily = await series(server, 'usage.activeUsers');
    expect(daily.body.points.length).toBeGreaterThanOrEqual(7);
  });

  it('shares of catalog users, new and returning users, stickiness', async () => {
    const server = await startBackend();
    // ada, bob, cy of ada, bob, cy, dan (mallory is in no catalog).
    expect(await total(server, 'usage.activeUserShare')).toBe(75);
    // payments with payments-core: ada, bob of ada, bob, dan.
    expect(
      await total(
        server,
        'usage.activeUserShare',
        '&groupRef=group:default/payments',
      ),
    ).toBe(66.7);
    expect(await total(server, 'usage.newUsers')).toBe(4);
    expect(await total(server, 'usage.returningUsers')).toBe(0);
    // Everyone came on one day of the window's days.
    const res = await series(server, 'usage.stickiness');
    const days =
      Math.ceil(Date.parse(res.body.to) / DAY_MS) -
      Math.floor(Date.parse(res.body.from) / DAY_MS);
    expect(res.body.total).toMatchObject({
      value: Math.round(1000 / days) / 10,
      sampleSize: 4,
    });
    // New users are a number about people, not about pages.
    const refused = await series(
      server,
      'usage.newUsers',
      '&goldenPath=template:default/ts-service',
    );
    expect(refused.status).toBe(400);
  });

  it('counts only the people the reader may see in the catalog', async () => {
    const server = await startBackend();
    // Eve does not see ada: bob and cy of bob, cy, dan.
    expect(await total(server, 'usage.activeUserShare', '', 'eve')).toBe(66.7);
    expect(
      await total(
        server,
        'usage.activeUsers',
        '&groupRef=group:default/payments-core',
        'eve',
      ),
    ).toBe(0);
  });

  it('needs credentials and flywheel.metrics.read', async () => {
    const server = await startBackend({ deny: true });
    const denied = await series(server, 'usage.activeUsers');
    expect(denied.status).toBe(403);
    const none = await request(server)
      .get('/api/flywheel/metrics/usage.activeUsers/series')
      .set('Authorization', mockCredentials.none.header());
    expect(none.status).toBe(401);
  });
});
