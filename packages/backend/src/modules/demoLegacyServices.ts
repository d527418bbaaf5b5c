import { BackstageCredentials } from '@backstage/backend-plugin-api';
import fs from 'fs-extra';
import path from 'path';
import { createDemoSeedModule } from './demoSeedModule';

/** Folder names flywheel:publish:local accepts. */
const NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A 409 from the catalog: thrown in process, or answered over HTTP. */
function isConflict(error: unknown) {
  const e = error as { name?: string; statusCode?: number } | undefined;
  return e?.name === 'ConflictError' || e?.statusCode === 409;
}

/** What one seeding did, by service folder name. */
export interface LegacyServicesResult {
  /** Every service of the source folder. */
  services: string[];
  /** Services whose folder was missing and was written. */
  written: string[];
  /** Services whose location was missing and was registered. */
  registered: string[];
}

/**
 * Example instance only: puts the hand-made services of `source` (one
 * folder each, `examples/legacy-services/`) into the local publish
 * directory, as if they had been published there before Flywheel, and
 * registers each one's `catalog-info.yaml` as a `file` location, as
 * `flywheel:publish:local` would. A folder that exists is never written
 * again (its service may have adopted a golden path since), and a location
 * the catalog has is not registered again: running again changes nothing.
 * Each folder is written under a temporary name and then renamed, so a
 * start cut short leaves no half-written service behind.
 */
export async function seedLegacyServices(options: {
  source: string;
  directory: string;
  /** The part of the catalog service it uses. */
  catalog: {
    getLocationByRef(
      locationRef: string,
      options: { credentials: BackstageCredentials },
    ): Promise<unknown>;
    addLocation(
      location: { type: string; target: string },
      options: { credentials: BackstageCredentials },
    ): Promise<unknown>;
  };
  credentials: BackstageCredentials;
}): Promise<LegacyServicesResult> {
  const { source, directory, catalog, credentials } = options;
  const services = (await fs.readdir(source, { withFileTypes: true }))
    .filter(entry => entry.isDirectory() && NAME.test(entry.name))
    .map(entry => entry.name)
    .sort();
  const result: LegacyServicesResult = {
    services,
    written: [],
    registered: [],
  };
  await fs.mkdirp(directory);
  for (const name of services) {
    const folder = path.join(directory, name);
    if (!(await fs.pathExists(folder))) {
      const partial = path.join(directory, `.${name}.seeding`);
      await fs.remove(partial);
      await fs.copy(path.join(source, name), partial);
      await fs.rename(partial, folder);
      result.written.push(name);
    }
    const target = path.join(folder, 'catalog-info.yaml');
    if (await catalog.getLocationByRef(`file:${target}`, { credentials })) {
      continue;
    }
    try {
      await catalog.addLocation({ type: 'file', target }, { credentials });
      result.registered.push(name);
    } catch (error) {
      // Registered in the meantime (another replica, a user): fine.
      if (!isConflict(error)) {
        throw error;
      }
    }
  }
  return result;
}

/**
 * Example instance only (`flywheelExample.demoLegacyServices`, the folder of
 * the hand-made services): on start, writes the demo's legacy services into
 * `flywheel.scaffolder.localPublish.directory` and registers them, so that
 * the "Adopt a golden path" template has services it can rewrite offline
 * (examples/README.md). Needs the catalog to accept `file` locations
 * (localFileLocations.ts). Tries shortly after start, and every 10 seconds
 * while the catalog does not answer.
 */
export const flywheelModuleDemoLegacyServices = createDemoSeedModule({
  moduleId: 'example-demo-legacy-services',
  flag: 'demoLegacyServices',
  enabled: config =>
    Boolean(config.getOptionalString('flywheelExample.demoLegacyServices')),
  label: 'Demo legacy services',
  initialDelay: { seconds: 5 },
  timeout: { minutes: 1 },
  seeder:
    () =>
    async ({ catalog, config, credentials }) => {
      const directory = config.getOptionalString(
        'flywheel.scaffolder.localPublish.directory',
      );
      if (!directory) {
        return {
          status: 'done',
          message:
            'nothing to do: flywheel.scaffolder.localPublish.directory is not set',
        };
      }
      const result = await seedLegacyServices({
        source: path.resolve(
          config.getString('flywheelExample.demoLegacyServices'),
        ),
        directory: path.resolve(directory),
        catalog,
        credentials: await credentials(),
      });
      const changes = [
        result.written.length ? `wrote ${result.written.join(', ')}` : '',
        result.registered.length
          ? `registered ${result.registered.join(', ')}`
          : '',
      ].filter(Boolean);
      return {
        status: 'done',
        message: changes.length
          ? `${changes.join('; ')} in ${path.resolve(directory)}`
          : `nothing to do (${result.services.length} services in place)`,
      };
    },
});
