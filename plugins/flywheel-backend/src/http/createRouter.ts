import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { spec } from '../schema/openapi.generated';

/** The plugin's typed router: requests are validated against openapi.yaml. */
export type FlywheelApiRouter = ReturnType<typeof createFlywheelApiRouter>;

export function createFlywheelApiRouter() {
  const router = createValidatedOpenApiRouter<typeof spec>(spec);
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  return router;
}
