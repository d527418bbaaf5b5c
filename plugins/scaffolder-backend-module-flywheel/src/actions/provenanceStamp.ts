import {
  BackstageCredentials,
  resolveSafeChildPath,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  compareTemplateVersions,
  CREATED_AT_ANNOTATION,
  isGoldenPathTemplate,
  readProvenance,
  SCAFFOLDER_TASK_ANNOTATION,
  SOURCE_TEMPLATE_ANNOTATION,
  TEMPLATE_REF_ANNOTATION,
  TEMPLATE_VERSION_ANNOTATION,
} from '@flywheel/plugin-flywheel-common';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import fs from 'fs-extra';
import { parseAllDocuments } from 'yaml';
import { provenanceStampExamples } from './provenanceStamp.examples';

/** The part of the catalog `flywheel:provenance:stamp` needs to adopt a golden path. */
export interface TemplateReader {
  getEntityByRef(
    entityRef: string,
    options: { credentials: BackstageCredentials },
  ): Promise<Entity | undefined>;
}

/** What to write: `set` always, `setIfMissing` where the entity has no value, `remove` always. */
interface Stamp {
  set: Record<string, string>;
  setIfMissing: Record<string, string>;
  remove: string[];
}

/**
 * Creates the `flywheel:provenance:stamp` action: adds golden-path provenance
 * (template ref, template version, creation time, task id) to the catalog
 * descriptor in the workspace before it is published.
 *
 * With the `goldenPath` input it stamps an existing entity that adopts a
 * golden path instead: the path's ref and its current version, read from the
 * catalog (the template must carry the golden-path label). Creation time and
 * task id are left as they are, since the entity was not created now, and
 * `backstage.io/source-template` is only added where the entity has none.
 * Adopting needs `catalog`.
 *
 * @public
 */
export function createProvenanceStampAction(options?: {
  now?: () => Date;
  /** Reads the golden path named by the `goldenPath` input. */
  catalog?: TemplateReader;
}) {
  const now = options?.now ?? (() => new Date());
  return createTemplateAction({
    id: 'flywheel:provenance:stamp',
    description:
      'Stamps golden-path provenance (template ref and version, creation time) onto the catalog-info.yaml in the workspace; with goldenPath, the provenance of a golden path an existing entity adopts',
    examples: provenanceStampExamples,
    supportsDryRun: true,
    schema: {
      input: {
        path: z =>
          z
            .string()
            .optional()
            .describe(
              'Path of the catalog descriptor inside the workspace (default catalog-info.yaml); every entity in it is stamped',
            ),
        goldenPath: z =>
          z
            .string()
            .optional()
            .describe(
              'Adopt: entity ref of the golden-path template an existing entity adopts, e.g. template:default/typescript-service. Its current version is read from the catalog; creation time and task id are not stamped',
            ),
        defaultAnnotations: z =>
          z
            .record(z.string())
            .optional()
            .describe(
              'Annotations to add to every entity that has no value for them (existing values are kept), e.g. the backstage.io/techdocs-ref an adopted path brings',
            ),
      },
      output: {
        entityRef: z =>
          z.string().describe('Entity ref of the first entity in the file'),
        templateRef: z => z.string(),
        templateVersion: z => z.string().optional(),
      },
    },
    async handler(ctx) {
      // The scaffolder validates input but does not apply schema defaults.
      const relativePath = ctx.input.path ?? 'catalog-info.yaml';
      const file = resolveSafeChildPath(ctx.workspacePath, relativePath);
      if (!(await fs.pathExists(file))) {
        throw new InputError(
          `No ${relativePath} in the workspace: run fetch:template (or write the file) before flywheel:provenance:stamp`,
        );
      }

      let templateRef: string;
      let templateVersion: string | undefined;
      let stamp: Stamp;
      if (ctx.input.goldenPath !== undefined) {
        ({ templateRef, templateVersion } = await readGoldenPath(
          ctx.input.goldenPath,
          options?.catalog,
          await ctx.getInitiatorCredentials(),
        ));
        stamp = {
          set: {
            [TEMPLATE_REF_ANNOTATION]: templateRef,
            ...(templateVersion
              ? { [TEMPLATE_VERSION_ANNOTATION]: templateVersion }
              : {}),
          },
          setIfMissing: { [SOURCE_TEMPLATE_ANNOTATION]: templateRef },
          // A version of another template would be read as this path's.
          remove: templateVersion ? [] : [TEMPLATE_VERSION_ANNOTATION],
        };
      } else {
        const runningTemplate = ctx.templateInfo?.entityRef;
        if (!runningTemplate) {
          throw new InputError(
            'flywheel:provenance:stamp must run inside a template: no template entity ref is known',
          );
        }
        templateRef = runningTemplate;
        templateVersion =
          ctx.templateInfo?.entity?.metadata.annotations?.[
            TEMPLATE_VERSION_ANNOTATION
          ];
        stamp = {
          set: {
            [SOURCE_TEMPLATE_ANNOTATION]: templateRef,
            [TEMPLATE_REF_ANNOTATION]: templateRef,
            [CREATED_AT_ANNOTATION]: now().toISOString(),
            [SCAFFOLDER_TASK_ANNOTATION]: ctx.task.id,
            ...(templateVersion
              ? { [TEMPLATE_VERSION_ANNOTATION]: templateVersion }
              : {}),
          },
          setIfMissing: {},
          remove: [],
        };
      }
      stamp.setIfMissing = {
        ...(ctx.input.defaultAnnotations ?? {}),
        ...stamp.setIfMissing,
      };

      const documents = parseAllDocuments(await fs.readFile(file, 'utf8'));
      let firstRef: string | undefined;
      for (const doc of documents) {
        if (doc.errors.length > 0) {
          throw new InputError(
            `${relativePath} is not valid YAML: ${doc.errors[0].message}`,
          );
        }
        const entity = doc.toJS();
        if (!entity?.kind || !entity?.metadata?.name) {
          continue;
        }
        const existing = entity.metadata.annotations ?? {};
        if (ctx.input.goldenPath !== undefined && templateVersion) {
          assertNotOnOlderVersion(entity, templateRef, templateVersion);
        }
        for (const [key, value] of Object.entries(stamp.setIfMissing)) {
          if (existing[key] === undefined || existing[key] === null) {
            doc.setIn(['metadata', 'annotations', key], value);
          }
        }
        for (const [key, value] of Object.entries(stamp.set)) {
          doc.setIn(['metadata', 'annotations', key], value);
        }
        for (const key of stamp.remove) {
          if (key in existing) {
            doc.deleteIn(['metadata', 'annotations', key]);
          }
        }
        firstRef ??= stringifyEntityRef(entity);
      }
      if (!firstRef) {
        throw new InputError(`${relativePath} contains no entity to stamp`);
      }
      await fs.writeFile(
        file,
        documents
          .map((d, i) => {
            const text = d.toString();
            return i > 0 && !text.startsWith('---') ? `---\n${text}` : text;
          })
          .join(''),
      );
      ctx.logger.info(
        ctx.input.goldenPath !== undefined
          ? `Stamped ${firstRef} as adopting ${templateRef}${
              templateVersion ? ` at version ${templateVersion}` : ''
            }`
          : `Stamped provenance from ${templateRef} on ${firstRef}`,
      );
      ctx.output('entityRef', firstRef);
      ctx.output('templateRef', templateRef);
      if (templateVersion) {
        ctx.output('templateVersion', templateVersion);
      }
    },
  });
}

/**
 * Adopting is for entities that are not on the path yet: one created from
 * an older (or unknown) version of it would claim the current version
 * while keeping the old version's files.
 */
function assertNotOnOlderVersion(
  entity: Entity,
  templateRef: string,
  templateVersion: string,
) {
  const provenance = readProvenance(entity);
  if (
    provenance?.templateRef === templateRef &&
    (!provenance.templateVersion ||
      compareTemplateVersions(provenance.templateVersion, templateVersion) < 0)
  ) {
    throw new InputError(
      `${stringifyEntityRef(entity)} is on ${templateRef} ${
        provenance.templateVersion ?? '(version unknown)'
      } already: bring it to ${templateVersion} with the changes in the path's changelog and raise its flywheel.dev/template-version, rather than adopting the path again`,
    );
  }
}

/** The golden path an entity adopts, as the catalog has it now. */
async function readGoldenPath(
  input: string,
  catalog: TemplateReader | undefined,
  credentials: BackstageCredentials,
): Promise<{ templateRef: string; templateVersion?: string }> {
  if (!catalog) {
    throw new Error(
      'flywheel:provenance:stamp was created without a catalog: it cannot read the golden path given in goldenPath',
    );
  }
  let ref: string;
  try {
    const parsed = parseEntityRef(input, {
      defaultKind: 'template',
      defaultNamespace: 'default',
    });
    if (parsed.kind.toLocaleLowerCase('en-US') !== 'template') {
      throw new Error('not a template');
    }
    ref = stringifyEntityRef(parsed);
  } catch {
    throw new InputError(
      `goldenPath must be the entity ref of a Template, e.g. template:default/typescript-service, got ${JSON.stringify(
        input,
      )}`,
    );
  }
  const template = await catalog.getEntityByRef(ref, { credentials });
  if (!template) {
    throw new InputError(`No golden path ${ref} in the catalog`);
  }
  if (!isGoldenPathTemplate(template)) {
    throw new InputError(
      `${ref} is not a golden path: it lacks the label flywheel.dev/golden-path: 'true'`,
    );
  }
  return {
    templateRef: stringifyEntityRef(template).toLocaleLowerCase('en-US'),
    templateVersion:
      template.metadata.annotations?.[TEMPLATE_VERSION_ANNOTATION] || undefined,
  };
}
