import {
  mockCredentials,
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { DefaultFlywheelService } from './FlywheelService';

const run = {
  taskId: 'task-1',
  templateRef: 'template:default/typescript-service',
  templateVersion: '2.1.0',
  outcome: 'succeeded' as const,
  startedAt: '2026-11-01T10:00:00.000Z',
  completedAt: '2026-11-01T10:01:00.000Z',
};

describe('DefaultFlywheelService', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const service = new DefaultFlywheelService({
    discovery: mockServices.discovery(),
    auth: mockServices.auth(),
  });

  it('posts the run to the Flywheel backend on behalf of the caller', async () => {
    let received: { body: unknown; authorization: string | null } | undefined;
    server.use(
      http.post(
        'http://localhost:0/api/flywheel/golden-paths/runs',
        async ({ request }) => {
          received = {
            body: await request.json(),
            authorization: request.headers.get('authorization'),
          };
          return HttpResponse.json({ id: 'r1' }, { status: 201 });
        },
      ),
    );
    await service.recordRun(run, { credentials: mockCredentials.user() });
    expect(received?.body).toEqual(run);
    expect(received?.authorization).toMatch(/^Bearer /);
  });

  it('surfaces the backend error message when the run is rejected', async () => {
    server.use(
      http.post('http://localhost:0/api/flywheel/golden-paths/runs', () =>
        HttpResponse.json(
          {
            error: { name: 'InputError', message: 'templateRef is invalid' },
            request: { method: 'POST', url: '/golden-paths/runs' },
            response: { statusCode: 400 },
          },
          { status: 400 },
        ),
      ),
    );
    await expect(
      service.recordRun(run, { credentials: mockCredentials.user() }),
    ).rejects.toThrow(/templateRef is invalid/);
  });

  it('fires a survey trigger with its own service credentials', async () => {
    let received: { body: unknown; authorization: string | null } | undefined;
    server.use(
      http.post(
        'http://localhost:0/api/flywheel/surveys/triggers',
        async ({ request }) => {
          received = {
            body: await request.json(),
            authorization: request.headers.get('authorization'),
          };
          return HttpResponse.json({ accepted: true }, { status: 202 });
        },
      ),
    );
    const trigger = {
      event: 'deployment.first-production',
      userRef: 'user:default/ada',
      context: { entityRef: 'component:default/checkout' },
    };
    await service.fireSurveyTrigger(trigger);
    expect(received?.body).toEqual(trigger);
    // A service token, not a user's: people cannot fire triggers for others.
    expect(received?.authorization).toMatch(/^Bearer .*service/);
  });
});
