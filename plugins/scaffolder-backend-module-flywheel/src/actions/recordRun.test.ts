import { mockContext } from '../__testUtils__/mockContext';
import { mockCredentials } from '@backstage/backend-test-utils';
import { createRecordRunAction } from './recordRun';

const templateInfo = {
  entityRef: 'template:default/typescript-service',
  entity: {
    metadata: {
      name: 'typescript-service',
      annotations: { 'flywheel.dev/template-version': '1.2.0' },
    },
  },
};

describe('flywheel:run:record', () => {
  const recorder = {
    taskCreatedAt: jest.fn(async () => '2026-11-25T11:59:00.000Z'),
    record: jest.fn(async () => {}),
  };
  const action = createRecordRunAction({
    recorder,
    now: () => new Date('2026-11-25T12:00:00Z'),
  });

  beforeEach(() => jest.clearAllMocks());

  it('records the run on behalf of the user who ran the template', async () => {
    const credentials = mockCredentials.user('user:default/ada');
    const ctx = mockContext({
      input: {
        entityRef: 'component:default/checkout',
        owner: 'group:default/payments',
      },
      templateInfo,
      task: { id: 'task-42' },
      getInitiatorCredentials: async () => credentials,
    });
    await action.handler(ctx);

    expect(recorder.taskCreatedAt).toHaveBeenCalledWith('task-42');
    expect(recorder.record).toHaveBeenCalledWith(
      {
        taskId: 'task-42',
        templateRef: 'template:default/typescript-service',
        templateVersion: '1.2.0',
        entityRef: 'component:default/checkout',
        ownerRef: 'group:default/payments',
        startedAt: '2026-11-25T11:59:00.000Z',
        completedAt: '2026-11-25T12:00:00.000Z',
        outcome: 'succeeded',
      },
      credentials,
    );
  });

  it('records without a start time when the scaffolder does not tell it', async () => {
    recorder.taskCreatedAt.mockResolvedValueOnce(undefined as any);
    await action.handler(mockContext({ input: {}, templateInfo }));
    expect(recorder.record).toHaveBeenCalledWith(
      expect.objectContaining({ startedAt: undefined, entityRef: undefined }),
      expect.anything(),
    );
  });

  it('records nothing on a dry run', async () => {
    await action.handler(
      mockContext({ input: {}, templateInfo, isDryRun: true }),
    );
    expect(recorder.record).not.toHaveBeenCalled();
  });

  it('fails with a clear message when the backend refuses', async () => {
    recorder.record.mockRejectedValueOnce(new Error('Request failed with 403'));
    await expect(
      action.handler(mockContext({ input: {}, templateInfo })),
    ).rejects.toThrow('Request failed with 403');
  });
});
