import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { flywheelPlugin } from './plugin';
import { specOperations } from './__testUtils__/specOperations';
import { testEntities } from './__testUtils__/testCatalog';

jest.setTimeout(60_000);

/**
 * Every operation of the OpenAPI spec, asked without credentials, answers
 * 401 and says so; a route added to the spec is covered as it lands. Only
 * the routes named in PUBLIC answer anyone, as the spec says.
 */
const PUBLIC = new Set(['GET /health']);

const operations = specOperations().map(
  operation =>
    [
      operation.route,
      operation.method,
      // Any value fits the path patterns well enough to reach the router.
      operation.path.replace(/\{[^}]+\}/g, 'x'),
    ] as const,
);

describe('authentication on every route of the spec', () => {
  let server: Parameters<typeof request>[0];

  beforeAll(async () => {
    ({ server } = await startTestBackend({
      features: [
        flywheelPlugin,
        catalogServiceMock.factory({ entities: testEntities }),
        mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      ],
    }));
  });

  it('covers the whole spec', () => {
    expect(operations.length).toBeGreaterThan(50);
  });

  it.each(operations.filter(([name]) => PUBLIC.has(name)))(
    '%s answers without credentials',
    async (_, method, path) => {
      const res = await request(server)
        [method](`/api/flywheel${path}`)
        .set('Authorization', mockCredentials.none.header());
      expect(res.status).toBe(200);
    },
  );

  it.each(operations.filter(([name]) => !PUBLIC.has(name)))(
    '%s answers 401 without credentials',
    async (_, method, path) => {
      const res = await request(server)
        [method](`/api/flywheel${path}`)
        .set('Authorization', mockCredentials.none.header())
        .send({});
      expect(res.status).toBe(401);
      expect(res.body.error?.name).toBe('AuthenticationError');
    },
  );
});
