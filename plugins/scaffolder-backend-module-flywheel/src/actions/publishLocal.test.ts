import { mockContext } from '../__testUtils__/mockContext';
import {
  createMockDirectory,
  mockCredentials,
} from '@backstage/backend-test-utils';
import fs from 'fs-extra';
import path from 'path';
import { createPublishLocalAction } from './publishLocal';

describe('flywheel:publish:local', () => {
  const workspace = createMockDirectory();
  const published = createMockDirectory();
  const catalog = { addLocation: jest.fn(async () => ({})) };
  const action = createPublishLocalAction({
    directory: published.path,
    catalog,
  });

  beforeEach(() => {
    jest.clearAllMocks();
    published.clear();
    workspace.setContent({
      'catalog-info.yaml':
        'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: checkout\nspec:\n  type: service\n',
      'src/server.js': 'console.log("hi")',
    });
  });

  it('copies the workspace and registers its descriptor as a file location', async () => {
    const credentials = mockCredentials.user('user:default/ada');
    const ctx = mockContext({
      input: { name: 'checkout' },
      workspacePath: workspace.path,
      getInitiatorCredentials: async () => credentials,
    });
    await action.handler(ctx);

    const target = path.join(published.path, 'checkout');
    expect(await fs.readFile(path.join(target, 'src/server.js'), 'utf8')).toBe(
      'console.log("hi")',
    );
    expect(catalog.addLocation).toHaveBeenCalledWith(
      { type: 'file', target: path.join(target, 'catalog-info.yaml') },
      { credentials },
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'component:default/checkout',
    );
  });

  it('refuses to overwrite an existing service', async () => {
    await fs.mkdirp(path.join(published.path, 'checkout'));
    await expect(
      action.handler(
        mockContext({
          input: { name: 'checkout' },
          workspacePath: workspace.path,
        }),
      ),
    ).rejects.toThrow(/already exists/);
    expect(catalog.addLocation).not.toHaveBeenCalled();
  });

  it('writes and registers nothing on a dry run', async () => {
    const ctx = mockContext({
      input: { name: 'checkout' },
      workspacePath: workspace.path,
      isDryRun: true,
    });
    await action.handler(ctx);
    expect(await fs.pathExists(path.join(published.path, 'checkout'))).toBe(
      false,
    );
    expect(catalog.addLocation).not.toHaveBeenCalled();
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'component:default/checkout',
    );
  });

  it('reports a name clash in a dry run too', async () => {
    await fs.mkdirp(path.join(published.path, 'checkout'));
    await expect(
      action.handler(
        mockContext({
          input: { name: 'checkout' },
          workspacePath: workspace.path,
          isDryRun: true,
        }),
      ),
    ).rejects.toThrow(/already exists/);
  });

  it('explains how to configure it when unconfigured', async () => {
    const unconfigured = createPublishLocalAction({ catalog });
    await expect(
      unconfigured.handler(
        mockContext({
          input: { name: 'checkout' },
          workspacePath: workspace.path,
        }),
      ),
    ).rejects.toThrow(/flywheel.scaffolder.localPublish.directory/);
  });
});
