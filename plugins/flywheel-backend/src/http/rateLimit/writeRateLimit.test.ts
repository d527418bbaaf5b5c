import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { flywheelPlugin } from '../../plugin';
import {
  EXAMPLE_REQUESTS,
  exampleSurvey,
} from '../../__testUtils__/exampleRequests';
import { testEntities } from '../../__testUtils__/testCatalog';

jest.setTimeout(60_000);

const ADA = mockCredentials.user.header('user:default/ada');
const BOB = mockCredentials.user.header('user:default/bob');

async function startBackend(rateLimit: object) {
  const { server } = await startTestBackend({
    features: [
      flywheelPlugin,
      catalogServiceMock.factory({ entities: testEntities }),
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      mockServices.rootConfig.factory({ data: { flywheel: { rateLimit } } }),
    ],
  });
  return server;
}

describe('the per-person write limit', () => {
  it('refuses a person’s writes over the limit with 429, saving nothing', async () => {
    const server = await startBackend({ writesPerMinute: 3 });
    const create = (as: string, title: string) =>
      request(server)
        .post('/api/flywheel/surveys')
        .set('Authorization', as)
        .send({ ...exampleSurvey, title });

    for (const n of [1, 2, 3]) {
      expect((await create(ADA, `Pulse ${n}`)).status).toBe(201);
    }
    const refused = await create(ADA, 'Pulse 4');
    expect(refused.status).toBe(429);
    expect(refused.body.error).toEqual({
      name: 'TooManyRequestsError',
      message: expect.stringMatching(
        /^Too many changes: at most 3 a minute per person\. Nothing was saved; try again in \d+ s\.$/,
      ),
    });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);

    const surveys = await request(server)
      .get('/api/flywheel/surveys')
      .set('Authorization', ADA);
    expect(surveys.status).toBe(200); // reads are not limited
    const titles = JSON.stringify(surveys.body);
    expect(titles).toContain('Pulse 3');
    expect(titles).not.toContain('Pulse 4');

    // Someone else, and backends, still write.
    expect((await create(BOB, 'Bob’s pulse')).status).toBe(201);
    const ingest = EXAMPLE_REQUESTS['POST /deployments'];
    for (const n of [1, 2, 3, 4]) {
      const res = await request(server)
        .post(`/api/flywheel${ingest.path}`)
        .set('Authorization', mockCredentials.service.header())
        .send({ ...ingest.body, id: `deploy-${n}` });
      expect(res.status).toBeLessThan(300);
    }
  });

  it('counts a refused or invalid write too, and leaves 401 to the route', async () => {
    const server = await startBackend({ writesPerMinute: 2 });
    const invalid = () =>
      request(server)
        .post('/api/flywheel/surveys')
        .set('Authorization', ADA)
        .send({ title: '' });
    expect((await invalid()).status).toBe(400);
    expect((await invalid()).status).toBe(400);
    expect((await invalid()).status).toBe(429);
    const anonymous = await request(server)
      .post('/api/flywheel/surveys')
      .set('Authorization', mockCredentials.none.header())
      .send(exampleSurvey);
    expect(anonymous.status).toBe(401);
  });

  it('is off at 0', async () => {
    const server = await startBackend({ writesPerMinute: 0 });
    for (let n = 0; n < 5; n++) {
      const res = await request(server)
        .post('/api/flywheel/surveys/x/prompt-actions')
        .set('Authorization', ADA)
        .send({ waveId: 'w1', action: 'dismiss' });
      expect(res.status).not.toBe(429);
    }
  });

  it('stops the backend on a setting that is not a whole number', async () => {
    await expect(startBackend({ writesPerMinute: -1 })).rejects.toThrow(
      /flywheel\.rateLimit\.writesPerMinute must be a whole number/,
    );
  });
});
