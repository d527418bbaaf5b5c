import { mockContext } from '../__testUtils__/mockContext';
import {
  createMockDirectory,
  mockCredentials,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import fs from 'fs-extra';
import path from 'path';
import { createFetchLocalAction } from './fetchLocal';

const descriptor = (name: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\nspec:\n  type: service\n`;

describe('flywheel:fetch:local', () => {
  const workspace = createMockDirectory();
  const published = createMockDirectory();
  const elsewhere = createMockDirectory();
  const entities = new Map<string, Entity>();
  const catalog = {
    getEntityByRef: jest.fn(async (ref: string) => entities.get(ref)),
  };
  const action = createFetchLocalAction({
    directory: published.path,
    catalog,
  });
  const credentials = mockCredentials.user('user:default/ada');

  function entity(name: string, location: string): Entity {
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name,
        namespace: 'default',
        annotations: { 'backstage.io/managed-by-location': location },
      },
    };
  }

  const run = (entityRef: string) => {
    const ctx = mockContext({
      input: { entityRef },
      workspacePath: workspace.path,
      getInitiatorCredentials: async () => credentials,
    });
    return { ctx, done: action.handler(ctx) };
  };

  beforeEach(() => {
    jest.clearAllMocks();
    entities.clear();
    workspace.clear();
    elsewhere.clear();
    published.setContent({
      'release-notes': {
        'catalog-info.yaml': descriptor('release-notes-service'),
        'src/server.js': 'console.log("notes")',
        '.gitignore': 'node_modules/',
      },
      payments: { 'catalog-info.yaml': descriptor('payments') },
    });
    entities.set(
      'component:default/release-notes-service',
      entity(
        'release-notes-service',
        `file:${path.join(published.path, 'release-notes/catalog-info.yaml')}`,
      ),
    );
  });

  it('copies the folder the catalog reads the entity from into the workspace', async () => {
    const { ctx, done } = run('component:default/release-notes-service');
    await done;
    expect(
      await fs.readFile(path.join(workspace.path, 'src/server.js'), 'utf8'),
    ).toBe('console.log("notes")');
    expect(await fs.pathExists(path.join(workspace.path, '.gitignore'))).toBe(
      true,
    );
    expect(catalog.getEntityByRef).toHaveBeenCalledWith(
      'component:default/release-notes-service',
      { credentials },
    );
    expect(ctx.output).toHaveBeenCalledWith('name', 'release-notes');
    expect(ctx.output).toHaveBeenCalledWith(
      'catalogInfoPath',
      'catalog-info.yaml',
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'component:default/release-notes-service',
    );
  });

  it('reads a bare name as a Component in the default namespace', async () => {
    await run('release-notes-service').done;
    expect(catalog.getEntityByRef).toHaveBeenCalledWith(
      'component:default/release-notes-service',
      { credentials },
    );
  });

  it('refuses an entity that is not in the catalog', async () => {
    await expect(run('component:default/orders').done).rejects.toMatchObject({
      name: 'NotFoundError',
    });
    expect(await fs.readdir(workspace.path)).toEqual([]);
  });

  it.each([
    [
      'a url location',
      'url:https://github.com/acme/x/blob/main/catalog-info.yaml',
    ],
    ['a file elsewhere', 'file:/srv/examples/catalog/commerce.yaml'],
    ['the directory itself', 'file:PUBLISHED/catalog-info.yaml'],
    ['a path that climbs out', 'file:PUBLISHED/../x/catalog-info.yaml'],
    ['a hidden folder', 'file:PUBLISHED/.git/catalog-info.yaml'],
  ])('refuses an entity read from %s', async (_what, location) => {
    entities.set(
      'component:default/checkout',
      entity('checkout', location.replace('PUBLISHED', published.path)),
    );
    await expect(run('component:default/checkout').done).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(/is not a locally published service/),
    });
    expect(await fs.readdir(workspace.path)).toEqual([]);
  });

  it('refuses a folder whose descriptor names another entity', async () => {
    entities.set(
      'component:default/checkout',
      entity(
        'checkout',
        `file:${path.join(published.path, 'payments/catalog-info.yaml')}`,
      ),
    );
    await expect(run('component:default/checkout').done).rejects.toMatchObject({
      name: 'ConflictError',
      message: expect.stringMatching(/holds component:default\/payments/),
    });
    expect(await fs.readdir(workspace.path)).toEqual([]);
  });

  it('refuses a folder with a symbolic link in it', async () => {
    await fs.outputFile(path.join(elsewhere.path, 'secret'), 'secret');
    await fs.symlink(
      path.join(elsewhere.path, 'secret'),
      path.join(published.path, 'release-notes/secret'),
    );
    await expect(
      run('component:default/release-notes-service').done,
    ).rejects.toThrow(/symbolic link/);
    expect(await fs.readdir(workspace.path)).toEqual([]);
  });

  it('explains how to configure it when unconfigured', async () => {
    const unconfigured = createFetchLocalAction({ catalog });
    await expect(
      unconfigured.handler(
        mockContext({
          input: { entityRef: 'component:default/release-notes-service' },
          workspacePath: workspace.path,
        }),
      ),
    ).rejects.toThrow(/flywheel.scaffolder.localPublish.directory/);
  });
});
