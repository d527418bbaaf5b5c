import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { audited } from './audited';
import { authorizeOrThrow } from '../permissions/authorize';

const permission = createPermission({
  name: 'flywheel.test.write',
  attributes: { action: 'create' },
});

function recordingAuditor() {
  const steps: string[] = [];
  const success = jest.fn(async () => {
    steps.push('success');
  });
  const fail = jest.fn(async () => {
    steps.push('fail');
  });
  const auditor = mockServices.auditor.mock({
    createEvent: jest.fn(async () => {
      steps.push('created');
      return { success, fail };
    }),
  });
  return { auditor, steps, success, fail };
}

describe('audited', () => {
  const req = {} as any;

  it('opens a medium-severity event before the write and ends it with success', async () => {
    const { auditor, steps } = recordingAuditor();
    const result = await audited(
      auditor,
      req,
      'thing-create',
      { id: 'a' },
      async () => {
        steps.push('write');
        return 42;
      },
    );
    expect(result).toBe(42);
    expect(steps).toEqual(['created', 'write', 'success']);
    expect(auditor.createEvent).toHaveBeenCalledWith({
      eventId: 'thing-create',
      severityLevel: 'medium',
      request: req,
      meta: { id: 'a' },
    });
  });

  it('records a refused write as failed and rethrows the error', async () => {
    const { auditor, steps, fail } = recordingAuditor();
    const refused = new NotAllowedError('Not allowed: flywheel.test.write');
    await expect(
      audited(auditor, req, 'thing-create', {}, async () => {
        throw refused;
      }),
    ).rejects.toBe(refused);
    expect(steps).toEqual(['created', 'fail']);
    expect(fail).toHaveBeenCalledWith({ error: refused });
  });
});

describe('authorizeOrThrow', () => {
  const credentials = mockCredentials.user('user:default/ada');

  it('passes when the policy allows, asking for the caller', async () => {
    const permissions = mockServices.permissions.mock({
      authorize: jest.fn(async () => [{ result: AuthorizeResult.ALLOW }]),
    } as any);
    await expect(
      authorizeOrThrow(permissions, permission, credentials),
    ).resolves.toBeUndefined();
    expect(permissions.authorize).toHaveBeenCalledWith([{ permission }], {
      credentials,
    });
  });

  it.each([AuthorizeResult.DENY, AuthorizeResult.CONDITIONAL])(
    'throws NotAllowedError (403) naming the permission on %s',
    async result => {
      const permissions = mockServices.permissions.mock({
        authorize: jest.fn(async () => [{ result }]),
      } as any);
      await expect(
        authorizeOrThrow(permissions, permission, credentials),
      ).rejects.toThrow(
        new NotAllowedError('Not allowed: flywheel.test.write'),
      );
    },
  );
});
