import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  Entity,
  parseEntityRef,
  parseLocationRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import fs from 'fs-extra';
import path from 'path';
import yaml from 'yaml';
import {
  assertServiceFolder,
  LOCAL_NAME_PATTERN,
  notConfiguredError,
} from './localServices';

/** The part of the catalog `flywheel:fetch:local` needs. */
export interface EntityReader {
  getEntityByRef(
    entityRef: string,
    options: { credentials: BackstageCredentials },
  ): Promise<Entity | undefined>;
}

/**
 * Creates the `flywheel:fetch:local` action, the counterpart of
 * `flywheel:publish:local` for existing services: copies the folder of a
 * locally published service into the workspace, so that a template can
 * change it and publish it again with `update: true`. The folder is found
 * from where the catalog reads the entity, which must be a folder directly
 * under the local publish directory whose descriptor names the entity.
 *
 * @public
 */
export function createFetchLocalAction(options: {
  /** The local publish directory (absolute); unset disables the action. */
  directory?: string;
  catalog: EntityReader;
}) {
  return createTemplateAction({
    id: 'flywheel:fetch:local',
    description:
      'Copies a service published with flywheel:publish:local (found from the catalog entity) into the workspace, to change it and publish it again with update: true',
    supportsDryRun: true,
    examples: [
      {
        description: 'Fetch the chosen service to change it',
        example: yaml.stringify({
          steps: [
            {
              id: 'fetch-service',
              action: 'flywheel:fetch:local',
              name: 'Fetch the service',
              input: { entityRef: '${{ parameters.entity }}' },
            },
          ],
        }),
      },
    ],
    schema: {
      input: {
        entityRef: z =>
          z
            .string()
            .describe(
              'Entity ref of the service, e.g. component:default/my-service (kind defaults to Component)',
            ),
      },
      output: {
        entityRef: z => z.string().describe('The entity ref, normalised'),
        name: z =>
          z
            .string()
            .describe(
              'Folder name of the service, the `name` for flywheel:publish:local',
            ),
        catalogInfoPath: z =>
          z
            .string()
            .describe(
              'Path of its descriptor inside the folder, the `catalogInfoPath` for flywheel:publish:local',
            ),
      },
    },
    async handler(ctx) {
      if (!options.directory) {
        throw notConfiguredError();
      }
      let entityRef: string;
      try {
        entityRef = stringifyEntityRef(
          parseEntityRef(ctx.input.entityRef, {
            defaultKind: 'component',
            defaultNamespace: 'default',
          }),
        );
      } catch (error) {
        throw new InputError(
          `entityRef must be an entity ref like component:default/my-service, got ${JSON.stringify(
            ctx.input.entityRef,
          )}`,
        );
      }
      const entity = await options.catalog.getEntityByRef(entityRef, {
        credentials: await ctx.getInitiatorCredentials(),
      });
      if (!entity) {
        throw new NotFoundError(`No ${entityRef} in the catalog`);
      }
      const managedBy = entity.metadata.annotations?.[ANNOTATION_LOCATION];
      const location = managedBy ? parseLocationRef(managedBy) : undefined;
      const relative =
        location?.type === 'file'
          ? path.relative(options.directory, path.resolve(location.target))
          : undefined;
      const [name, ...rest] = relative?.split(path.sep) ?? [];
      if (
        !relative ||
        path.isAbsolute(relative) ||
        !LOCAL_NAME_PATTERN.test(name ?? '') ||
        rest.length === 0
      ) {
        throw new InputError(
          `${entityRef} is not a locally published service: the catalog reads it from ${
            managedBy ?? 'an unknown location'
          }, not from a folder under ${
            options.directory
          }. Change it where its catalog-info.yaml lives.`,
        );
      }
      const catalogInfoPath = rest.join('/');
      await assertServiceFolder({
        directory: options.directory,
        name,
        catalogInfoPath,
        entityRef,
      });
      await fs.copy(path.join(options.directory, name), ctx.workspacePath);
      ctx.logger.info(
        `Fetched ${entityRef} from ${path.join(
          options.directory,
          name,
        )} into the workspace`,
      );
      ctx.output('entityRef', entityRef);
      ctx.output('name', name);
      ctx.output('catalogInfoPath', catalogInfoPath);
    },
  });
}
