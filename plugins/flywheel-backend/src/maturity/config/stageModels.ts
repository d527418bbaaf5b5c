import { Config } from '@backstage/config';
import { MaturityModelDefinition } from '@flywheel/plugin-flywheel-common';
import { z } from 'zod';

/** The model a capability uses when its annotation names none. */
export const DEFAULT_MODEL_ID = 'platform-stages';

const WINDOW = /^\d{1,4}[dwmy]$/;
const ID = /^[a-z0-9][a-z0-9-_.]{0,99}$/i;
const SCOPE = /^(org|capability|goldenPaths|teams|group:.+|template:.+)$/;

const common = {
  id: z.string().regex(ID, 'letters, digits, - _ and ., at most 100'),
  title: z.string().min(1).max(200),
  description: z.string().max(2000).optional(),
  required: z.boolean().default(true),
};

const criterionSchema = z.discriminatedUnion('type', [
  z.object({
    ...common,
    type: z.literal('manual'),
    expiresAfterDays: z.number().int().min(1).max(3660).optional(),
  }),
  z.object({
    ...common,
    type: z.literal('metric'),
    metric: z.string().min(1).max(200),
    scope: z
      .string()
      .regex(
        SCOPE,
        'org, capability, goldenPaths, teams, or a group: or template: ref',
      )
      .default('org'),
    aggregation: z
      .enum(['window', 'latest', 'min', 'max', 'mean'])
      .default('window'),
    window: z.string().regex(WINDOW, 'e.g. 90d, 12w, 6m, 1y').default('12w'),
    interval: z.enum(['day', 'week', 'month']).default('week'),
    comparator: z.enum(['>=', '>', '<=', '<']),
    threshold: z.number(),
    minSampleSize: z.number().int().min(1).default(1),
  }),
]);

const modelSchema = z
  .object({
    id: z.string().regex(ID),
    version: z.number().int().min(1),
    title: z.string().min(1).max(200),
    description: z.string().max(2000).optional(),
    stages: z
      .array(
        z.object({
          id: z.string().regex(ID),
          title: z.string().min(1).max(200),
          description: z.string().max(2000).optional(),
          criteria: z.array(criterionSchema).default([]),
        }),
      )
      .min(2, 'a model needs at least two stages'),
  })
  .superRefine((model, ctx) => {
    const stageIds = new Set<string>();
    model.stages.forEach((stage, i) => {
      if (stageIds.has(stage.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['stages', i, 'id'],
          message: `stage '${stage.id}' appears twice`,
        });
      }
      stageIds.add(stage.id);
      const criterionIds = new Set<string>();
      stage.criteria.forEach((criterion, j) => {
        if (criterionIds.has(criterion.id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['stages', i, 'criteria', j, 'id'],
            message: `criterion '${criterion.id}' appears twice in stage '${stage.id}'`,
          });
        }
        criterionIds.add(criterion.id);
      });
    });
  });

/**
 * The three stages of a product-led platform, with criteria that read the
 * registry's metrics. Survey metrics are matched by pattern: the first NPS
 * or CSAT survey found counts.
 */
export const DEFAULT_MODEL: MaturityModelDefinition = {
  id: DEFAULT_MODEL_ID,
  version: 1,
  title: 'Platform stages',
  description:
    'Minimum Viable Platform → Production Readiness → Adoption & Scaling.',
  stages: [
    {
      id: 'mvp',
      title: 'Minimum Viable Platform',
      description:
        'The foundational golden paths are validated and a measurable baseline is set.',
      criteria: [
        {
          type: 'manual',
          id: 'golden-paths-defined',
          title: 'Foundational golden paths defined and validated',
          description:
            'Link the golden paths and the review with a first team that validated them.',
          required: true,
        },
        {
          type: 'metric',
          id: 'baseline-nps',
          title: 'A baseline NPS is measured',
          description:
            'The latest month of the last six with an NPS wave of at least 10 answers.',
          required: true,
          metric: 'surveys.*.nps',
          scope: 'org',
          aggregation: 'latest',
          window: '6m',
          interval: 'month',
          comparator: '>=',
          threshold: -100,
          minSampleSize: 10,
        },
      ],
    },
    {
      id: 'production-readiness',
      title: 'Production Readiness',
      description:
        'A first pioneering team uses the capability daily in every environment.',
      criteria: [
        {
          type: 'metric',
          id: 'pioneer-deploys-daily',
          title: 'A pioneering team deploys daily, every week for 4 weeks',
          description:
            "Weekly deployment frequency (per service, median) of one of the capability's teams, at least 5 in each of the last 4 whole weeks.",
          required: true,
          metric: 'valueStream.deploymentFrequency',
          scope: 'teams',
          aggregation: 'min',
          window: '4w',
          interval: 'week',
          comparator: '>=',
          threshold: 5,
          minSampleSize: 1,
        },
        {
          type: 'manual',
          id: 'every-environment',
          title: 'In use in every environment',
          description:
            'Development, staging and production: link the environments.',
          required: true,
          expiresAfterDays: 180,
        },
        {
          type: 'metric',
          id: 'csat',
          title: 'CSAT at least 75 %',
          description:
            'The latest month of the last six with a CSAT wave of at least 10 answers.',
          required: true,
          metric: 'surveys.*.csat',
          scope: 'org',
          aggregation: 'latest',
          window: '6m',
          interval: 'month',
          comparator: '>=',
          threshold: 75,
          minSampleSize: 10,
        },
        {
          type: 'metric',
          id: 'time-to-first-deploy',
          title: 'Time to first deploy under 7 days',
          description:
            "Median time from creation to first production deployment of the services of the capability's golden paths.",
          required: true,
          metric: 'valueStream.timeToFirstDeploy.median',
          scope: 'goldenPaths',
          aggregation: 'window',
          window: '26w',
          interval: 'week',
          comparator: '<',
          threshold: 7 * 86_400,
          minSampleSize: 3,
        },
      ],
    },
    {
      id: 'adoption-scaling',
      title: 'Adoption & Scaling',
      description:
        'Large-scale adoption, with onboarding automated for cohorts of like applications.',
      criteria: [
        {
          type: 'metric',
          id: 'adoption',
          title: 'Golden-path adoption at least 60 %',
          required: true,
          metric: 'goldenPaths.adoption',
          scope: 'org',
          aggregation: 'latest',
          window: '4w',
          interval: 'week',
          comparator: '>=',
          threshold: 60,
          minSampleSize: 20,
        },
        {
          type: 'manual',
          id: 'cohort-automated',
          title: 'A cohort of like applications onboarded through automation',
          required: true,
        },
      ],
    },
  ],
};

/** `flywheel.maturity`: the models by id (latest version) and the default. */
export interface StageModels {
  defaultModelId: string;
  models: Map<string, MaturityModelDefinition>;
}

/**
 * Reads the configured stage models; without any, the built-in one. A bad
 * model stops the backend at start-up with the field named.
 */
export function readStageModels(config: Config): StageModels {
  const raw = config.getOptional<unknown[]>('flywheel.maturity.models');
  const models = new Map<string, MaturityModelDefinition>();
  if (!raw || raw.length === 0) {
    models.set(DEFAULT_MODEL.id, DEFAULT_MODEL);
  } else {
    raw.forEach((item, i) => {
      const parsed = modelSchema.safeParse(item);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(
          `flywheel.maturity.models[${i}].${issue.path.join('.')}: ${
            issue.message
          }`,
        );
      }
      if (models.has(parsed.data.id)) {
        throw new Error(
          `flywheel.maturity.models: model '${parsed.data.id}' appears twice; keep one entry per model and raise its version`,
        );
      }
      models.set(parsed.data.id, parsed.data as MaturityModelDefinition);
    });
  }
  const defaultModelId =
    config.getOptionalString('flywheel.maturity.defaultModel') ??
    [...models.keys()][0];
  if (!models.has(defaultModelId)) {
    throw new Error(
      `flywheel.maturity.defaultModel: no model '${defaultModelId}'; configured: ${[
        ...models.keys(),
      ].join(', ')}`,
    );
  }
  return { defaultModelId, models };
}

/** Which catalog entities are capabilities: a catalog filter. */
export function readCapabilityFilter(
  config: Config,
): Record<string, string | string[]> {
  const filter = config.getOptional<Record<string, string | string[]>>(
    'flywheel.maturity.capabilities.filter',
  );
  return filter ?? { 'metadata.tags': 'capability' };
}
