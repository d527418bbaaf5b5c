import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import express, { RequestHandler } from 'express';
import { refuseUnstorableInput } from '../database/storableInput';
import { spec } from '../schema/openapi.generated';

/** The plugin's typed router: requests are validated against openapi.yaml. */
export type FlywheelApiRouter = ReturnType<typeof createFlywheelApiRouter>;

/**
 * JSON body limits: express's 100 kB for every route but the deployments
 * ingest, whose backfill batches (up to 1,000 deployments with their
 * commits) are larger. A larger body is refused: express says 413, and the
 * validated router answers it as a 400 InputError, as every error before
 * the routes.
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
    // Text the databases cannot store as sent (U+0000, lone surrogates) and
    // JSON nested deeper than any request are refused before every route.
    middleware: [
      ...(writeLimit ? [writeLimit] : []),
      jsonBodies(),
      refuseUnstorableInput(),
    ],
  });
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  return router;
}
