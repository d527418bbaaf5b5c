import { createBackendModule } from '@backstage/backend-plugin-api';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleTemplateKind from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
// The end-to-end test asks the real Flywheel backend for the provenance it reads.
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
import { parse, parseDocument } from 'yaml';
import { scaffolderModuleFlywheel } from './module';

// The "Adopt a golden path" template of examples/ run through the real
// scaffolder and catalog backends on a legacy service of the demo, which it
// rewrites offline with flywheel:fetch:local and flywheel:publish:local.
jest.setTimeout(120_000);

const repoRoot = path.resolve(__dirname, '../../..');
const templates = path.join(repoRoot, 'examples/templates');
const adoptDir = path.join(templates, 'adopt-golden-path');
const legacySource = path.join(
  repoRoot,
  'examples/legacy-services/release-notes-service',
);

/** Every file below `dir`, as paths relative to it. */
async function listFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  const walk = async (current: string) => {
    for (const entry of await fs.readdir(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        await walk(full);
      } else {
        files.push(path.relative(dir, full).split(path.sep).join('/'));
      }
    }
  };
  await walk(dir);
  return files.sort();
}

describe('the adopt-golden-path template', () => {
  const template = parse(
    fs.readFileSync(path.join(adoptDir, 'template.yaml'), 'utf8'),
  );
  const pathChoices: string[] =
    template.spec.parameters[0].properties.goldenPath.enum;
  // What a service on a golden path must have; the TechDocs start page
  // is written for an adopted service, the rest is the path's own.
  const required = [
    '.dockerignore',
    '.github/workflows/ci.yaml',
    'Dockerfile',
    'docs/index.md',
    'mkdocs.yml',
  ];

  it('is not a golden path itself', () => {
    expect(template.metadata.labels?.['flywheel.dev/golden-path']).not.toBe(
      'true',
    );
    expect(template.spec.parameters[0].properties.goldenPath.default).toBe(
      'template:default/typescript-service',
    );
  });

  it('offers exactly the golden paths it has files for', async () => {
    expect(
      pathChoices.map(ref => ref.replace('template:default/', '')).sort(),
    ).toEqual((await fs.readdir(path.join(adoptDir, 'skeletons'))).sort());
    for (const ref of pathChoices) {
      const name = ref.replace('template:default/', '');
      const goldenPath = parse(
        await fs.readFile(path.join(templates, name, 'template.yaml'), 'utf8'),
      );
      expect(goldenPath.metadata.labels['flywheel.dev/golden-path']).toBe(
        'true',
      );
    }
  });

  it.each(['typescript-service', 'react-webapp'])(
    "has the files of %s's skeleton, unchanged",
    async name => {
      const mine = path.join(adoptDir, 'skeletons', name);
      expect(await listFiles(mine)).toEqual(required);
      for (const file of required.filter(f => f !== 'docs/index.md')) {
        // On a difference: copy the file from the golden path's skeleton.
        expect({
          file,
          text: await fs.readFile(path.join(mine, file), 'utf8'),
        }).toEqual({
          file,
          text: await fs.readFile(
            path.join(templates, name, 'skeleton', file),
            'utf8',
          ),
        });
      }
    },
  );
});

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

async function waitFor<T>(fn: () => Promise<T | undefined>, what: string) {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 500));
  }
}

describe('adopting a golden path, end to end', () => {
  const published = createMockDirectory();
  const elsewhere = createMockDirectory();

  it('adds the path’s files to a legacy service, keeps its own, stamps the path at its current version and refreshes it', async () => {
    const service = path.join(published.path, 'release-notes-service');
    await fs.copy(legacySource, service);
    elsewhere.setContent({
      'catalog-info.yaml':
        'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ledger-export\nspec:\n  type: service\n  lifecycle: production\n  owner: group:default/payments\n',
    });

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
            catalog: {
              // Entities are not processed again by themselves during the
              // test: the adopted service reaches the catalog only because
              // the publish step asks for a refresh.
              processingInterval: { minutes: 30 },
              rules: [{ allow: ['Component', 'Template', 'Location'] }],
              locations: [
                'typescript-service/template.yaml',
                'adopt-golden-path/template.yaml',
              ]
                .map(t => ({ type: 'file', target: path.join(templates, t) }))
                .concat({
                  type: 'file',
                  target: path.join(elsewhere.path, 'catalog-info.yaml'),
                }),
            },
            flywheel: {
              scaffolder: { localPublish: { directory: published.path } },
            },
          },
        }),
      ],
    });
    const user = mockCredentials.user.header('user:default/guest');
    const get = (url: string) =>
      request(server).get(url).set('Authorization', user);
    const entity = (kind: string, name: string) =>
      waitFor(async () => {
        const res = await get(
          `/api/catalog/entities/by-name/${kind}/default/${name}`,
        );
        return res.status === 200 ? res.body : undefined;
      }, `${kind}:default/${name} in the catalog`);

    // The legacy service is registered as the demo registers it.
    const registered = await request(server)
      .post('/api/catalog/locations')
      .set('Authorization', user)
      .send({
        type: 'file',
        target: path.join(service, 'catalog-info.yaml'),
      });
    expect(registered.status).toBe(201);
    const before = await entity('component', 'release-notes-service');
    expect(before.metadata.annotations).not.toHaveProperty(
      'flywheel.dev/template-ref',
    );
    await entity('template', 'typescript-service');
    await entity('template', 'adopt-golden-path');
    await entity('component', 'ledger-export');

    const runTask = async (values: Record<string, string>) => {
      const created = await request(server)
        .post('/api/scaffolder/v2/tasks')
        .set('Authorization', user)
        .send({ templateRef: 'template:default/adopt-golden-path', values });
      expect(created.status).toBe(201);
      const task = await waitFor(async () => {
        const res = await get(`/api/scaffolder/v2/tasks/${created.body.id}`);
        return ['completed', 'failed'].includes(res.body.status)
          ? res.body
          : undefined;
      }, 'the task to finish');
      const events = await get(
        `/api/scaffolder/v2/tasks/${created.body.id}/events`,
      );
      return {
        status: task.status as string,
        messages: events.body.map((e: any) => e.body.message) as string[],
      };
    };
    const ownFiles = await fs.readdir(legacySource, { recursive: true });

    // The form's values as a campaign's to-do item opens it.
    const adoption = await runTask({
      entity: 'component:default/release-notes-service',
      goldenPath: 'template:default/typescript-service',
    });
    if (adoption.status !== 'completed') {
      throw new Error(`Task failed: ${JSON.stringify(adoption.messages)}`);
    }

    // The files the path requires are there, rendered for this service.
    for (const file of [
      'Dockerfile',
      '.dockerignore',
      '.github/workflows/ci.yaml',
      'mkdocs.yml',
      'docs/index.md',
    ]) {
      expect(await fs.pathExists(path.join(service, file))).toBe(true);
    }
    const dockerfile = await fs.readFile(
      path.join(service, 'Dockerfile'),
      'utf8',
    );
    expect(dockerfile).toContain('FROM node:22-slim');
    expect(dockerfile).toContain('PORT=8080');
    expect(dockerfile).not.toContain('${{');
    expect(
      parse(await fs.readFile(path.join(service, 'mkdocs.yml'), 'utf8')),
    ).toMatchObject({ site_name: 'release-notes-service' });
    expect(
      await fs.readFile(
        path.join(service, '.github/workflows/ci.yaml'),
        'utf8',
      ),
    ).toContain('docker build --tag release-notes-service:${{ github.sha }} .');

    // The service's own files are as they were (its descriptor aside).
    for (const file of ownFiles) {
      const source = path.join(legacySource, String(file));
      if (
        file === 'catalog-info.yaml' ||
        (await fs.stat(source)).isDirectory()
      ) {
        continue;
      }
      expect({
        file,
        text: await fs.readFile(path.join(service, String(file)), 'utf8'),
      }).toEqual({ file, text: await fs.readFile(source, 'utf8') });
    }

    // Its descriptor keeps its own fields (and comments) and gains the
    // path's provenance at the path's current version.
    const originalText = await fs.readFile(
      path.join(legacySource, 'catalog-info.yaml'),
      'utf8',
    );
    const original = parse(originalText);
    const text = await fs.readFile(
      path.join(service, 'catalog-info.yaml'),
      'utf8',
    );
    expect(text).toContain(originalText.split('\n')[0]);
    const descriptor = parseDocument(text).toJS();
    const provenance = {
      'flywheel.dev/template-ref': 'template:default/typescript-service',
      'flywheel.dev/template-version': '1.2.0',
      'backstage.io/source-template': 'template:default/typescript-service',
      'backstage.io/techdocs-ref': 'dir:.',
    };
    expect(descriptor).toEqual({
      ...original,
      metadata: { ...original.metadata, annotations: provenance },
    });
    // Adopted, not created now: no creation time or creating task.
    expect(descriptor.metadata.annotations).not.toHaveProperty(
      'flywheel.dev/created-at',
    );

    // The catalog was asked to refresh it, so it has the provenance now,
    // long before its next scheduled processing.
    const after = await waitFor(async () => {
      const res = await get(
        '/api/catalog/entities/by-name/component/default/release-notes-service',
      );
      return res.body?.metadata?.annotations?.['flywheel.dev/template-ref']
        ? res.body
        : undefined;
    }, 'the refreshed entity');
    expect(after.metadata.annotations).toMatchObject(provenance);
    expect(after.metadata.uid).toBe(before.metadata.uid);

    // Flywheel reads it as on the golden path, up to date.
    const read = await get(
      '/api/flywheel/golden-paths/provenance?entityRef=component:default/release-notes-service',
    );
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      fromTemplate: true,
      isGoldenPath: true,
      templateRef: 'template:default/typescript-service',
      templateVersion: '1.2.0',
      currentVersion: '1.2.0',
      drifted: false,
    });

    // A service the offline route did not publish is refused, untouched.
    const refused = await runTask({
      entity: 'component:default/ledger-export',
    });
    expect(refused.status).toBe('failed');
    expect(refused.messages.join('\n')).toMatch(
      /component:default\/ledger-export is not a locally published service/,
    );
    expect(await fs.readdir(elsewhere.path)).toEqual(['catalog-info.yaml']);
  });
});
