import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { InputError } from '@backstage/errors';
import { TEMPLATE_VERSION_ANNOTATION } from '@flywheel/plugin-flywheel-common';
import yaml from 'yaml';
import { FlywheelRunRecorder } from '../FlywheelClient';

/**
 * Creates the `flywheel:run:record` action: records this run (template and
 * version, user, owner, start, end, outcome) in the Flywheel backend, the
 * source of service creation time and later of time to first deploy. Put it
 * last in a template: reaching it means every earlier step succeeded.
 *
 * @public
 */
export function createRecordRunAction(options: {
  recorder: FlywheelRunRecorder;
  now?: () => Date;
}) {
  const { recorder } = options;
  const now = options.now ?? (() => new Date());
  return createTemplateAction({
    id: 'flywheel:run:record',
    description:
      'Records this golden-path run in Flywheel (template, version, user, owner, start, end, outcome)',
    supportsDryRun: true,
    examples: [
      {
        description: 'Record the run as the last step of a golden path',
        example: yaml.stringify({
          steps: [
            {
              id: 'record',
              action: 'flywheel:run:record',
              name: 'Record the run in Flywheel',
              input: {
                entityRef: "${{ steps['publish-local'].output.entityRef }}",
                owner: '${{ parameters.owner }}',
              },
            },
          ],
        }),
      },
    ],
    schema: {
      input: {
        entityRef: z =>
          z.string().optional().describe('Entity ref of the created component'),
        owner: z =>
          z
            .string()
            .optional()
            .describe('Owner group of the created component'),
      },
    },
    async handler(ctx) {
      const templateRef = ctx.templateInfo?.entityRef;
      if (!templateRef) {
        throw new InputError(
          'flywheel:run:record must run inside a template: no template entity ref is known',
        );
      }
      const completedAt = now().toISOString();
      const run = {
        taskId: ctx.task.id,
        templateRef,
        templateVersion:
          ctx.templateInfo?.entity?.metadata.annotations?.[
            TEMPLATE_VERSION_ANNOTATION
          ],
        entityRef: ctx.input.entityRef || undefined,
        ownerRef: ctx.input.owner || undefined,
        completedAt,
        outcome: 'succeeded' as const,
      };
      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would record a succeeded run of ${templateRef} for ${
            run.entityRef ?? 'an unknown entity'
          }`,
        );
        return;
      }
      const startedAt = await ctx.checkpoint({
        key: 'flywheel-task-created-at',
        fn: async () => (await recorder.taskCreatedAt(ctx.task.id)) ?? '',
      });
      await recorder.record(
        { ...run, startedAt: startedAt || undefined },
        await ctx.getInitiatorCredentials(),
      );
      ctx.logger.info(
        `Recorded run ${ctx.task.id} of ${templateRef} in Flywheel`,
      );
    },
  });
}
