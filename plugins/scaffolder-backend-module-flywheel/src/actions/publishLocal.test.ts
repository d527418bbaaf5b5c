import { mockContext } from '../__testUtils__/mockContext';
import {
  createMockDirectory,
  mockCredentials,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import fs from 'fs-extra';
import path from 'path';
import { createPublishLocalAction } from './publishLocal';

const descriptor = (name: string, extra = '') =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\n${extra}spec:\n  type: service\n`;

describe('flywheel:publish:local', () => {
  const workspace = createMockDirectory();
  const published = createMockDirectory();
  const elsewhere = createMockDirectory();
  const entities = new Map<string, Entity>();
  const catalog = {
    addLocation: jest.fn(async () => ({})),
    getEntityByRef: jest.fn(async (ref: string) => entities.get(ref)),
    refreshEntity: jest.fn(async () => {}),
  };
  const permissions = {
    authorize: jest.fn(
      async (): Promise<{ result: AuthorizeResult }[]> => [
        { result: AuthorizeResult.ALLOW },
      ],
    ),
  };
  const action = createPublishLocalAction({
    directory: published.path,
    catalog,
    permissions: permissions as any,
  });
  const credentials = mockCredentials.user('user:default/ada');

  /** Registers `name`'s folder in the mocked catalog as the source of `entityRef`. */
  function registered(entityRef: string, name: string) {
    const [kind, rest] = entityRef.split(':');
    const [namespace, entityName] = rest.split('/');
    entities.set(entityRef, {
      apiVersion: 'backstage.io/v1alpha1',
      kind,
      metadata: {
        name: entityName,
        namespace,
        annotations: {
          'backstage.io/managed-by-location': `file:${path.join(
            published.path,
            name,
            'catalog-info.yaml',
          )}`,
        },
      },
    });
  }

  const run = (input: Record<string, any>, extra = {}) => {
    const ctx = mockContext({
      input,
      workspacePath: workspace.path,
      getInitiatorCredentials: async () => credentials,
      ...extra,
    });
    return { ctx, done: action.handler(ctx) };
  };

  beforeEach(() => {
    jest.clearAllMocks();
    entities.clear();
    published.clear();
    elsewhere.clear();
    workspace.setContent({
      'catalog-info.yaml': descriptor('checkout'),
      'src/server.js': 'console.log("hi")',
    });
  });

  describe('a new service', () => {
    it('copies the workspace and registers its descriptor as a file location', async () => {
      const { ctx, done } = run({ name: 'checkout' });
      await done;

      const target = path.join(published.path, 'checkout');
      expect(
        await fs.readFile(path.join(target, 'src/server.js'), 'utf8'),
      ).toBe('console.log("hi")');
      expect(catalog.addLocation).toHaveBeenCalledWith(
        { type: 'file', target: path.join(target, 'catalog-info.yaml') },
        { credentials },
      );
      expect(catalog.refreshEntity).not.toHaveBeenCalled();
      expect(ctx.output).toHaveBeenCalledWith(
        'entityRef',
        'component:default/checkout',
      );
    });

    it('refuses to overwrite an existing service', async () => {
      await fs.mkdirp(path.join(published.path, 'checkout'));
      await expect(run({ name: 'checkout' }).done).rejects.toThrow(
        /already exists.*update: true/,
      );
      expect(catalog.addLocation).not.toHaveBeenCalled();
    });

    it('writes and registers nothing on a dry run', async () => {
      const { ctx, done } = run({ name: 'checkout' }, { isDryRun: true });
      await done;
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
        run({ name: 'checkout' }, { isDryRun: true }).done,
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

  describe('an existing service (update: true)', () => {
    beforeEach(() => {
      published.setContent({
        checkout: {
          'catalog-info.yaml': descriptor('checkout'),
          'src/server.js': 'console.log("old")',
          'README.md': '# checkout',
        },
        payments: {
          'catalog-info.yaml': descriptor('payments'),
          'src/server.js': 'console.log("payments")',
        },
      });
      registered('component:default/checkout', 'checkout');
      registered('component:default/payments', 'payments');
    });

    it("replaces the workspace's files, keeps the others and asks the catalog to refresh the entity", async () => {
      workspace.setContent({
        'catalog-info.yaml': descriptor(
          'checkout',
          "  annotations:\n    flywheel.dev/template-version: '1.2.0'\n",
        ),
        'src/server.js': 'console.log("new")',
        Dockerfile: 'FROM node:22-slim',
      });
      const { ctx, done } = run({ name: 'checkout', update: true });
      await done;

      const target = path.join(published.path, 'checkout');
      expect(
        await fs.readFile(path.join(target, 'src/server.js'), 'utf8'),
      ).toBe('console.log("new")');
      expect(await fs.readFile(path.join(target, 'Dockerfile'), 'utf8')).toBe(
        'FROM node:22-slim',
      );
      expect(await fs.readFile(path.join(target, 'README.md'), 'utf8')).toBe(
        '# checkout',
      );
      expect(
        await fs.readFile(path.join(target, 'catalog-info.yaml'), 'utf8'),
      ).toContain('1.2.0');
      expect(catalog.refreshEntity).toHaveBeenCalledWith(
        'component:default/checkout',
        { credentials },
      );
      expect(catalog.addLocation).not.toHaveBeenCalled();
      expect(permissions.authorize).toHaveBeenCalledWith(
        [
          {
            permission: expect.objectContaining({
              name: 'catalog.entity.refresh',
            }),
            resourceRef: 'component:default/checkout',
          },
        ],
        { credentials },
      );
      expect(ctx.output).toHaveBeenCalledWith('directory', target);
    });

    it('checks everything on a dry run but writes and refreshes nothing', async () => {
      workspace.setContent({
        'catalog-info.yaml': descriptor('checkout'),
        Dockerfile: 'FROM node:22-slim',
      });
      await run({ name: 'checkout', update: true }, { isDryRun: true }).done;
      expect(
        await fs.pathExists(path.join(published.path, 'checkout/Dockerfile')),
      ).toBe(false);
      expect(catalog.refreshEntity).not.toHaveBeenCalled();

      await expect(
        run({ name: 'payments', update: true }, { isDryRun: true }).done,
      ).rejects.toThrow(/holds component:default\/payments/);
    });

    /** What a refused update must leave as it was. */
    async function expectUntouched() {
      expect(
        await fs.readFile(
          path.join(published.path, 'payments/src/server.js'),
          'utf8',
        ),
      ).toBe('console.log("payments")');
      expect(
        await fs.readFile(
          path.join(published.path, 'checkout/src/server.js'),
          'utf8',
        ),
      ).toBe('console.log("old")');
      expect(catalog.refreshEntity).not.toHaveBeenCalled();
      expect(catalog.addLocation).not.toHaveBeenCalled();
    }

    it("refuses another entity's folder", async () => {
      // The workspace holds checkout; the folder is payments'.
      await expect(
        run({ name: 'payments', update: true }).done,
      ).rejects.toMatchObject({
        name: 'ConflictError',
        message: expect.stringMatching(
          /holds component:default\/payments, not component:default\/checkout/,
        ),
      });
      await expectUntouched();
    });

    it('refuses a folder that does not exist', async () => {
      await expect(
        run({ name: 'orders', update: true }).done,
      ).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringMatching(/no published service orders/),
      });
      expect(await fs.pathExists(path.join(published.path, 'orders'))).toBe(
        false,
      );
      await expectUntouched();
    });

    it.each([
      ['../checkout'],
      ['..'],
      ['.'],
      [''],
      ['checkout/../payments'],
      ['/etc'],
      ['Checkout'],
    ])('refuses the name %p before touching anything', async name => {
      for (const update of [true, false]) {
        await expect(run({ name, update }).done).rejects.toMatchObject({
          name: 'InputError',
          message: expect.stringMatching(/lowercase letters/),
        });
      }
      await expectUntouched();
    });

    it('refuses a descriptor path outside the folder', async () => {
      await fs.outputFile(
        path.join(workspace.path, 'sub/catalog-info.yaml'),
        descriptor('payments'),
      );
      await expect(
        run({
          name: 'checkout',
          update: true,
          catalogInfoPath: '../payments/catalog-info.yaml',
        }).done,
      ).rejects.toThrow(/outside/);
      await expectUntouched();
    });

    it('refuses a folder the catalog does not read the entity from', async () => {
      // A second copy of checkout, not the one the catalog knows.
      await fs.copy(
        path.join(published.path, 'checkout'),
        path.join(published.path, 'checkout-copy'),
      );
      await expect(
        run({ name: 'checkout-copy', update: true }).done,
      ).rejects.toMatchObject({
        name: 'ConflictError',
        message: expect.stringMatching(
          /reads component:default\/checkout from file:.*checkout\/catalog-info.yaml, not from/,
        ),
      });
      await expectUntouched();
    });

    it('refuses an entity that is not in the catalog', async () => {
      entities.delete('component:default/checkout');
      await expect(
        run({ name: 'checkout', update: true }).done,
      ).rejects.toMatchObject({
        name: 'ConflictError',
        message: expect.stringMatching(/not in the catalog/),
      });
      await expectUntouched();
    });

    it('refuses an entity registered from somewhere else', async () => {
      entities.get('component:default/checkout')!.metadata.annotations![
        'backstage.io/managed-by-location'
      ] = 'url:https://github.com/acme/checkout/blob/main/catalog-info.yaml';
      await expect(
        run({ name: 'checkout', update: true }).done,
      ).rejects.toThrow(/reads component:default\/checkout from url:/);
      await expectUntouched();
    });

    it('refuses a service folder that holds a symbolic link', async () => {
      await fs.outputFile(path.join(elsewhere.path, 'secret'), 'secret');
      await fs.symlink(
        path.join(elsewhere.path, 'secret'),
        path.join(published.path, 'checkout/src/config.js'),
      );
      workspace.setContent({
        'catalog-info.yaml': descriptor('checkout'),
        'src/config.js': 'overwritten',
      });
      await expect(
        run({ name: 'checkout', update: true }).done,
      ).rejects.toThrow(/symbolic link \(src\/config.js\)/);
      expect(
        await fs.readFile(path.join(elsewhere.path, 'secret'), 'utf8'),
      ).toBe('secret');
      await expectUntouched();
    });

    it('refuses a service folder that is itself a link out of the directory', async () => {
      elsewhere.setContent({ 'catalog-info.yaml': descriptor('checkout') });
      await fs.remove(path.join(published.path, 'checkout'));
      await fs.symlink(elsewhere.path, path.join(published.path, 'checkout'));
      await expect(
        run({ name: 'checkout', update: true }).done,
      ).rejects.toThrow(/outside/);
      expect(await fs.readdir(elsewhere.path)).toEqual(['catalog-info.yaml']);
    });

    it('refuses a user the permission policy does not let refresh the entity', async () => {
      permissions.authorize.mockResolvedValueOnce([
        { result: AuthorizeResult.DENY },
      ]);
      workspace.setContent({
        'catalog-info.yaml': descriptor('checkout'),
        'src/server.js': 'console.log("new")',
      });
      await expect(
        run({ name: 'checkout', update: true }).done,
      ).rejects.toMatchObject({
        name: 'NotAllowedError',
        message: expect.stringMatching(/catalog.entity.refresh/),
      });
      await expectUntouched();
    });
  });
});
