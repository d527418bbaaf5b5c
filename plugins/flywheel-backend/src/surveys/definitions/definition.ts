import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  SURVEY_QUESTION_TYPES,
  SurveyDefinition,
  SurveyQuestion,
} from '@flywheel/plugin-flywheel-common';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { readDateTime } from '../../time/instants';

/** Times without an offset are UTC, whatever the server's zone. */
const UTC = { zone: 'utc' };

/** Survey and question ids: lowercase letters, digits and dashes. */
export const SURVEY_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,99}$/;
/** Trigger event names, e.g. `scaffolder.run.completed`. */
export const SURVEY_EVENT_PATTERN = /^[a-z0-9][a-z0-9.-]{0,99}$/;
/** Days a wave stays open when the schedule does not say. */
export const DEFAULT_WAVE_DAYS = 14;
/**
 * The longest a recurring wave may stay open without overlapping the next:
 * Feb → Mar is 28 days, and three months can be 89 (Feb 1 → May 1).
 */
const MAX_WAVE_DAYS: Record<string, number | undefined> = {
  monthly: 28,
  quarterly: 89,
};
/** The longest a free-text answer may be. */
export const MAX_TEXT_LENGTH = 5000;

const entityRefOfKind = (kind: string) =>
  z.string().transform((value, ctx) => {
    try {
      const ref = parseEntityRef(value, { defaultKind: kind });
      if (ref.kind.toLocaleLowerCase('en-US') !== kind) {
        ctx.addIssue({ code: 'custom', message: `must be a ${kind} ref` });
        return z.NEVER;
      }
      return stringifyEntityRef(ref).toLocaleLowerCase('en-US');
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: (e as Error).message });
      return z.NEVER;
    }
  });

const isoDateTime = z.string().refine(v => readDateTime(v) !== undefined, {
  message: 'must be an ISO 8601 date-time, e.g. 2026-12-01T09:00:00Z',
});

const questionSchema = z
  .object({
    id: z
      .string()
      .regex(SURVEY_ID_PATTERN, 'use lowercase letters, digits and dashes'),
    type: z.enum(SURVEY_QUESTION_TYPES as [string, ...string[]]),
    title: z.string().trim().min(1).max(300),
    required: z.boolean().optional(),
    followUp: z.string().trim().min(1).max(300).optional(),
    scale: z
      .object({
        min: z.number().int().min(0).max(10),
        max: z.number().int().min(0).max(10),
        minLabel: z.string().max(100).optional(),
        maxLabel: z.string().max(100).optional(),
      })
      .strict()
      .optional(),
    options: z.array(z.string().trim().min(1).max(200)).optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    const choice = q.type === 'single-choice' || q.type === 'multiple-choice';
    if (choice) {
      const options = q.options ?? [];
      if (options.length < 2 || options.length > 20) {
        ctx.addIssue({
          code: 'custom',
          path: ['options'],
          message: `a ${q.type} question needs 2–20 options`,
        });
      } else if (new Set(options).size !== options.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['options'],
          message: 'options must be unique',
        });
      }
    } else if (q.options) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: `only choice questions have options, not ${q.type}`,
      });
    }
    if (q.type === 'rating') {
      if (!q.scale) {
        ctx.addIssue({
          code: 'custom',
          path: ['scale'],
          message: 'a rating question needs a scale, e.g. { min: 1, max: 5 }',
        });
      } else if (q.scale.min >= q.scale.max) {
        ctx.addIssue({
          code: 'custom',
          path: ['scale'],
          message: 'scale.min must be below scale.max',
        });
      }
    } else if (q.scale) {
      ctx.addIssue({
        code: 'custom',
        path: ['scale'],
        message: `only rating questions have a scale, not ${q.type}`,
      });
    }
    if (q.followUp && q.type !== 'nps') {
      ctx.addIssue({
        code: 'custom',
        path: ['followUp'],
        message: 'only nps questions have a follow-up',
      });
    }
  });

const definitionSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    description: z.string().max(2000).optional(),
    anonymous: z.boolean(),
    questions: z.array(questionSchema).min(1).max(30),
    audience: z.discriminatedUnion('type', [
      z.object({ type: z.literal('everyone') }).strict(),
      z
        .object({
          type: z.literal('groups'),
          groupRefs: z.array(entityRefOfKind('group')).min(1).max(100),
        })
        .strict(),
      z
        .object({
          type: z.literal('golden-path-owners'),
          templateRefs: z.array(entityRefOfKind('template')).min(1).max(100),
        })
        .strict(),
    ]),
    schedule: z
      .object({
        opensAt: isoDateTime,
        closesAt: isoDateTime.optional(),
        recurrence: z.enum(['none', 'monthly', 'quarterly']),
        waveDays: z.number().int().min(1).max(90).optional(),
      })
      .strict()
      .superRefine((s, ctx) => {
        if (s.closesAt && s.recurrence !== 'none') {
          ctx.addIssue({
            code: 'custom',
            path: ['closesAt'],
            message:
              'only one-off surveys (recurrence none) close on a date; recurring waves last waveDays',
          });
        }
        if (
          s.closesAt &&
          DateTime.fromISO(s.closesAt, UTC) <= DateTime.fromISO(s.opensAt, UTC)
        ) {
          ctx.addIssue({
            code: 'custom',
            path: ['closesAt'],
            message: 'must be after opensAt',
          });
        }
        const limit = MAX_WAVE_DAYS[s.recurrence];
        if (limit && (s.waveDays ?? DEFAULT_WAVE_DAYS) > limit) {
          ctx.addIssue({
            code: 'custom',
            path: ['waveDays'],
            message: `${s.recurrence} waves can stay open at most ${limit} days, so they do not overlap`,
          });
        }
      }),
    triggers: z
      .array(
        z.discriminatedUnion('type', [
          z.object({ type: z.literal('wave-open') }).strict(),
          z
            .object({
              type: z.literal('event'),
              event: z
                .string()
                .regex(SURVEY_EVENT_PATTERN, 'e.g. scaffolder.run.completed'),
            })
            .strict(),
          z
            .object({
              type: z.literal('route'),
              pathPrefix: z
                .string()
                .regex(/^\//, "must start with '/'")
                .max(500),
            })
            .strict(),
        ]),
      )
      .max(10)
      .optional(),
    samplingPercent: z.number().int().min(1).max(100).optional(),
    template: z.string().max(100).optional(),
  })
  .strict()
  .superRefine((d, ctx) => {
    const seen = new Set<string>();
    d.questions.forEach((q, i) => {
      if (seen.has(q.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['questions', i, 'id'],
          message: `duplicate question id '${q.id}'`,
        });
      }
      seen.add(q.id);
    });
  });

function describeIssues(issues: z.core.$ZodIssue[]): string {
  return issues
    .map(issue => {
      const path = issue.path
        .map((p, i) =>
          typeof p === 'number'
            ? `[${p}]`
            : `${i === 0 ? '' : '.'}${String(p)}`,
        )
        .join('');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

/**
 * Checks a survey definition from the API or config and fills in defaults
 * (no triggers → prompt when the wave opens; sampling 100%). Throws an
 * InputError naming every problem, prefixed with `where`.
 */
export function parseSurveyDefinition(
  input: unknown,
  where: string,
): SurveyDefinition {
  const result = definitionSchema.safeParse(input);
  if (!result.success) {
    throw new InputError(`${where}: ${describeIssues(result.error.issues)}`);
  }
  const d = result.data;
  return {
    ...d,
    description: d.description || undefined,
    questions: d.questions as SurveyQuestion[],
    schedule: {
      ...d.schedule,
      opensAt: DateTime.fromISO(d.schedule.opensAt, UTC).toUTC().toISO()!,
      closesAt: d.schedule.closesAt
        ? DateTime.fromISO(d.schedule.closesAt, UTC).toUTC().toISO()!
        : undefined,
    },
    triggers:
      d.triggers && d.triggers.length > 0
        ? d.triggers
        : [{ type: 'wave-open' }],
    samplingPercent: d.samplingPercent ?? 100,
  };
}

/** Whether a question must be answered: nps and csat unless they say not. */
export function isRequired(question: SurveyQuestion): boolean {
  return (
    question.required ?? (question.type === 'nps' || question.type === 'csat')
  );
}

/** Whether the survey asks an NPS question (which has its own 90-day limit). */
export function asksNps(questions: SurveyQuestion[]): boolean {
  return questions.some(q => q.type === 'nps');
}
