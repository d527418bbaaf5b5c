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
import fs from 'fs-extra';
import path from 'path';
import request from 'supertest';
import { parse } from 'yaml';
import { scaffolderModuleFlywheel } from './module';

// A golden path from examples/ run through the real scaffolder and catalog
// backends, publishing offline with flywheel:publish:local.
jest.setTimeout(120_000);

const repoRoot = path.resolve(__dirname, '../../..');
const templateFile = path.join(
  repoRoot,
  'examples/templates/typescript-service/template.yaml',
);

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
    locations: [{ type: 'file', target: templateFile }],
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

describe('a golden path, end to end', () => {
  const published = createMockDirectory();

  it('scaffolds a service, stamps provenance, registers it and records the run', async () => {
    const { server } = await startTestBackend({
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
    });
    const user = mockCredentials.user.header('user:default/ada');

    await waitFor(async () => {
      const res = await request(server)
        .get(
          '/api/catalog/entities/by-name/template/default/typescript-service',
        )
        .set('Authorization', user);
      return res.status === 200 ? res.body : undefined;
    }, 'the template to be in the catalog');

    // Only name and owner: everything else has a default.
    const created = await request(server)
      .post('/api/scaffolder/v2/tasks')
      .set('Authorization', user)
      .send({
        templateRef: 'template:default/typescript-service',
        values: { name: 'e2e-svc', owner: 'group:default/payments' },
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
    const dir = path.join(published.path, 'e2e-svc');
    for (const file of [
      'catalog-info.yaml',
      'README.md',
      'mkdocs.yml',
      'docs/index.md',
      'Dockerfile',
      '.github/workflows/ci.yaml',
      'package.json',
    ]) {
      expect(await fs.pathExists(path.join(dir, file))).toBe(true);
    }
    const descriptor = parse(
      await fs.readFile(path.join(dir, 'catalog-info.yaml'), 'utf8'),
    );
    expect(descriptor.spec.owner).toBe('group:default/payments');

    // The registered entity carries the provenance.
    const entity = await waitFor(async () => {
      const res = await request(server)
        .get('/api/catalog/entities/by-name/component/default/e2e-svc')
        .set('Authorization', user);
      return res.status === 200 ? res.body : undefined;
    }, 'the new component in the catalog');
    expect(entity.metadata.annotations).toMatchObject({
      'backstage.io/source-template': 'template:default/typescript-service',
      'flywheel.dev/template-ref': 'template:default/typescript-service',
      'flywheel.dev/template-version': '1.2.0',
      'flywheel.dev/scaffolder-task-id': created.body.id,
    });
    expect(
      Date.parse(entity.metadata.annotations['flywheel.dev/created-at']),
    ).not.toBeNaN();

    // Flywheel counted the run and the service.
    const paths = await request(server)
      .get('/api/flywheel/golden-paths')
      .set('Authorization', user);
    expect(paths.status).toBe(200);
    const summary = paths.body.items.find(
      (i: any) => i.templateRef === 'template:default/typescript-service',
    );
    expect(summary).toMatchObject({
      servicesCreated: 1,
      runs: { total: 1, succeeded: 1, failed: 0, successRate: 1 },
    });
    expect(summary.medianCreationSeconds).toBeGreaterThanOrEqual(0);
  });
});
