import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';

/**
 * createMockActionContext drops isDryRun and getInitiatorCredentials from its
 * options; this keeps them.
 */
export function mockContext(
  options: Parameters<typeof createMockActionContext>[0] & {
    isDryRun?: boolean;
  },
): any {
  const { isDryRun, getInitiatorCredentials } = options ?? {};
  return {
    ...createMockActionContext(options),
    ...(isDryRun !== undefined && { isDryRun }),
    ...(getInitiatorCredentials && { getInitiatorCredentials }),
  };
}
