import {
  BackendFeature,
  BackstageCredentials,
  coreServices,
  createServiceFactory,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  catalogServiceRef,
  CatalogService,
} from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  Permission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { userRefOf } from '../permissions/principals';

/**
 * A catalog that applies a read policy per user, as the catalog's
 * permission policy would: `hiddenFrom[userRef]` lists the entity refs that
 * user may not see (in any read). Other users and services see everything.
 */
export function catalogWithHiddenEntities(
  entities: Entity[],
  hiddenFrom: Record<string, string[]>,
): CatalogService {
  const everything = catalogServiceMock({ entities });
  const views = new Map(
    Object.entries(hiddenFrom).map(([user, hidden]) => [
      user,
      catalogServiceMock({
        entities: entities.filter(e => !hidden.includes(stringifyEntityRef(e))),
      }),
    ]),
  );
  return new Proxy(everything, {
    get(target, method: keyof CatalogService) {
      if (typeof target[method] !== 'function') {
        return target[method];
      }
      return (
        request: unknown,
        options?: { credentials?: BackstageCredentials },
      ) => {
        const user = options?.credentials && userRefOf(options.credentials);
        const view = (user && views.get(user)) || target;
        return (view[method] as Function).call(view, request, options);
      };
    },
  });
}

export function catalogFactory(catalog: CatalogService) {
  return createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () => catalog,
  });
}

/**
 * The catalog's read decision for a policy that hides some entities from
 * some people: conditional (the catalog applies the conditions).
 */
export function conditionalCatalogRead(claims: string[] = []): PolicyDecision {
  return {
    result: AuthorizeResult.CONDITIONAL,
    pluginId: 'catalog',
    resourceType: 'catalog-entity',
    conditions: {
      rule: 'IS_ENTITY_OWNER',
      resourceType: 'catalog-entity',
      params: { claims },
    },
  };
}

/**
 * Permissions as the tests need them: the catalog's read permission is
 * conditional for users the catalog hides entities from (the catalog mock
 * applies the hiding), and `decide` may answer for other permissions;
 * everything else is allowed.
 */
export function catalogReadPermissions(
  hidden: Record<string, string[]>,
  decide?: (permission: Permission, user: string) => PolicyDecision | undefined,
): PermissionsService {
  const answer = (permission: Permission, user: string): PolicyDecision => {
    if (permission.name === 'catalog.entity.read' && hidden[user]) {
      return conditionalCatalogRead([user]);
    }
    return decide?.(permission, user) ?? { result: AuthorizeResult.ALLOW };
  };
  const userOf = (options: any) =>
    options?.credentials?.principal?.userEntityRef;
  return {
    async authorize(requests: any[], options: any) {
      return requests.map(({ permission }) => {
        const decision = answer(permission, userOf(options));
        return {
          result:
            decision.result === AuthorizeResult.ALLOW
              ? AuthorizeResult.ALLOW
              : AuthorizeResult.DENY,
        };
      });
    },
    async authorizeConditional(requests: any[], options: any) {
      return requests.map(({ permission }) =>
        answer(permission, userOf(options)),
      );
    },
  } as PermissionsService;
}

/** catalogReadPermissions as the backend's permissions service. */
export function catalogReadPolicy(
  hidden: Record<string, string[]>,
  decide?: (permission: Permission, user: string) => PolicyDecision | undefined,
) {
  return createServiceFactory({
    service: coreServices.permissions,
    deps: {},
    factory: () => catalogReadPermissions(hidden, decide),
  });
}

/**
 * A test backend's catalog that hides `hidden[userRef]` from that user, and
 * the catalog's read permission answering to match (conditional for them):
 * the two features every attacker test of a hidden entity starts with.
 * `decide` may answer for other permissions; `deny` denies every permission.
 */
export function catalogHidingEntities(
  entities: Entity[],
  hidden: Record<string, string[]>,
  options: {
    decide?: (
      permission: Permission,
      user: string,
    ) => PolicyDecision | undefined;
    deny?: boolean;
  } = {},
): BackendFeature[] {
  return [
    catalogFactory(catalogWithHiddenEntities(entities, hidden)),
    options.deny
      ? mockServices.permissions.factory({ result: AuthorizeResult.DENY })
      : catalogReadPolicy(hidden, options.decide),
  ];
}
