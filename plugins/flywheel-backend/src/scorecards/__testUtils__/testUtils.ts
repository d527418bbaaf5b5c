import {
  BackstageCredentials,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  catalogServiceRef,
  CatalogService,
} from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  notificationService,
  NotificationSendOptions,
} from '@backstage/plugin-notifications-node';

function userOf(credentials?: BackstageCredentials): string | undefined {
  const principal = credentials?.principal as
    | { type: string; userEntityRef?: string }
    | undefined;
  return principal?.type === 'user' ? principal.userEntityRef : undefined;
}

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
        const user = userOf(options?.credentials);
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
 * The user-info service of a sign-in resolver that claims the user's own
 * ref and the groups `memberships[userRef]` names (direct membership).
 */
export function userInfoFactory(memberships: Record<string, string[]>) {
  return createServiceFactory({
    service: coreServices.userInfo,
    deps: {},
    factory: () => ({
      async getUserInfo(credentials: BackstageCredentials) {
        const userEntityRef = userOf(credentials);
        if (!userEntityRef) {
          throw new Error('Not a user');
        }
        return {
          userEntityRef,
          ownershipEntityRefs: [
            userEntityRef,
            ...(memberships[userEntityRef] ?? []),
          ],
        };
      },
    }),
  });
}

/** A notification service that keeps what it was asked to send. */
export function recordingNotifications() {
  const sent: NotificationSendOptions[] = [];
  return {
    sent,
    factory: createServiceFactory({
      service: notificationService,
      deps: {},
      factory: () => ({
        async send(options: NotificationSendOptions) {
          sent.push(options);
        },
      }),
    }),
  };
}
