import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { flywheelPlugin } from '../plugin';
import { catalogHidingEntities } from '../__testUtils__/catalogViews';
import { testEntities } from '../__testUtils__/testCatalog';

jest.setTimeout(60_000);

const USER = mockCredentials.user.header('user:default/ada');
const EVE = 'user:default/eve';
const CI = mockCredentials.service.header();
const DAY = 86_400;

/** checkout: golden path, created 2 Nov 10:00 (annotation) */
const checkoutDeploy = (id: string, finished: string, extra: object = {}) => ({
  id,
  entityRef: 'component:default/checkout',
  startedDate: finished.replace(/:00Z$/, ':00Z'),
  finishedDate: finished,
  ...extra,
});

async function startBackend(
  options: { deny?: boolean; hiddenFromEve?: string[] } = {},
) {
  const { server } = await startTestBackend({
    features: [
      flywheelPlugin,
      ...catalogHidingEntities(
        testEntities,
        { [EVE]: options.hiddenFromEve ?? [] },
        { deny: options.deny },
      ),
    ],
  });
  return server;
}

describe('metrics API', () => {
  it('lists the registry', async () => {
    const server = await startBackend();
    const res = await request(server)
      .get('/api/flywheel/metrics')
      .set('Authorization', USER);
    expect(res.status).toBe(200);
    expect(res.body.items.map((m: { id: string }) => m.id)).toEqual(
      expect.arrayContaining([
        'valueStream.timeToFirstDeploy.median',
        'valueStream.leadTime.median',
        'valueStream.changeFailureRate',
      ]),
    );
  });

  it('records deployments from CI once, and time to first deploy appears', async () => {
    const server = await startBackend();
    const batch = {
      deployments: [
        checkoutDeploy('c-1', '2026-11-04T10:00:00Z', {
          deploymentCommits: [
            {
              repoUrl: 'https://github.com/acme/checkout',
              commitSha: 'abc1234',
              authoredDate: '2026-11-04T04:00:00Z',
            },
          ],
        }),
        checkoutDeploy('c-2', '2026-11-05T10:00:00Z', { result: 'FAILURE' }),
      ],
    };
    const post = () =>
      request(server)
        .post('/api/flywheel/deployments')
        .set('Authorization', CI)
        .send(batch);
    expect((await post()).body).toEqual({
      received: 2,
      created: 2,
      updated: 0,
      unchanged: 0,
    });
    expect((await post()).body).toEqual({
      received: 2,
      created: 0,
      updated: 0,
      unchanged: 2,
    });

    const series = (id: string, query: string) =>
      request(server)
        .get(`/api/flywheel/metrics/${id}/series?${query}`)
        .set('Authorization', USER);
    const window =
      'from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z&interval=month';
    const ttfd = await series(
      'valueStream.timeToFirstDeploy.median',
      `entityRef=component:default/checkout&${window}`,
    );
    expect([ttfd.status, ttfd.body.error?.message]).toEqual([200, undefined]);
    // created 2 Nov 10:00 → first success 4 Nov 10:00: two days
    expect(ttfd.body.points).toEqual([
      {
        start: '2026-11-01T00:00:00.000Z',
        end: '2026-12-01T00:00:00.000Z',
        value: 2 * DAY,
        sampleSize: 1,
      },
    ]);
    const cfr = await series(
      'valueStream.changeFailureRate',
      `groupRef=group:default/engineering&${window}`,
    );
    expect(cfr.body.total).toMatchObject({ value: 50, sampleSize: 2 });
    const lead = await series('valueStream.leadTime.median', window);
    expect(lead.body.total.value).toBe(6 * 3600);

    const csv = await series(
      'valueStream.changeFailureRate',
      `${window}&format=csv`,
    );
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text.trim().split(/\r?\n/)).toEqual([
      'start,end,value,unit,sampleSize',
      '2026-11-01T00:00:00.000Z,2026-12-01T00:00:00.000Z,50,percent,2',
    ]);
  });

  it('takes only service credentials for deployments, and a denied service is refused', async () => {
    const server = await startBackend();
    const user = await request(server)
      .post('/api/flywheel/deployments')
      .set('Authorization', USER)
      .send(checkoutDeploy('u-1', '2026-11-04T10:00:00Z'));
    expect(user.status).toBe(403);
    const none = await request(server)
      .post('/api/flywheel/deployments')
      .set('Authorization', mockCredentials.none.header())
      .send(checkoutDeploy('u-2', '2026-11-04T10:00:00Z'));
    expect(none.status).toBe(401);

    const denied = await startBackend({ deny: true });
    const refused = await request(denied)
      .post('/api/flywheel/deployments')
      .set('Authorization', CI)
      .send(checkoutDeploy('u-3', '2026-11-04T10:00:00Z'));
    expect(refused.status).toBe(403);
    const read = await request(denied)
      .get('/api/flywheel/metrics')
      .set('Authorization', USER);
    expect(read.status).toBe(403);
  });

  it('refuses a batch with one bad deployment and stores none of it', async () => {
    const server = await startBackend();
    const res = await request(server)
      .post('/api/flywheel/deployments')
      .set('Authorization', CI)
      .send({
        deployments: [
          checkoutDeploy('ok-1', '2026-11-04T10:00:00Z'),
          {
            ...checkoutDeploy('bad-1', '2026-11-04T10:00:00Z'),
            entityRef: 'component:default/nope',
          },
          {
            id: 'bad-2',
            startedDate: '2026-11-04T10:00:00Z',
            finishedDate: '2026-11-04T10:05:00Z',
            deploymentCommits: [
              {
                repoUrl: 'https://github.com/acme/unknown',
                commitSha: 'abcdef1',
              },
            ],
          },
        ],
      });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('Nothing was stored');
    expect(res.body.error.message).toContain(
      'deployments[1].entityRef: no entity component:default/nope',
    );
    expect(res.body.error.message).toContain(
      'deployments[2]: no catalog Component has the repository',
    );
    const count = await request(server)
      .get(
        '/api/flywheel/metrics/valueStream.deployments/series?window=2y&interval=month',
      )
      .set('Authorization', USER);
    expect(count.body.total).toMatchObject({ value: 0 });

    const backwards = await request(server)
      .post('/api/flywheel/deployments')
      .set('Authorization', CI)
      .send({
        ...checkoutDeploy('b-1', '2026-11-04T10:00:00Z'),
        startedDate: '2026-11-05T10:00:00Z',
      });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.message).toContain(
      'finishedDate: finishedDate is before startedDate',
    );
  });

  it('takes a backfill of 1,000 deployments in one post, and refuses a body over 10 MB', async () => {
    const server = await startBackend();
    const total = async () =>
      (
        await request(server)
          .get(
            '/api/flywheel/metrics/valueStream.deployments/series?window=2y&interval=month',
          )
          .set('Authorization', USER)
      ).body.total.value;
    // Two commits each: about 450 kB, over express's default 100 kB.
    const batch = Array.from({ length: 1000 }, (_, i) =>
      checkoutDeploy(
        `bf-${i}`,
        new Date(Date.UTC(2026, 10, 3, 0, i)).toISOString().replace('.000', ''),
        {
          deploymentCommits: [1, 2].map(k => ({
            repoUrl: 'https://github.com/acme/checkout',
            commitSha: `${(i * 2 + k).toString(16).padStart(7, 'a')}`,
            authoredDate: '2026-11-02T12:00:00Z',
          })),
        },
      ),
    );
    const body = JSON.stringify({ deployments: batch });
    expect(body.length).toBeGreaterThan(300_000);
    const res = await request(server)
      .post('/api/flywheel/deployments')
      .set('Authorization', CI)
      .set('Content-Type', 'application/json')
      .send(body);
    expect([res.status, res.body.created]).toEqual([200, 1000]);
    expect(await total()).toBe(1000);

    const huge = await request(server)
      .post('/api/flywheel/deployments')
      .set('Authorization', CI)
      .send({
        deployments: [
          checkoutDeploy('huge-1', '2026-11-20T10:00:00Z', {
            displayTitle: 'x'.repeat(11 * 1024 * 1024),
          }),
        ],
      });
    expect([huge.status, huge.body.error.message]).toEqual([
      400,
      'request entity too large',
    ]);
    expect(await total()).toBe(1000);
  });

  it('refuses bad queries with a clear 400 or 404', async () => {
    const server = await startBackend();
    const get = (path: string) =>
      request(server)
        .get(`/api/flywheel/metrics/${path}`)
        .set('Authorization', USER);
    const cases: [string, number, RegExp][] = [
      ['nope/series', 404, /No metric 'nope'/],
      ['valueStream.deployments/series?window=3q', 400, /window/],
      [
        'valueStream.deployments/series?groupRef=group:default/payments&entityRef=component:default/checkout',
        400,
        /at most one/,
      ],
      [
        'valueStream.deployments/series?groupRef=component:default/checkout',
        400,
        /must refer to a group/,
      ],
      [
        'valueStream.deployments/series?groupRef=group:default/ghosts',
        404,
        /No group/,
      ],
      ['valueStream.deployments/comparison', 400, /not split/],
    ];
    for (const [path, status, message] of cases) {
      const res = await get(path);
      expect([path, res.status]).toEqual([path, status]);
      expect(res.body.error.message).toMatch(message);
    }
  });

  it('counts only what the caller may see in the catalog', async () => {
    const server = await startBackend({
      hiddenFromEve: ['component:default/checkout'],
    });
    await request(server)
      .post('/api/flywheel/deployments')
      .set('Authorization', CI)
      .send(checkoutDeploy('h-1', '2026-11-04T10:00:00Z'));
    const total = async (header: string, query: string) =>
      (
        await request(server)
          .get(
            `/api/flywheel/metrics/valueStream.deployments/series?from=2026-11-01&to=2026-12-01&interval=month${query}`,
          )
          .set('Authorization', header)
      ).body;
    expect((await total(USER, '')).total.value).toBe(1);
    const eve = mockCredentials.user.header(EVE);
    expect((await total(eve, '')).total.value).toBe(0);
    expect(
      (await total(eve, '&groupRef=group:default/payments')).total.value,
    ).toBe(0);
    const direct = await request(server)
      .get(
        '/api/flywheel/metrics/valueStream.deployments/series?entityRef=component:default/checkout',
      )
      .set('Authorization', eve);
    expect(direct.status).toBe(404);
  });

  it('compares golden-path and hand-made services, saying when samples are too few', async () => {
    const server = await startBackend();
    await request(server)
      .post('/api/flywheel/deployments')
      .set('Authorization', CI)
      .send({
        deployments: [
          checkoutDeploy('g-1', '2026-11-04T10:00:00Z'),
          {
            id: 'h-1',
            entityRef: 'component:default/handmade',
            startedDate: '2026-11-04T10:00:00Z',
            finishedDate: '2026-11-04T10:05:00Z',
            result: 'FAILURE',
          },
        ],
      });
    const res = await request(server)
      .get(
        '/api/flywheel/metrics/valueStream.changeFailureRate/comparison?from=2026-11-01&to=2026-12-01',
      )
      .set('Authorization', USER);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      goldenPath: { value: 0, sampleSize: 1 },
      handMade: { value: 100, sampleSize: 1 },
      difference: -100,
      test: null,
    });
    expect(res.body.summary).toMatch(/Too few samples/);
  });
});
