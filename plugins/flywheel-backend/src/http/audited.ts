import { AuditorService } from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';

type AuditedRequest = Parameters<AuditorService['createEvent']>[0]['request'];

/**
 * Runs a write inside an auditor event that records success or failure.
 * Failures are rethrown for the router's error handler.
 */
export async function audited<T>(
  auditor: AuditorService,
  request: AuditedRequest,
  eventId: string,
  meta: JsonObject,
  fn: () => Promise<T>,
): Promise<T> {
  const event = await auditor.createEvent({
    eventId,
    severityLevel: 'medium',
    request,
    meta,
  });
  try {
    const result = await fn();
    await event.success();
    return result;
  } catch (error) {
    await event.fail({ error: error as Error });
    throw error;
  }
}
