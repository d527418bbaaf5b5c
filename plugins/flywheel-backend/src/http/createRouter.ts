import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import express, { RequestHandler } from 'express';
import { spec } from '../schema/openapi.generated';

/** The plugin's typed router: requests are validated against openapi.yaml. */
export type FlywheelApiRouter = ReturnType<typeof createFlywheelApiRouter>;

/**
 * JSON body limits: express's 100 kB for every route but the deployments
 * ingest, whose backfill batches (up to 1,000 deployments with their
 * commits) are larger. A larger body is answered 413.
 */
export const BODY_LIMITS: Record<string, string> = {
  '/deployments': '10mb',
};

function jsonBodies(): RequestHandler {
  const standard = express.json();
  const larger = new Map(
    Object.entries(BODY_LIMITS).map(([path, limit]) => [
      path,
      express.json({ limit }),
    ]),
  );
  return (req, res, next) => (larger.get(req.path) ?? standard)(req, res, next);
}

/**
 * @param writeLimit - the per-person write limit (`writeRateLimit`); it runs
 * first, so a write over the budget is refused before its body is read.
 */
export function createFlywheelApiRouter(writeLimit?: RequestHandler) {
  const router = createValidatedOpenApiRouter<typeof spec>(spec, {
    middleware: [...(writeLimit ? [writeLimit] : []), jsonBodies()],
  });
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  return router;
}
