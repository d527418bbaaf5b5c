import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  EntityVisibility,
  VisibleEntities,
} from '../../catalog/EntityVisibility';
import { normalizeRef } from '../../catalog/entityRefs';
import { ownedInScope } from '../../catalog/ownedInScope';
import { getOrCreate } from '../../lang/getOrCreate';
import type { ResolvedScope } from '../../interfaces/metricRegistry';
import { Service, ServiceCatalog, ServiceSnapshot } from './ServiceCatalog';

export type { Service } from './ServiceCatalog';

const EMPTY: readonly Service[] = [];

/** Scopes kept per snapshot and visibility, the least recently used dropped first. */
const MAX_SCOPES = 1000;

/**
 * The services of a scope, as the caller may see them in the catalog: one
 * entity, a team's (owned by it or any sub-team the caller may see), a
 * golden path's (created from that template), or all. Each with its origin
 * (golden path or hand-made, creation time) from the golden-path domain.
 *
 * The services come from a shared snapshot (ServiceCatalog) narrowed to
 * what the catalog's read policy lets the caller see (EntityVisibility).
 * A scope's list is the same array for every request on the same snapshot
 * and visibility, so what is derived from it (samples.ts) is derived once.
 */
export class ServiceDirectory {
  private readonly scoped = new WeakMap<
    ServiceSnapshot,
    WeakMap<VisibleEntities, Map<string, readonly Service[]>>
  >();

  constructor(
    private readonly deps: {
      catalog: ServiceCatalog;
      visibility: EntityVisibility;
    },
  ) {}

  async services(
    scope: ResolvedScope,
    credentials: BackstageCredentials,
  ): Promise<readonly Service[]> {
    const [snapshot, visible] = await Promise.all([
      this.deps.catalog.snapshot(),
      this.deps.visibility.visibleTo(credentials),
    ]);
    const byScope = getOrCreate(
      getOrCreate(this.scoped, snapshot, () => new WeakMap()),
      visible,
      () => new Map(),
    );
    const key = `${scope.kind}:${scope.ref ? normalizeRef(scope.ref) : ''}`;
    let services = byScope.get(key);
    if (services) {
      // Least recently used goes first: the organisation stays.
      byScope.delete(key);
    } else {
      services = inScope(snapshot, visible, scope);
      if (byScope.size >= MAX_SCOPES) {
        byScope.delete(byScope.keys().next().value!);
      }
    }
    byScope.set(key, services);
    return services;
  }
}

function inScope(
  snapshot: ServiceSnapshot,
  visible: VisibleEntities,
  scope: ResolvedScope,
): readonly Service[] {
  const seen = (list: readonly Service[]) =>
    visible.all ? list : list.filter(s => visible.has(s.entityRef));
  switch (scope.kind) {
    case 'entity': {
      const service = snapshot.byRef.get(normalizeRef(scope.ref!));
      if (!service || !visible.has(service.entityRef)) {
        throw new NotFoundError(`No component ${scope.ref} in the catalog`);
      }
      return [service];
    }
    case 'group': {
      // Sub-teams the caller may not see do not lend their services.
      const owned = ownedInScope(
        snapshot.services,
        scope.ref!,
        snapshot.graph,
        visible,
      );
      if (!owned) {
        throw new NotFoundError(`No group ${scope.ref} in the catalog`);
      }
      return seen(owned);
    }
    case 'goldenPath':
      return seen(snapshot.byTemplate.get(normalizeRef(scope.ref!)) ?? EMPTY);
    default:
      return seen(snapshot.services);
  }
}
