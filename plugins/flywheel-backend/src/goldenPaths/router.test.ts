import {
  AuditorService,
  AuditorServiceEvent,
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  EvaluatePermissionRequest,
} from '@backstage/plugin-permission-common';
import { flywheelRunCreatePermission } from '@flywheel/plugin-flywheel-common';
import request from 'supertest';
import { flywheelPlugin } from '../plugin';
import { testEntities } from '../__testUtils__/testCatalog';

jest.setTimeout(60_000);

const ADA = 'user:default/ada';
const MALLORY = 'user:default/mallory';

type AuditRecord = {
  eventId: string;
  severityLevel?: string;
  meta?: unknown;
  outcome?: 'success' | 'fail';
  error?: Error;
};

/**
 * The backend with a policy that lets everyone read but only `writers` record
 * runs, and an auditor that keeps every event and how it ended.
 */
async function startBackend(options: { writers: string[] }) {
  const audit: AuditRecord[] = [];
  const auditor = mockServices.auditor.mock({
    createEvent: (async (
      opts: Parameters<AuditorService['createEvent']>[0],
    ) => {
      const record: AuditRecord = {
        eventId: opts.eventId,
        severityLevel: opts.severityLevel,
        meta: opts.meta,
      };
      audit.push(record);
      const event: AuditorServiceEvent = {
        async success() {
          record.outcome = 'success';
        },
        async fail(failure) {
          record.outcome = 'fail';
          record.error = failure.error;
        },
      };
      return event;
    }) as AuditorService['createEvent'],
  });

  const asked: Array<{ permission: string; principal: unknown }> = [];
  const permissions = mockServices.permissions.mock({
    authorize: (async (
      requests: EvaluatePermissionRequest[],
      { credentials }: { credentials: BackstageCredentials },
    ) =>
      requests.map(({ permission }) => {
        asked.push({
          permission: permission.name,
          principal: credentials.principal,
        });
        if (permission.name !== flywheelRunCreatePermission.name) {
          return { result: AuthorizeResult.ALLOW };
        }
        const user = (credentials.principal as BackstageUserPrincipal)
          .userEntityRef;
        return {
          result: options.writers.includes(user)
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
        };
      })) as any,
    // The catalog's read permission: everyone sees every entity.
    authorizeConditional: (async (requests: EvaluatePermissionRequest[]) =>
      requests.map(() => ({ result: AuthorizeResult.ALLOW }))) as any,
  });

  const { server } = await startTestBackend({
    features: [
      flywheelPlugin,
      catalogServiceMock.factory({ entities: testEntities }),
      permissions.factory,
      auditor.factory,
    ],
  });

  /** The runs stored for the golden path ts-service, as a reader sees them. */
  const storedRuns = async () => {
    const res = await request(server)
      .get('/api/flywheel/golden-paths')
      .set('Authorization', mockCredentials.user.header(ADA));
    expect(res.status).toBe(200);
    return res.body.items.find(
      (i: { templateRef: string }) =>
        i.templateRef === 'template:default/ts-service',
    ).runs;
  };

  const runEvents = () =>
    audit.filter(e => e.eventId === 'golden-path-run-record');

  return { server, audit, runEvents, asked, storedRuns };
}

const run = (overrides: Record<string, unknown> = {}) => ({
  taskId: 'task-1',
  templateRef: 'template:default/ts-service',
  entityRef: 'component:default/checkout',
  ownerRef: 'group:default/payments',
  startedAt: '2026-11-02T10:00:00Z',
  completedAt: '2026-11-02T10:02:00Z',
  outcome: 'succeeded',
  ...overrides,
});

describe('POST /golden-paths/runs against an attacker', () => {
  it('refuses a user without flywheel.golden-paths.run.create: 403, nothing stored, attempt audited', async () => {
    const { server, runEvents, asked, storedRuns } = await startBackend({
      writers: [ADA],
    });

    const res = await request(server)
      .post('/api/flywheel/golden-paths/runs')
      .set('Authorization', mockCredentials.user.header(MALLORY))
      .send(run());

    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      'Not allowed: flywheel.golden-paths.run.create',
    );
    expect(await storedRuns()).toMatchObject({ total: 0 });
    // The permission was asked for the caller, not for the plugin itself.
    expect(asked).toContainEqual({
      permission: 'flywheel.golden-paths.run.create',
      principal: expect.objectContaining({ userEntityRef: MALLORY }),
    });
    expect(runEvents()).toEqual([
      {
        eventId: 'golden-path-run-record',
        severityLevel: 'medium',
        meta: {
          taskId: 'task-1',
          templateRef: 'template:default/ts-service',
          outcome: 'succeeded',
        },
        outcome: 'fail',
        error: expect.objectContaining({ name: 'NotAllowedError' }),
      },
    ]);
  });

  it('cannot overwrite a recorded run without the permission', async () => {
    const { server, runEvents, storedRuns } = await startBackend({
      writers: [ADA],
    });
    const recorded = await request(server)
      .post('/api/flywheel/golden-paths/runs')
      .set('Authorization', mockCredentials.user.header(ADA))
      .send(run());
    expect(recorded.status).toBe(201);

    // Recording is idempotent per task: the same taskId would replace it.
    const forged = await request(server)
      .post('/api/flywheel/golden-paths/runs')
      .set('Authorization', mockCredentials.user.header(MALLORY))
      .send(run({ outcome: 'failed' }));
    expect(forged.status).toBe(403);

    expect(await storedRuns()).toMatchObject({
      total: 1,
      succeeded: 1,
      failed: 0,
    });
    expect(runEvents().map(e => e.outcome)).toEqual(['success', 'fail']);
  });

  it('audits a permitted write as a success at medium severity', async () => {
    const { server, runEvents, storedRuns } = await startBackend({
      writers: [ADA],
    });
    const res = await request(server)
      .post('/api/flywheel/golden-paths/runs')
      .set('Authorization', mockCredentials.user.header(ADA))
      .send(run());

    expect(res.status).toBe(201);
    expect(res.body).toEqual({ taskId: 'task-1' });
    expect(await storedRuns()).toMatchObject({ total: 1, succeeded: 1 });
    expect(runEvents()).toEqual([
      {
        eventId: 'golden-path-run-record',
        severityLevel: 'medium',
        meta: {
          taskId: 'task-1',
          templateRef: 'template:default/ts-service',
          outcome: 'succeeded',
        },
        outcome: 'success',
      },
    ]);
  });

  it('audits a write the service rejects as failed and stores nothing', async () => {
    const { server, runEvents, storedRuns } = await startBackend({
      writers: [ADA],
    });
    const res = await request(server)
      .post('/api/flywheel/golden-paths/runs')
      .set('Authorization', mockCredentials.user.header(ADA))
      .send(run({ templateRef: 'group:default/payments' }));

    expect(res.status).toBe(400);
    expect(await storedRuns()).toMatchObject({ total: 0 });
    expect(runEvents()).toEqual([
      expect.objectContaining({
        outcome: 'fail',
        error: expect.objectContaining({ name: 'InputError' }),
      }),
    ]);
  });

  it('refuses anonymous callers and a user named in the body', async () => {
    const { server, storedRuns } = await startBackend({ writers: [ADA] });

    const anonymous = await request(server)
      .post('/api/flywheel/golden-paths/runs')
      .set('Authorization', mockCredentials.none.header())
      .send(run());
    expect(anonymous.status).toBe(401);

    // The user comes from the credentials only: the body cannot name one.
    const spoofed = await request(server)
      .post('/api/flywheel/golden-paths/runs')
      .set('Authorization', mockCredentials.user.header(MALLORY))
      .send(run({ userRef: ADA }));
    expect(spoofed.status).toBe(400);

    expect(await storedRuns()).toMatchObject({ total: 0 });
  });
});
