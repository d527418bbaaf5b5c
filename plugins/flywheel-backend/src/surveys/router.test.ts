import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { flywheelPlugin } from '../plugin';
import { testOrgEntities } from './__testUtils__/testOrg';

jest.setTimeout(60_000);

const definition = {
  title: 'Platform NPS',
  anonymous: true,
  questions: [
    { id: 'nps', type: 'nps', title: 'Recommend us?', followUp: 'Why?' },
  ],
  audience: { type: 'groups', groupRefs: ['group:default/eng'] },
  schedule: {
    opensAt: '2026-01-01T00:00:00Z',
    closesAt: '2099-01-01T00:00:00Z',
    recurrence: 'none',
  },
  triggers: [{ type: 'wave-open' }],
  samplingPercent: 100,
};

const as = (name: string) =>
  mockCredentials.user.header(`user:default/${name}`);

async function startBackend(
  permission:
    | AuthorizeResult.ALLOW
    | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
) {
  const { server } = await startTestBackend({
    features: [
      flywheelPlugin,
      catalogServiceMock.factory({ entities: testOrgEntities }),
      mockServices.rootConfig.factory({
        data: { flywheel: { scorecardsDefault: false } },
      }),
      mockServices.permissions.factory({ result: permission }),
    ],
  });
  return server;
}

describe('surveys over HTTP', () => {
  it('creates a survey, prompts, takes one anonymous answer and reports results', async () => {
    const server = await startBackend();
    const created = await request(server)
      .post('/api/flywheel/surveys')
      .set('Authorization', as('pm'))
      .send({ id: 'nps', ...definition });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: 'nps',
      source: 'api',
      currentWave: { status: 'open', audienceSize: 14 },
    });
    const waveId = created.body.currentWave.id;

    const prompts = await request(server)
      .get('/api/flywheel/surveys/prompts')
      .query({ path: '/catalog' })
      .set('Authorization', as('a1'));
    expect(prompts.status).toBe(200);
    expect(prompts.body.items).toEqual([
      expect.objectContaining({ surveyId: 'nps', waveId, anonymous: true }),
    ]);

    const answer = (name: string, body: object) =>
      request(server)
        .post('/api/flywheel/surveys/nps/responses')
        .set('Authorization', as(name))
        .send(body);

    const outOfRange = await answer('a1', {
      waveId,
      answers: [{ questionId: 'nps', value: 11 }],
    });
    expect(outOfRange.status).toBe(400);
    expect(outOfRange.body.error.message).toMatch(/from 0 to 10, not 11/);

    const unknown = await answer('a1', {
      waveId,
      answers: [{ questionId: 'speed', value: 3 }],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/Unknown question 'speed'/);

    const oversized = await answer('a1', {
      waveId,
      answers: [{ questionId: 'nps', value: 3, comment: 'x'.repeat(5001) }],
    });
    expect(oversized.status).toBe(400);

    const first = await answer('a1', {
      waveId,
      answers: [
        { questionId: 'nps', value: 9, comment: '<script>alert(1)</script>' },
      ],
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'created', waveId });
    expect(first.body.editToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const again = await answer('a1', {
      waveId,
      answers: [{ questionId: 'nps', value: 2 }],
    });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(
      /Anonymous answers can be changed only from the browser/,
    );

    const outsider = await answer('o1', {
      waveId,
      answers: [{ questionId: 'nps', value: 2 }],
    });
    expect(outsider.status).toBe(403);

    const after = await request(server)
      .get('/api/flywheel/surveys/prompts')
      .set('Authorization', as('a1'));
    expect(after.body.items).toEqual([]);

    // One response is below the minimum group size: nothing is shown.
    const results = await request(server)
      .get('/api/flywheel/surveys/nps/results')
      .set('Authorization', as('pm'));
    expect(results.status).toBe(200);
    expect(results.body).toMatchObject({
      surveyId: 'nps',
      hidden: 'below-minimum',
      questions: [],
      thresholds: { minGroupSize: 5, minCommentGroupSize: 10 },
    });

    const csv = await request(server)
      .get('/api/flywheel/surveys/nps/results')
      .query({ format: 'csv' })
      .set('Authorization', as('pm'));
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text).toMatch(/^wave,group,parent/);

    const comments = await request(server)
      .get('/api/flywheel/surveys/nps/comments')
      .set('Authorization', as('pm'));
    expect(comments.status).toBe(200);
    // The overall numbers are hidden, so not even the comment count is said.
    expect(comments.body).toEqual({
      items: [],
      totalCount: 0,
      withheld: 0,
      withheldReason: 'below-minimum',
    });
  });

  it('lets a person change an identified answer (200) and validates bodies', async () => {
    const server = await startBackend();
    const created = await request(server)
      .post('/api/flywheel/surveys')
      .set('Authorization', as('pm'))
      .send({ id: 'pulse', ...definition, anonymous: false });
    const waveId = created.body.currentWave.id;
    const send = (value: number) =>
      request(server)
        .post('/api/flywheel/surveys/pulse/responses')
        .set('Authorization', as('b1'))
        .send({ waveId, answers: [{ questionId: 'nps', value }] });
    expect((await send(4)).status).toBe(201);
    const changed = await send(8);
    expect(changed.status).toBe(200);
    expect(changed.body.status).toBe('updated');

    const form = await request(server)
      .get('/api/flywheel/surveys/pulse/form')
      .set('Authorization', as('b1'));
    expect(form.body.previousAnswers).toEqual([
      { questionId: 'nps', value: 8 },
    ]);

    const badBody = await request(server)
      .post('/api/flywheel/surveys')
      .set('Authorization', as('pm'))
      .send({ ...definition, samplingPercent: 0 });
    expect(badBody.status).toBe(400);
    const duplicate = await request(server)
      .post('/api/flywheel/surveys')
      .set('Authorization', as('pm'))
      .send({
        ...definition,
        questions: [
          { id: 'q', type: 'csat', title: 'A' },
          { id: 'q', type: 'csat', title: 'B' },
        ],
      });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.error.message).toMatch(/duplicate question id 'q'/);
    const taken = await request(server)
      .post('/api/flywheel/surveys')
      .set('Authorization', as('pm'))
      .send({ id: 'pulse', ...definition });
    expect(taken.status).toBe(409);

    const snooze = await request(server)
      .post('/api/flywheel/surveys/pulse/prompt-actions')
      .set('Authorization', as('b2'))
      .send({ waveId, action: 'snooze' });
    expect(snooze.status).toBe(204);
    const prompts = await request(server)
      .get('/api/flywheel/surveys/prompts')
      .set('Authorization', as('b2'));
    expect(prompts.body.items).toEqual([]);
  });

  it('requires credentials, permissions to write, and a service to fire triggers', async () => {
    const server = await startBackend(AuthorizeResult.DENY);
    const none = await request(server)
      .get('/api/flywheel/surveys')
      .set('Authorization', mockCredentials.none.header());
    expect(none.status).toBe(401);

    const create = await request(server)
      .post('/api/flywheel/surveys')
      .set('Authorization', as('pm'))
      .send({ id: 'nps', ...definition });
    expect(create.status).toBe(403);

    const list = await request(server)
      .get('/api/flywheel/surveys')
      .set('Authorization', as('a1'));
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([]);

    const trigger = {
      event: 'scaffolder.run.completed',
      userRef: 'user:default/a1',
    };
    const byUser = await request(server)
      .post('/api/flywheel/surveys/triggers')
      .set('Authorization', as('a1'))
      .send(trigger);
    expect(byUser.status).toBe(403);
    const byService = await request(server)
      .post('/api/flywheel/surveys/triggers')
      .set('Authorization', mockCredentials.service.header())
      .send(trigger);
    expect(byService.status).toBe(202);
    // The person must be a user ref: erasure and retention find them by it.
    const notAUser = await request(server)
      .post('/api/flywheel/surveys/triggers')
      .set('Authorization', mockCredentials.service.header())
      .send({ ...trigger, userRef: "' OR 1=1 --" });
    expect(notAUser.status).toBe(400);
    expect(notAUser.body.error.message).toMatch(
      /userRef must be an entity ref/,
    );

    const missing = await request(server)
      .get('/api/flywheel/surveys/nope')
      .set('Authorization', as('a1'));
    expect(missing.status).toBe(404);
  });
  it('refuses a trigger whose context is nested too deep to store, and text no database stores', async () => {
    const server = await startBackend();
    // JSON.stringify of the stored context ran out of stack: a 500.
    const deep = await request(server)
      .post('/api/flywheel/surveys/triggers')
      .set('Authorization', mockCredentials.service.header())
      .set('Content-Type', 'application/json')
      .send(
        `{"event":"scaffolder.run.completed","userRef":"user:default/a1","context":${'{"a":'.repeat(
          10_000,
        )}1${'}'.repeat(10_000)}}`,
      );
    expect(deep.status).toBe(400);
    expect(deep.body.error).toEqual({
      name: 'InputError',
      message: expect.stringMatching(
        /^Invalid request: body\.context(\.a)+ is nested more than 32 levels deep$/,
      ),
    });
    // PostgreSQL refused U+0000 with a 500; SQLite stored it.
    const nul = await request(server)
      .post('/api/flywheel/surveys/nps/prompt-actions')
      .set('Authorization', as('a1'))
      .send({ waveId: 'w\u0000', action: 'dismiss' });
    expect(nul.status).toBe(400);
    expect(nul.body.error.message).toBe(
      'Invalid request: body.waveId holds U+0000 or a lone surrogate, which cannot be stored as text',
    );
  });
});
