import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { normalizeRef } from '../../catalog/entityRefs';
import type { NewUsageEvent } from './store/UsageStore';

/** The most events one POST may carry; the frontend sends far fewer. */
export const MAX_EVENTS = 500;
/** How old an event may be when it arrives (a browser that slept, retries). */
export const MAX_AGE_MS = 7 * 86_400_000;
/** How far ahead of the server an event may be, after the clock correction. */
export const MAX_AHEAD_MS = 5 * 60_000;

const instant = z.string().refine(value => !Number.isNaN(Date.parse(value)), {
  message: 'must be an ISO 8601 date-time, e.g. 2026-12-06T10:00:00Z',
});

const entityRef = z
  .string()
  .min(1)
  .max(255)
  .transform((value, ctx) => {
    try {
      return normalizeRef(stringifyEntityRef(parseEntityRef(value)));
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: `must be an entity ref like component:default/name, got '${value}'`,
      });
      return z.NEVER;
    }
  });

const attributeValue = z.union([
  z.string().max(500),
  z.number().refine(Number.isFinite, 'must be a finite number'),
  z.boolean(),
]);

const event = z.strictObject({
  action: z.string().min(1).max(100),
  subject: z.string().max(1000),
  context: z.strictObject({
    pluginId: z.string().min(1).max(100),
    routeRef: z.string().min(1).max(255).optional(),
    extension: z.string().min(1).max(255).optional(),
    entityRef: entityRef.optional(),
  }),
  attributes: z
    .record(z.string().min(1).max(100), attributeValue)
    .refine(a => Object.keys(a).length <= 30, 'at most 30 attributes')
    .optional(),
  value: z
    .number()
    .refine(Number.isFinite, 'must be a finite number')
    .optional(),
  timestamp: instant,
});

const body = z.strictObject({
  events: z.array(z.unknown()),
  sentAt: instant.optional(),
});

/**
 * Names a payload might use to claim whose events these are. They are
 * refused by name: events are always the signed-in sender's.
 */
const IDENTITY_KEYS =
  /^(user|users|userId|userRef|userEntityRef|user_ref|userName|identity|principal|ownershipEntityRefs|sub)$/i;

function identityProblems(value: unknown, place: string): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [];
  }
  return Object.keys(value)
    .filter(key => IDENTITY_KEYS.test(key))
    .map(
      key =>
        `${place}${
          place ? '.' : ''
        }${key}: not accepted; events are recorded for the signed-in user who sends them`,
    );
}

/**
 * The events of a POST body, checked: `{ events: [...], sentAt? }`. Any bad
 * event refuses the whole body (nothing is stored), each problem named by
 * its place, e.g. `events[3].context.pluginId`. Fields that claim an
 * identity are refused: the sender is taken from the credentials.
 *
 * Times: when the body says when it was sent (`sentAt`, the browser's
 * clock), each event's time is moved by the difference to the server's
 * clock, so a browser whose clock is off still counts on the right day.
 * Events older than 7 days or more than 5 minutes ahead are refused.
 */
export function parseUsageEvents(
  input: unknown,
  receivedAt: Date,
): NewUsageEvent[] {
  const problems = identityProblems(input, '');
  const parsedBody = body.safeParse(input);
  if (!parsedBody.success) {
    for (const issue of parsedBody.error.issues) {
      const path = issue.path.map(String).join('.');
      const claimsOnly =
        issue.code === 'unrecognized_keys' &&
        issue.keys.every(key => IDENTITY_KEYS.test(key));
      if (!claimsOnly) {
        problems.push(`${path || 'body'}: ${issue.message}`);
      }
    }
    throw nothingStored(problems);
  }
  const { events: items, sentAt } = parsedBody.data;
  if (items.length === 0) {
    throw new InputError('events is empty');
  }
  if (items.length > MAX_EVENTS) {
    throw new InputError(
      `At most ${MAX_EVENTS} events per request, got ${items.length}: send them in parts`,
    );
  }
  const skew = sentAt ? receivedAt.getTime() - Date.parse(sentAt) : 0;
  const parsed: NewUsageEvent[] = [];
  items.forEach((item, index) => {
    const place = `events[${index}]`;
    const claims = [
      ...identityProblems(item, place),
      ...identityProblems(
        (item as { context?: unknown } | null)?.context,
        `${place}.context`,
      ),
    ];
    if (claims.length > 0) {
      problems.push(...claims);
      return;
    }
    const result = event.safeParse(item);
    if (!result.success) {
      for (const issue of result.error.issues) {
        problems.push(
          `${[place, ...issue.path.map(String)].join('.')}: ${issue.message}`,
        );
      }
      return;
    }
    const e = result.data;
    const occurredAt = Date.parse(e.timestamp) + skew;
    if (occurredAt < receivedAt.getTime() - MAX_AGE_MS) {
      problems.push(
        `${place}.timestamp: ${e.timestamp} is more than 7 days old`,
      );
      return;
    }
    if (occurredAt > receivedAt.getTime() + MAX_AHEAD_MS) {
      problems.push(
        `${place}.timestamp: ${e.timestamp} is in the future${
          sentAt ? '' : ' (send sentAt to correct for the clock)'
        }`,
      );
      return;
    }
    parsed.push({
      action: e.action,
      subject: e.subject,
      pluginId: e.context.pluginId,
      ...(e.context.routeRef ? { routeRef: e.context.routeRef } : {}),
      ...(e.context.extension ? { extension: e.context.extension } : {}),
      ...(e.context.entityRef ? { entityRef: e.context.entityRef } : {}),
      ...(e.attributes ? { attributes: e.attributes } : {}),
      ...(e.value !== undefined ? { value: e.value } : {}),
      // A little ahead (clocks, rounding) counts as now.
      occurredAt: new Date(Math.min(occurredAt, receivedAt.getTime())),
    });
  });
  if (problems.length > 0) {
    throw nothingStored(problems);
  }
  return parsed;
}

function nothingStored(problems: string[]): InputError {
  return new InputError(
    `Nothing was stored. ${problems.slice(0, 20).join('; ')}${
      problems.length > 20 ? `; and ${problems.length - 20} more` : ''
    }`,
  );
}
