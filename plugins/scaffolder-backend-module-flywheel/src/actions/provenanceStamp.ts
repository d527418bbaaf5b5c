import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  CREATED_AT_ANNOTATION,
  SCAFFOLDER_TASK_ANNOTATION,
  SOURCE_TEMPLATE_ANNOTATION,
  TEMPLATE_REF_ANNOTATION,
  TEMPLATE_VERSION_ANNOTATION,
} from '@flywheel/plugin-flywheel-common';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import fs from 'fs-extra';
import { parseAllDocuments } from 'yaml';
import { provenanceStampExamples } from './provenanceStamp.examples';

/**
 * Creates the `flywheel:provenance:stamp` action: adds golden-path provenance
 * (template ref, template version, creation time, task id) to the catalog
 * descriptor in the workspace before it is published.
 *
 * @public
 */
export function createProvenanceStampAction(options?: { now?: () => Date }) {
  const now = options?.now ?? (() => new Date());
  return createTemplateAction({
    id: 'flywheel:provenance:stamp',
    description:
      'Stamps golden-path provenance (template ref and version, creation time) onto the catalog-info.yaml in the workspace',
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
      },
      output: {
        entityRef: z =>
          z.string().describe('Entity ref of the first entity in the file'),
        templateRef: z => z.string(),
        templateVersion: z => z.string().optional(),
      },
    },
    async handler(ctx) {
      const templateRef = ctx.templateInfo?.entityRef;
      if (!templateRef) {
        throw new InputError(
          'flywheel:provenance:stamp must run inside a template: no template entity ref is known',
        );
      }
      // The scaffolder validates input but does not apply schema defaults.
      const relativePath = ctx.input.path ?? 'catalog-info.yaml';
      const file = resolveSafeChildPath(ctx.workspacePath, relativePath);
      if (!(await fs.pathExists(file))) {
        throw new InputError(
          `No ${relativePath} in the workspace: run fetch:template (or write the file) before flywheel:provenance:stamp`,
        );
      }
      const templateVersion =
        ctx.templateInfo?.entity?.metadata.annotations?.[
          TEMPLATE_VERSION_ANNOTATION
        ];
      const stamp: Record<string, string> = {
        [SOURCE_TEMPLATE_ANNOTATION]: templateRef,
        [TEMPLATE_REF_ANNOTATION]: templateRef,
        [CREATED_AT_ANNOTATION]: now().toISOString(),
        [SCAFFOLDER_TASK_ANNOTATION]: ctx.task.id,
        ...(templateVersion
          ? { [TEMPLATE_VERSION_ANNOTATION]: templateVersion }
          : {}),
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
        for (const [key, value] of Object.entries(stamp)) {
          doc.setIn(['metadata', 'annotations', key], value);
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
      ctx.logger.info(`Stamped provenance from ${templateRef} on ${firstRef}`);
      ctx.output('entityRef', firstRef);
      ctx.output('templateRef', templateRef);
      if (templateVersion) {
        ctx.output('templateVersion', templateVersion);
      }
    },
  });
}
