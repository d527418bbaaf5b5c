import { InputError } from '@backstage/errors';
import { DeploymentInput } from '@flywheel/plugin-flywheel-common';
import { z } from 'zod';

/** The most deployments one POST may carry (a backfill sends several). */
export const MAX_BATCH = 1000;

const instant = z.string().refine(value => !Number.isNaN(Date.parse(value)), {
  message: 'must be an ISO 8601 date-time, e.g. 2026-12-01T10:00:00Z',
});

const commit = z.object({
  repoUrl: z.string().min(1).max(2000),
  commitSha: z
    .string()
    .regex(/^[0-9a-fA-F]{7,64}$/, 'must be a commit SHA (7–64 hex digits)'),
  refName: z.string().max(500).optional(),
  commitMsg: z.string().max(10_000).optional(),
  authoredDate: instant.optional(),
  startedDate: instant.optional(),
  finishedDate: instant.optional(),
  displayTitle: z.string().max(500).optional(),
  name: z.string().max(500).optional(),
});

const deployment = z
  .object({
    id: z.string().min(1).max(255),
    entityRef: z.string().min(1).max(500).optional(),
    environment: z
      .enum(['PRODUCTION', 'STAGING', 'TESTING', 'DEVELOPMENT'])
      .optional(),
    result: z.enum(['SUCCESS', 'FAILURE', 'ABORT', 'MANUAL']).optional(),
    createdDate: instant.optional(),
    startedDate: instant,
    finishedDate: instant,
    name: z.string().max(500).optional(),
    displayTitle: z.string().max(500).optional(),
    url: z.string().max(2000).optional(),
    deploymentCommits: z.array(commit).max(1000).optional(),
  })
  .refine(d => Date.parse(d.finishedDate) >= Date.parse(d.startedDate), {
    message: 'finishedDate is before startedDate',
    path: ['finishedDate'],
  })
  .refine(d => d.entityRef || (d.deploymentCommits?.length ?? 0) > 0, {
    message:
      'name the service: entityRef, or deploymentCommits with the repoUrl of a catalog entity',
    path: ['entityRef'],
  });

/** A deployment checked field by field, with DevLake's defaults filled in. */
export type ParsedDeployment = DeploymentInput &
  Required<Pick<DeploymentInput, 'environment' | 'result'>>;

/**
 * The deployments of a POST body: one deployment, or `{ deployments: [...] }`
 * for a backfill. Any bad one refuses the whole body (nothing is stored),
 * each problem named by its place, e.g. `deployments[3].startedDate`.
 */
export function parseDeployments(body: unknown): ParsedDeployment[] {
  const isBatch =
    typeof body === 'object' &&
    body !== null &&
    'deployments' in body &&
    Array.isArray((body as { deployments: unknown }).deployments);
  const items: unknown[] = isBatch
    ? (body as { deployments: unknown[] }).deployments
    : [body];
  if (items.length === 0) {
    throw new InputError('deployments is empty');
  }
  if (items.length > MAX_BATCH) {
    throw new InputError(
      `At most ${MAX_BATCH} deployments per request, got ${items.length}: send the backfill in parts`,
    );
  }
  const problems: string[] = [];
  const parsed: ParsedDeployment[] = [];
  const ids = new Map<string, number>();
  items.forEach((item, index) => {
    const place = isBatch ? `deployments[${index}]` : '';
    const result = deployment.safeParse(item);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const path = [place, ...issue.path.map(String)]
          .filter(Boolean)
          .join('.');
        problems.push(`${path || 'body'}: ${issue.message}`);
      }
      return;
    }
    const first = ids.get(result.data.id);
    if (first !== undefined) {
      problems.push(
        `${place}.id: '${result.data.id}' is also deployments[${first}].id`,
      );
      return;
    }
    ids.set(result.data.id, index);
    parsed.push({
      ...result.data,
      environment: result.data.environment ?? 'PRODUCTION',
      result: result.data.result ?? 'SUCCESS',
    });
  });
  if (problems.length > 0) {
    throw new InputError(
      `Nothing was stored. ${problems.slice(0, 20).join('; ')}${
        problems.length > 20 ? `; and ${problems.length - 20} more` : ''
      }`,
    );
  }
  return parsed;
}
