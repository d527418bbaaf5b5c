import { InputError } from '@backstage/errors';
import {
  MaturityAttestationRequest,
  MaturityTransitionRequest,
  MaturityWaiverRequest,
} from '@flywheel/plugin-flywheel-common';
import { z } from 'zod';

const text = (field: string, max = 2000) =>
  z
    .string({ error: `${field} must be text` })
    .trim()
    .min(1, `${field} must not be empty`)
    .max(max, `${field} must be at most ${max} characters`);

const id = (field: string) =>
  z
    .string({ error: `${field} must be text` })
    .regex(/^[a-z0-9][a-z0-9-_.]{0,99}$/i, `${field} is not a valid id`);

const url = z
  .string({ error: 'evidenceUrl must be text' })
  .trim()
  .max(2000, 'evidenceUrl must be at most 2000 characters')
  .refine(value => {
    try {
      const parsed = new URL(value);
      return parsed.protocol === 'https:' || parsed.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'evidenceUrl must be an http(s) URL of the evidence');

const expiresAt = z
  .string({ error: 'expiresAt must be an ISO 8601 date' })
  .refine(
    value => !Number.isNaN(Date.parse(value)),
    'expiresAt must be an ISO 8601 date',
  )
  .optional();

const transition = z
  .object({
    toStage: id('toStage'),
    rationale: text('rationale'),
    overrideReason: text('overrideReason').optional(),
    initial: z.boolean({ error: 'initial must be true or false' }).optional(),
  })
  .strict();

const attestation = z
  .object({
    stageId: id('stageId'),
    criterionId: id('criterionId'),
    evidenceUrl: url,
    note: text('note'),
    expiresAt,
  })
  .strict();

const waiver = z
  .object({
    stageId: id('stageId'),
    criterionId: id('criterionId'),
    reason: text('reason'),
    expiresAt,
  })
  .strict();

function parse<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const result = schema.safeParse(body);
  if (!result.success) {
    const messages = result.error.issues.map(issue =>
      issue.code === 'unrecognized_keys'
        ? `unknown field(s) ${issue.keys.join(', ')}`
        : issue.message,
    );
    throw new InputError(`Invalid ${what}: ${messages.join('; ')}`);
  }
  return result.data;
}

export function parseTransition(body: unknown): MaturityTransitionRequest {
  return parse(transition, body, 'transition');
}

export function parseAttestation(body: unknown): MaturityAttestationRequest {
  return parse(attestation, body, 'attestation');
}

export function parseWaiver(body: unknown): MaturityWaiverRequest {
  return parse(waiver, body, 'waiver');
}

/** An expiry must lie ahead; at most ten years. */
export function checkExpiry(value: string | undefined, now: Date) {
  if (value === undefined) {
    return undefined;
  }
  const at = new Date(value);
  if (at <= now) {
    throw new InputError('expiresAt must be in the future');
  }
  if (at.getTime() - now.getTime() > 3660 * 86_400_000) {
    throw new InputError('expiresAt must be within ten years');
  }
  return at.toISOString();
}
