import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { flywheelPlugin } from '../plugin';
import { EXAMPLE_REQUESTS, exampleCapability } from './exampleRequests';
import { testEntities } from './testCatalog';

type Feature = NonNullable<
  Parameters<typeof startTestBackend>[0]['features']
>[number];

/** The caller: a member of the teams that own the capability and `checkout`. */
export const MALLORY = 'user:default/mallory';

export type EveryRouteBackend = {
  server: Parameters<typeof request>[0];
  /** An example request's path with its `{surveyId}` and `{exemptionId}` filled. */
  fill(path: string): string;
  /** The credentials header an example request is sent with. */
  authorization(route: string, user?: string): string;
  /** Sends the example request of a route of the spec, as MALLORY by default. */
  send(route: string, user?: string): request.Test;
};

/**
 * The plugin with a catalog holding the example requests' entities, MALLORY
 * a member of the teams that own them, and a survey and an exemption (by
 * someone else, as an exemption's requester may not decide on it) for the
 * examples' `{surveyId}` and `{exemptionId}`: their routes look them up
 * before they ask for a permission. `features` brings the permissions (the
 * policy must allow creating those two) and anything else to replace.
 */
export async function startEveryRouteBackend(
  features: Feature[],
): Promise<EveryRouteBackend> {
  const { server } = await startTestBackend({
    features: [
      flywheelPlugin,
      catalogServiceMock.factory({
        entities: [...testEntities, exampleCapability],
      }),
      // Some writes go to the owners only, on top of the permission.
      mockServices.userInfo.mock({
        async getUserInfo() {
          return {
            userEntityRef: MALLORY,
            ownershipEntityRefs: [
              MALLORY,
              'group:default/platform',
              'group:default/payments',
            ],
          };
        },
      }).factory,
      ...features,
    ],
  });
  const created: Record<string, string> = {};
  const fill = (path: string) =>
    path.replace(/\{(surveyId|exemptionId)\}/g, (_, name) => created[name]);
  const authorization = (route: string, user = MALLORY) =>
    EXAMPLE_REQUESTS[route].service
      ? mockCredentials.service.header()
      : mockCredentials.user.header(user);
  const send = (route: string, user = MALLORY) => {
    const example = EXAMPLE_REQUESTS[route];
    const method = route.split(' ')[0].toLowerCase() as
      | 'get'
      | 'post'
      | 'put'
      | 'patch'
      | 'delete';
    return request(server)
      [method](`/api/flywheel${fill(example.path)}`)
      .set('Authorization', authorization(route, user))
      .send(example.body ?? {});
  };
  for (const [name, route] of [
    ['surveyId', 'POST /surveys'],
    ['exemptionId', 'POST /scorecards/exemptions'],
  ]) {
    const res = await send(route, 'user:default/ada');
    if (res.status !== 201) {
      throw new Error(`${route}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    created[name] = res.body.id;
  }
  return { server, fill, authorization, send };
}
