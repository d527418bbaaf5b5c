import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CampaignDefinition } from '@flywheel/plugin-flywheel-common';
import { z } from 'zod';

/*
 * The shape of a campaign definition, checked the same way for a create
 * request and for a campaign in config. Whether the scorecard, check or
 * level it names exists is checked against the scorecards afterwards
 * (checkGoal).
 */

const text = (field: string, max: number) =>
  z
    .string({ error: `${field} must be text` })
    .trim()
    .min(1, `${field} must not be empty`)
    .max(max, `${field} must be at most ${max} characters`);

const list = (field: string) =>
  z
    .array(text(`${field} entries`, 255), {
      error: `${field} must be a list of text`,
    })
    .min(1, `${field} must not be empty when given`)
    .max(100, `${field} must have at most 100 entries`)
    .optional();

const entityRef = (field: string, defaultKind?: string) =>
  text(field, 255).refine(value => {
    try {
      parseEntityRef(value, defaultKind ? { defaultKind } : undefined);
      return true;
    } catch {
      return false;
    }
  }, `${field} must be an entity ref such as ${defaultKind ?? 'group'}:default/name`);

const instant = (field: string) =>
  z
    .string({ error: `${field} must be an ISO 8601 date` })
    .regex(
      /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/,
      `${field} must be an ISO 8601 date`,
    )
    .refine(
      value => !Number.isNaN(Date.parse(value)),
      `${field} must be an ISO 8601 date`,
    );

const cohort = z
  .object(
    {
      kinds: list('cohort.kinds'),
      types: list('cohort.types'),
      systems: list('cohort.systems'),
      tags: list('cohort.tags'),
      languages: list('cohort.languages'),
      owners: z
        .array(entityRef('cohort.owners entries', 'group'), {
          error: 'cohort.owners must be a list of group refs',
        })
        .min(1, 'cohort.owners must not be empty when given')
        .max(100, 'cohort.owners must have at most 100 entries')
        .optional(),
      notFromGoldenPath: z
        .boolean({ error: 'cohort.notFromGoldenPath must be true or false' })
        .optional(),
    },
    { error: 'cohort must be an object' },
  )
  .strict();

const id = (field: string) =>
  z
    .string({ error: `${field} must be text` })
    .regex(/^[a-z0-9][a-z0-9-_.]{0,99}$/i, `${field} is not a valid id`);

const goal = z.discriminatedUnion(
  'type',
  [
    z
      .object({
        type: z.literal('check'),
        scorecardId: id('goal.scorecardId'),
        checkId: id('goal.checkId'),
      })
      .strict(),
    z
      .object({
        type: z.literal('level'),
        scorecardId: id('goal.scorecardId'),
        level: id('goal.level'),
      })
      .strict(),
    z
      .object({
        type: z.literal('goldenPath'),
        templateRef: entityRef('goal.templateRef', 'template'),
        minVersion: text('goal.minVersion', 50).optional(),
      })
      .strict(),
  ],
  { error: 'goal.type must be check, level or goldenPath' },
);

const automation = z
  .object(
    {
      templateRef: entityRef('automation.templateRef', 'template'),
      entityParameter: z
        .string({ error: 'automation.entityParameter must be text' })
        .regex(
          /^[A-Za-z_][A-Za-z0-9_]{0,63}$/,
          'automation.entityParameter must be a parameter name',
        )
        .optional(),
      parameters: z
        .record(
          z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/),
          z.string().max(1000),
          {
            error:
              'automation.parameters must map parameter names to text values',
          },
        )
        .optional(),
    },
    { error: 'automation must be an object' },
  )
  .strict();

export const campaignDefinitionSchema = z
  .object(
    {
      id: z
        .string({ error: 'id must be text' })
        .regex(
          /^[a-z0-9]+(-[a-z0-9]+)*$/,
          'id must be lowercase letters, digits and single dashes',
        )
        .max(100, 'id must be at most 100 characters')
        .refine(
          value => value !== 'memberships',
          "id 'memberships' is reserved",
        ),
      title: text('title', 200),
      description: text('description', 2000),
      howTo: text('howTo', 20000).optional(),
      ownerRef: entityRef('ownerRef', 'group'),
      cohort,
      goal,
      automation: automation.optional(),
      startsAt: instant('startsAt'),
      deadline: instant('deadline'),
    },
    { error: 'the body must be a campaign definition' },
  )
  .strict()
  .refine(c => Date.parse(c.deadline) > Date.parse(c.startsAt), {
    message: 'deadline must be after startsAt',
    path: ['deadline'],
  });

/**
 * A campaign definition from a request body or config, with refs in their
 * full form; InputError naming every problem otherwise.
 */
export function parseCampaignDefinition(
  value: unknown,
  what = 'campaign',
): CampaignDefinition {
  const result = campaignDefinitionSchema.safeParse(value);
  if (!result.success) {
    const messages = result.error.issues.map(issue =>
      issue.code === 'unrecognized_keys'
        ? `unknown field(s) ${issue.keys
            .map(k => [...issue.path, k].join('.'))
            .join(', ')}`
        : issue.message,
    );
    throw new InputError(`Invalid ${what}: ${messages.join('; ')}`);
  }
  return normalizeDefinition(result.data);
}

/** A definition with refs in their full form, ready to store. */
function normalizeDefinition(
  parsed: z.infer<typeof campaignDefinitionSchema>,
): CampaignDefinition {
  const full = (ref: string, defaultKind: string) => {
    const e = parseEntityRef(ref, { defaultKind, defaultNamespace: 'default' });
    return `${e.kind}:${e.namespace}/${e.name}`.toLocaleLowerCase('en-US');
  };
  const { cohort: c, goal: g, automation: a, ...rest } = parsed;
  return {
    ...rest,
    ownerRef: full(parsed.ownerRef, 'group'),
    cohort: {
      ...c,
      ...(c.systems ? { systems: c.systems.map(s => full(s, 'system')) } : {}),
      ...(c.owners ? { owners: c.owners.map(o => full(o, 'group')) } : {}),
    },
    goal:
      g.type === 'goldenPath'
        ? { ...g, templateRef: full(g.templateRef, 'template') }
        : g,
    ...(a
      ? { automation: { ...a, templateRef: full(a.templateRef, 'template') } }
      : {}),
  };
}
