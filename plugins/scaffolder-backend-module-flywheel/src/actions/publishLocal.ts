import {
  BackstageCredentials,
  PermissionsService,
  resolveSafeChildPath,
} from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  Entity,
  parseLocationRef,
} from '@backstage/catalog-model';
import { ConflictError, InputError, NotAllowedError } from '@backstage/errors';
import { catalogEntityRefreshPermission } from '@backstage/plugin-catalog-common/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import fs from 'fs-extra';
import path from 'path';
import yaml from 'yaml';
import {
  assertLocalName,
  assertServiceFolder,
  LOCAL_NAME_MESSAGE,
  LOCAL_NAME_PATTERN,
  notConfiguredError,
  readDescriptorRefs,
} from './localServices';

/** The part of the catalog this action needs to register a new service. */
export interface LocationRegistrar {
  addLocation(
    location: { type: string; target: string },
    options: { credentials: BackstageCredentials },
  ): Promise<unknown>;
}

/**
 * The part of the catalog `flywheel:publish:local` needs: register a new
 * service, and, to update one (`update: true`), read its entity and ask for
 * a refresh.
 */
export interface LocalPublishCatalog extends LocationRegistrar {
  getEntityByRef(
    entityRef: string,
    options: { credentials: BackstageCredentials },
  ): Promise<Entity | undefined>;
  refreshEntity(
    entityRef: string,
    options: { credentials: BackstageCredentials },
  ): Promise<void>;
}

/** Both paths, resolved through symbolic links where they exist. */
async function samePath(a: string, b: string) {
  const real = (p: string) => fs.realpath(p).catch(() => path.resolve(p));
  return (await real(a)) === (await real(b));
}

/**
 * Creates the `flywheel:publish:local` action: the offline publishing route.
 * Copies the workspace into a directory on the backend's disk and registers
 * its catalog descriptor as a `file` location, so a golden path can run end to
 * end with no network (demo and evaluation setups). The catalog must allow
 * `file` locations.
 *
 * With `update: true` it publishes over an existing service instead: the
 * folder must exist, its descriptor must name the same entity as the
 * workspace's, and the catalog must read that entity from that very folder;
 * the workspace's files replace the folder's (others stay) and the catalog
 * is asked to refresh the entity. With `permissions`, the user must also be
 * allowed `catalog.entity.refresh` on the entity, checked before anything is
 * written.
 *
 * @public
 */
export function createPublishLocalAction(options: {
  /** Absolute directory under which each service gets a folder; unset disables the action. */
  directory?: string;
  catalog: LocalPublishCatalog;
  /** When given, updates need `catalog.entity.refresh` on the entity. */
  permissions?: Pick<PermissionsService, 'authorize'>;
}) {
  return createTemplateAction({
    id: 'flywheel:publish:local',
    description:
      'Publishes the workspace to a local directory and registers its catalog-info.yaml as a file location (offline publishing); with update: true, publishes over an existing service and refreshes it',
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
      {
        description:
          'Publish changes to a service fetched with flywheel:fetch:local',
        example: yaml.stringify({
          steps: [
            {
              id: 'publish',
              action: 'flywheel:publish:local',
              name: 'Publish the changes',
              input: {
                name: "${{ steps['fetch-service'].output.name }}",
                update: true,
              },
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
            .regex(LOCAL_NAME_PATTERN, LOCAL_NAME_MESSAGE)
            .describe('Folder name for the published service'),
        catalogInfoPath: z =>
          z
            .string()
            .optional()
            .describe(
              'Path of the catalog descriptor inside the workspace (default catalog-info.yaml)',
            ),
        update: z =>
          z
            .boolean()
            .optional()
            .describe(
              'Publish over the existing service in that folder (same entity, registered from that folder) and refresh it in the catalog, instead of creating a new one (default false)',
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
        throw notConfiguredError();
      }
      // Checked here too: the schema is not applied to every caller.
      assertLocalName(ctx.input.name);
      // The scaffolder validates input but does not apply schema defaults.
      const relativeCatalogInfo =
        ctx.input.catalogInfoPath ?? 'catalog-info.yaml';
      const update = ctx.input.update ?? false;
      const source = resolveSafeChildPath(
        ctx.workspacePath,
        relativeCatalogInfo,
      );
      if (!(await fs.pathExists(source))) {
        throw new InputError(
          `No ${relativeCatalogInfo} in the workspace to register`,
        );
      }
      const [entityRef] = await readDescriptorRefs(source, relativeCatalogInfo);
      if (!entityRef) {
        throw new InputError(
          `${relativeCatalogInfo} contains no entity to register`,
        );
      }
      const target = resolveSafeChildPath(options.directory, ctx.input.name);
      const catalogInfoPath = resolveSafeChildPath(target, relativeCatalogInfo);
      ctx.output('entityRef', entityRef);
      ctx.output('catalogInfoPath', catalogInfoPath);
      ctx.output('directory', target);

      // Every check runs in dry runs too, so the template editor reports it.
      if (!update) {
        if (await fs.pathExists(target)) {
          throw new ConflictError(
            `${target} already exists: choose another name or remove the old service first (to change that service, publish with update: true)`,
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
        ctx.logger.info(
          `Published ${entityRef} to ${target} and registered it`,
        );
        return;
      }

      await assertServiceFolder({
        directory: options.directory,
        name: ctx.input.name,
        catalogInfoPath: relativeCatalogInfo,
        entityRef,
      });
      const credentials = await ctx.getInitiatorCredentials();
      const entity = await options.catalog.getEntityByRef(entityRef, {
        credentials,
      });
      if (!entity) {
        throw new ConflictError(
          `${entityRef} is not in the catalog: only a registered service can be updated (publish without update: true to register it)`,
        );
      }
      const managedBy = entity.metadata.annotations?.[ANNOTATION_LOCATION];
      const location = managedBy ? parseLocationRef(managedBy) : undefined;
      if (
        location?.type !== 'file' ||
        !(await samePath(location.target, catalogInfoPath))
      ) {
        throw new ConflictError(
          `The catalog reads ${entityRef} from ${
            managedBy ?? 'an unknown location'
          }, not from ${catalogInfoPath}: only the folder it is registered from can be updated`,
        );
      }
      if (options.permissions) {
        const [decision] = await options.permissions.authorize(
          [
            {
              permission: catalogEntityRefreshPermission,
              resourceRef: entityRef,
            },
          ],
          { credentials },
        );
        if (decision.result !== AuthorizeResult.ALLOW) {
          throw new NotAllowedError(
            `You may not update ${entityRef}: the permission policy does not allow you catalog.entity.refresh on it`,
          );
        }
      }
      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would update ${entityRef} in ${target} and refresh it`,
        );
        return;
      }
      await fs.copy(ctx.workspacePath, target, { overwrite: true });
      await options.catalog.refreshEntity(entityRef, { credentials });
      ctx.logger.info(
        `Updated ${entityRef} in ${target} and asked the catalog to refresh it`,
      );
    },
  });
}
