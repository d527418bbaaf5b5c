import {
  createBackendPlugin,
  SchedulerServiceTaskInvocationDefinition,
} from '@backstage/backend-plugin-api';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import fs from 'fs-extra';
import path from 'path';
import yaml from 'yaml';
import { exampleCatalog } from './__testUtils__/exampleCatalog';
import {
  flywheelModuleDemoLegacyServices,
  seedLegacyServices,
} from './demoLegacyServices';

const SOURCE = path.resolve(__dirname, '../../../../examples/legacy-services');

/** A catalog that keeps the locations registered with it. */
function locationCatalog() {
  const targets = new Set<string>();
  return {
    targets,
    getLocationByRef: jest.fn(async (ref: string) =>
      targets.has(ref.replace(/^file:/, ''))
        ? { id: ref, type: 'file', target: ref.replace(/^file:/, '') }
        : undefined,
    ),
    addLocation: jest.fn(async ({ type, target }) => {
      targets.add(target);
      return {
        location: { id: target, type, target },
        entities: [],
      };
    }),
  };
}

/** Every file below `dir` with its contents, by relative path. */
async function snapshot(dir: string) {
  const files: Record<string, string> = {};
  const walk = async (current: string) => {
    for (const entry of await fs.readdir(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        await walk(full);
      } else {
        files[path.relative(dir, full)] = await fs.readFile(full, 'utf8');
      }
    }
  };
  await walk(dir);
  return files;
}

describe('demo legacy services', () => {
  const published = createMockDirectory();
  const credentials = mockCredentials.service();

  beforeEach(() => {
    published.clear();
  });

  it('are three hand-made services, one owned by the guest’s team, none in the examples catalog', async () => {
    const names = (await fs.readdir(SOURCE)).sort();
    expect(names).toEqual([
      'access-review-service',
      'lineage-api',
      'release-notes-service',
    ]);
    const catalog = exampleCatalog();
    const guest = catalog.find(
      e => e.kind === 'User' && e.metadata.name === 'guest',
    )!;
    const guestTeams = (guest.spec!.memberOf as string[]).map(
      team => `group:default/${team}`,
    );
    const owners: string[] = [];
    for (const name of names) {
      const docs = yaml
        .parseAllDocuments(
          await fs.readFile(
            path.join(SOURCE, name, 'catalog-info.yaml'),
            'utf8',
          ),
        )
        .map(d => d.toJS() as Entity);
      expect(docs).toHaveLength(1);
      const [entity] = docs;
      expect(entity).toMatchObject({
        kind: 'Component',
        metadata: { name },
        spec: { type: 'service' },
      });
      // No provenance: nothing Flywheel would read as a template.
      expect(
        Object.keys(entity.metadata.annotations ?? {}).filter(
          key =>
            key.startsWith('flywheel.dev/') ||
            key === 'backstage.io/source-template',
        ),
      ).toEqual([]);
      const owner = entity.spec!.owner as string;
      expect(
        catalog.some(
          e =>
            e.kind === 'Group' &&
            stringifyEntityRef(e) === owner.toLocaleLowerCase('en-US'),
        ),
      ).toBe(true);
      owners.push(owner);
      // Not a second copy of an entity examples/ already has.
      expect(
        catalog.some(
          e => stringifyEntityRef(e) === `component:default/${name}`,
        ),
      ).toBe(false);
    }
    expect(owners.some(owner => guestTeams.includes(owner))).toBe(true);
  });

  it('writes and registers every service once; starting again changes nothing', async () => {
    const catalog = locationCatalog();
    const first = await seedLegacyServices({
      source: SOURCE,
      directory: published.path,
      catalog,
      credentials,
    });
    const names = [
      'access-review-service',
      'lineage-api',
      'release-notes-service',
    ];
    expect(first).toEqual({
      services: names,
      written: names,
      registered: names,
    });
    for (const name of names) {
      expect(await snapshot(path.join(published.path, name))).toEqual(
        await snapshot(path.join(SOURCE, name)),
      );
    }
    expect(
      catalog.addLocation.mock.calls.map(([location]) => location),
    ).toEqual(
      names.map(name => ({
        type: 'file',
        target: path.join(published.path, name, 'catalog-info.yaml'),
      })),
    );
    expect(catalog.addLocation).toHaveBeenCalledWith(expect.anything(), {
      credentials,
    });
    // Nothing half-written is left.
    expect((await fs.readdir(published.path)).sort()).toEqual(names);

    // The guest adopts a golden path for one of them, then the backend restarts.
    const adopted = path.join(published.path, 'release-notes-service');
    await fs.outputFile(path.join(adopted, 'Dockerfile'), 'FROM node:22-slim');
    await fs.appendFile(path.join(adopted, 'catalog-info.yaml'), '# adopted\n');
    const before = await snapshot(published.path);
    catalog.addLocation.mockClear();

    const second = await seedLegacyServices({
      source: SOURCE,
      directory: published.path,
      catalog,
      credentials,
    });
    expect(second).toEqual({ services: names, written: [], registered: [] });
    expect(catalog.addLocation).not.toHaveBeenCalled();
    expect(await snapshot(published.path)).toEqual(before);
  });

  it('registers a folder that is there, and writes one that is gone, each on its own', async () => {
    const catalog = locationCatalog();
    await seedLegacyServices({
      source: SOURCE,
      directory: published.path,
      catalog,
      credentials,
    });
    // The catalog's database was deleted but not the published folders...
    catalog.targets.delete(
      path.join(published.path, 'lineage-api', 'catalog-info.yaml'),
    );
    await fs.outputFile(
      path.join(published.path, 'lineage-api', 'NOTES.md'),
      'kept',
    );
    // ...and one folder was deleted but not its location.
    await fs.remove(path.join(published.path, 'access-review-service'));

    expect(
      await seedLegacyServices({
        source: SOURCE,
        directory: published.path,
        catalog,
        credentials,
      }),
    ).toMatchObject({
      written: ['access-review-service'],
      registered: ['lineage-api'],
    });
    expect(
      await fs.readFile(
        path.join(published.path, 'lineage-api', 'NOTES.md'),
        'utf8',
      ),
    ).toBe('kept');
  });

  it('takes a location registered meanwhile as registered, and fails on other catalog errors', async () => {
    const catalog = locationCatalog();
    catalog.addLocation.mockRejectedValue(
      Object.assign(new Error('Location already exists'), {
        name: 'ConflictError',
      }),
    );
    await expect(
      seedLegacyServices({
        source: SOURCE,
        directory: published.path,
        catalog,
        credentials,
      }),
    ).resolves.toMatchObject({ registered: [] });

    catalog.addLocation.mockRejectedValue(
      Object.assign(new Error('Forbidden'), { statusCode: 403 }),
    );
    await expect(
      seedLegacyServices({
        source: SOURCE,
        directory: path.join(published.path, 'other'),
        catalog,
        credentials,
      }),
    ).rejects.toThrow('Forbidden');
  });

  it('runs as a task when flywheelExample.demoLegacyServices is set, and stops once done', async () => {
    const tasks: SchedulerServiceTaskInvocationDefinition[] = [];
    const scheduler = mockServices.scheduler.mock({
      scheduleTask: async task => {
        tasks.push(task);
      },
    });
    const locations = locationCatalog();
    const catalog = catalogServiceMock.mock({
      getLocationByRef: locations.getLocationByRef as any,
      addLocation: locations.addLocation as any,
    });
    const flywheel = createBackendPlugin({
      pluginId: 'flywheel',
      register(env) {
        env.registerInit({ deps: {}, async init() {} });
      },
    });
    const features = (data: object) => [
      flywheel,
      flywheelModuleDemoLegacyServices,
      mockServices.database.factory(),
      scheduler.factory,
      catalog.factory,
      mockServices.rootConfig.factory({ data }),
    ];
    const backend = await startTestBackend({
      features: features({
        flywheel: {
          scaffolder: { localPublish: { directory: published.path } },
        },
        flywheelExample: { demoLegacyServices: SOURCE },
      }),
    });
    expect(tasks).toHaveLength(1);
    await tasks[0].fn(new AbortController().signal);
    expect(tasks[0].signal?.aborted).toBe(true);
    expect(await fs.readdir(published.path)).toHaveLength(3);
    expect(locations.targets.size).toBe(3);
    await backend.stop();

    const disabled = await startTestBackend({
      features: features({
        flywheel: {
          scaffolder: { localPublish: { directory: published.path } },
        },
      }),
    });
    expect(tasks).toHaveLength(1);
    await disabled.stop();
  });
});
