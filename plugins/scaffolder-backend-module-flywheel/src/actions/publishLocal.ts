import {
  BackstageCredentials,
  resolveSafeChildPath,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { ConflictError, InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import fs from 'fs-extra';
import path from 'path';
import yaml from 'yaml';

/** The part of the catalog this action needs. */
export interface LocationRegistrar {
  addLocation(
    location: { type: string; target: string },
    options: { credentials: BackstageCredentials },
  ): Promise<unknown>;
}

/**
 * Creates the `flywheel:publish:local` action: the offline publishing route.
 * Copies the workspace into a directory on the backend's disk and registers
 * its catalog descriptor as a `file` location, so a golden path can run end to
 * end with no network (demo and evaluation setups). The catalog must allow
 * `file` locations.
 *
 * @public
 */
export function createPublishLocalAction(options: {
  /** Absolute directory under which each service gets a folder; unset disables the action. */
  directory?: string;
  catalog: LocationRegistrar;
}) {
  return createTemplateAction({
    id: 'flywheel:publish:local',
    description:
      'Publishes the workspace to a local directory and registers its catalog-info.yaml as a file location (offline publishing)',
    supportsDryRun: true,
    examples: [
      {
        description: 'Publish the scaffolded service into the local directory',
        example: yaml.stringify({
          steps: [
            {
              id: 'publish-local',
              action: 'flywheel:publish:local',
              name: 'Publish to this Backstage',
              input: { name: '${{ parameters.name }}' },
            },
          ],
        }),
      },
    ],
    schema: {
      input: {
        name: z =>
          z
            .string()
            .regex(
              /^[a-z0-9]+(-[a-z0-9]+)*$/,
              'name must be lowercase letters, digits and single dashes',
            )
            .describe('Folder name for the published service'),
        catalogInfoPath: z =>
          z
            .string()
            .optional()
            .describe(
              'Path of the catalog descriptor inside the workspace (default catalog-info.yaml)',
            ),
      },
      output: {
        entityRef: z => z.string(),
        catalogInfoPath: z => z.string(),
        directory: z => z.string(),
      },
    },
    async handler(ctx) {
      if (!options.directory) {
        throw new InputError(
          'Local publishing is not configured: set flywheel.scaffolder.localPublish.directory in app-config',
        );
      }
      // The scaffolder validates input but does not apply schema defaults.
      const relativeCatalogInfo =
        ctx.input.catalogInfoPath ?? 'catalog-info.yaml';
      const source = resolveSafeChildPath(
        ctx.workspacePath,
        relativeCatalogInfo,
      );
      if (!(await fs.pathExists(source))) {
        throw new InputError(
          `No ${relativeCatalogInfo} in the workspace to register`,
        );
      }
      const entity = yaml
        .parseAllDocuments(await fs.readFile(source, 'utf8'))
        .map(d => d.toJS())
        .find(e => e?.kind && e?.metadata?.name);
      if (!entity) {
        throw new InputError(
          `${relativeCatalogInfo} contains no entity to register`,
        );
      }
      const target = resolveSafeChildPath(options.directory, ctx.input.name);
      const catalogInfoPath = path.join(target, relativeCatalogInfo);
      const entityRef = stringifyEntityRef(entity);
      ctx.output('entityRef', entityRef);
      ctx.output('catalogInfoPath', catalogInfoPath);
      ctx.output('directory', target);
      // Checked in dry runs too, so the template editor reports the clash.
      if (await fs.pathExists(target)) {
        throw new ConflictError(
          `${target} already exists: choose another name or remove the old service first`,
        );
      }
      if (ctx.isDryRun) {
        ctx.logger.info(`Dry run: would publish ${entityRef} to ${target}`);
        return;
      }
      await fs.copy(ctx.workspacePath, target);
      await options.catalog.addLocation(
        { type: 'file', target: catalogInfoPath },
        { credentials: await ctx.getInitiatorCredentials() },
      );
      ctx.logger.info(`Published ${entityRef} to ${target} and registered it`);
    },
  });
}
