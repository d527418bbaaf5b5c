import { createBackendModule } from '@backstage/backend-plugin-api';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleTemplateKind from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
// The end-to-end test needs the real Flywheel backend to receive recorded runs.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import flywheelPlugin from '@flywheel/plugin-flywheel-backend';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogLocationsExtensionPoint } from '@backstage/plugin-catalog-node';
import { execFile } from 'child_process';
import fs from 'fs-extra';
import path from 'path';
import request from 'supertest';
import { promisify } from 'util';
import { parse } from 'yaml';
import { scaffolderModuleFlywheel } from './module';

// Each golden path from examples/ run through the real scaffolder and catalog
// backends, publishing offline with flywheel:publish:local; then the project it
// produced installs its dependencies and runs its own build and tests, so a
// golden path that scaffolds a broken project fails here.
jest.setTimeout(600_000);

const repoRoot = path.resolve(__dirname, '../../..');
const goldenPaths = [
  { name: 'typescript-service', version: '1.2.0', built: 'dist/server.js' },
  { name: 'react-webapp', version: '1.2.0', built: 'dist/index.html' },
];
const templateFile = (name: string) =>
  path.join(repoRoot, 'examples/templates', name, 'template.yaml');

const allowFileLocations = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'test-file-locations',
  register(env) {
    env.registerInit({
      deps: { locations: catalogLocationsExtensionPoint },
      async init({ locations }) {
        locations.setAllowedLocationTypes(['url', 'file']);
      },
    });
  },
});

// Keeps the test from waiting on the catalog's default processing cadence.
const fastCatalogConfig = {
  catalog: {
    processingInterval: { seconds: 1 },
    rules: [{ allow: ['Component', 'Template', 'Location', 'Group', 'User'] }],
    locations: goldenPaths.map(p => ({
      type: 'file',
      target: templateFile(p.name),
    })),
  },
};

async function waitFor<T>(fn: () => Promise<T | undefined>, what: string) {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 500));
  }
}

const execFileAsync = promisify(execFile);

/** Runs npm in a generated project as its developer would, outside this repository's Yarn. */
async function npm(cwd: string, ...args: string[]) {
  // Yarn's variables (npm_config_*, npm_execpath) would leak this workspace's settings.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)),
  );
  try {
    return await execFileAsync('npm', args, {
      cwd,
      env: { ...env, CI: 'true', NODE_ENV: 'test' },
      timeout: 300_000,
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error: any) {
    throw new Error(
      `npm ${args.join(' ')} failed in ${path.basename(cwd)}:\n${
        error.stdout ?? ''
      }\n${error.stderr ?? error.message}`,
    );
  }
}

describe('golden paths, end to end', () => {
  const published = createMockDirectory();
  let server: Parameters<typeof request>[0];
  const user = mockCredentials.user.header('user:default/ada');

  beforeAll(async () => {
    ({ server } = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleTemplateKind,
        allowFileLocations,
        scaffolderPlugin,
        scaffolderModuleFlywheel,
        flywheelPlugin,
        mockServices.rootConfig.factory({
          data: {
            ...fastCatalogConfig,
            flywheel: {
              scaffolder: { localPublish: { directory: published.path } },
            },
          },
        }),
      ],
    }));
  });

  it.each(goldenPaths)(
    '$name scaffolds a project that builds and passes its own tests, stamps provenance, registers it and records the run',
    async goldenPath => {
      const templateRef = `template:default/${goldenPath.name}`;
      const serviceName = `e2e-${goldenPath.name}`;
      await waitFor(async () => {
        const res = await request(server)
          .get(
            `/api/catalog/entities/by-name/template/default/${goldenPath.name}`,
          )
          .set('Authorization', user);
        return res.status === 200 ? res.body : undefined;
      }, 'the template to be in the catalog');

      // Only name and owner: everything else has a default.
      const created = await request(server)
        .post('/api/scaffolder/v2/tasks')
        .set('Authorization', user)
        .send({
          templateRef,
          values: { name: serviceName, owner: 'group:default/payments' },
        });
      expect(created.status).toBe(201);

      const task = await waitFor(async () => {
        const res = await request(server)
          .get(`/api/scaffolder/v2/tasks/${created.body.id}`)
          .set('Authorization', user);
        return ['completed', 'failed'].includes(res.body.status)
          ? res.body
          : undefined;
      }, 'the task to finish');
      if (task.status !== 'completed') {
        const events = await request(server)
          .get(`/api/scaffolder/v2/tasks/${created.body.id}/events`)
          .set('Authorization', user);
        throw new Error(
          `Task failed: ${JSON.stringify(
            events.body.map((e: any) => e.body.message),
          )}`,
        );
      }

      // The generated project is complete.
      const dir = path.join(published.path, serviceName);
      for (const file of [
        'catalog-info.yaml',
        'README.md',
        'mkdocs.yml',
        'docs/index.md',
        'Dockerfile',
        '.github/workflows/ci.yaml',
        'package.json',
        'package-lock.json',
      ]) {
        expect(await fs.pathExists(path.join(dir, file))).toBe(true);
      }
      const descriptor = parse(
        await fs.readFile(path.join(dir, 'catalog-info.yaml'), 'utf8'),
      );
      expect(descriptor.spec.owner).toBe('group:default/payments');
      const manifest = await fs.readJson(path.join(dir, 'package.json'));
      expect(manifest.name).toBe(serviceName);

      // ...and works: the same steps its CI workflow runs, bar the image.
      await npm(dir, 'ci', '--no-audit', '--no-fund');
      await npm(dir, 'run', 'build');
      expect(await fs.pathExists(path.join(dir, goldenPath.built))).toBe(true);
      const tests = await npm(dir, 'test');
      // node --test prints "# pass N", Vitest "Tests  N passed".
      const output = `${tests.stdout}\n${tests.stderr}`;
      const passed = [
        ...output.matchAll(/# pass (\d+)|Tests\s+(\d+) passed/g),
      ].reduce((sum, m) => sum + Number(m[1] ?? m[2]), 0);
      expect(passed).toBeGreaterThan(0);
      expect(output).not.toMatch(/# fail [1-9]|\d+ failed/);

      // The registered entity carries the provenance.
      const entity = await waitFor(async () => {
        const res = await request(server)
          .get(`/api/catalog/entities/by-name/component/default/${serviceName}`)
          .set('Authorization', user);
        return res.status === 200 ? res.body : undefined;
      }, 'the new component in the catalog');
      expect(entity.metadata.annotations).toMatchObject({
        'backstage.io/source-template': templateRef,
        'flywheel.dev/template-ref': templateRef,
        'flywheel.dev/template-version': goldenPath.version,
        'flywheel.dev/scaffolder-task-id': created.body.id,
      });
      expect(
        Date.parse(entity.metadata.annotations['flywheel.dev/created-at']),
      ).not.toBeNaN();

      // Flywheel counted the run and the service: the golden paths count
      // from a snapshot of the catalog, read again within a minute (5 s
      // after a change where the catalog module announces changes).
      const summary = await waitFor(async () => {
        const paths = await request(server)
          .get('/api/flywheel/golden-paths')
          .set('Authorization', user);
        expect(paths.status).toBe(200);
        const item = paths.body.items.find(
          (i: any) => i.templateRef === templateRef,
        );
        return item?.servicesCreated === 1 ? item : undefined;
      }, 'the new service in the golden path');
      expect(summary).toMatchObject({
        servicesCreated: 1,
        runs: { total: 1, succeeded: 1, failed: 0, successRate: 1 },
      });
      expect(summary.medianCreationSeconds).toBeGreaterThanOrEqual(0);
    },
  );
});
