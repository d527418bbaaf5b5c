import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { readFileSync } from 'fs';
import { resolve } from 'path';
import request from 'supertest';
import { parse } from 'yaml';
import { flywheelPlugin } from './plugin';
import { testEntities } from './__testUtils__/testCatalog';

jest.setTimeout(60_000);

/**
 * Every operation of the OpenAPI spec, asked without credentials, answers
 * 401 and says so; a route added to the spec is covered as it lands. Only
 * the routes named in PUBLIC answer anyone, as the spec says.
 */
const PUBLIC = new Set(['GET /health']);

const spec = parse(
  readFileSync(resolve(__dirname, 'schema/openapi.yaml'), 'utf8'),
);
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
type Method = (typeof METHODS)[number];

const operations: Array<[string, Method, string]> = Object.entries(
  spec.paths as Record<string, Record<string, unknown>>,
).flatMap(([path, item]) =>
  METHODS.filter(method => item[method]).map(
    method =>
      [
        `${method.toUpperCase()} ${path}`,
        method,
        // Any value fits the path patterns well enough to reach the router.
        path.replace(/\{[^}]+\}/g, 'x'),
      ] as [string, Method, string],
  ),
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
