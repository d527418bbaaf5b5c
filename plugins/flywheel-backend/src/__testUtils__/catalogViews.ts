import {
  BackstageCredentials,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  catalogServiceRef,
  CatalogService,
} from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
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
