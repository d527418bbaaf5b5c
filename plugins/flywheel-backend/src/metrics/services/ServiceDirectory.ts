import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { CatalogReader } from '../../catalog/CatalogReader';
import { normalizeRef } from '../../catalog/entityRefs';
import { ownedInScope } from '../../catalog/ownedInScope';
import type {
  GoldenPathInsightsSource,
  ServiceOrigin,
} from '../../interfaces/goldenPathInsights';
import type { ResolvedScope } from '../../interfaces/metricRegistry';

/** A service (catalog Component) as value-stream metrics see it. */
export interface Service extends ServiceOrigin {
  entityRef: string;
  ownerRef?: string;
}

/**
 * The services of a scope, as the caller may see them in the catalog: one
 * entity, a team's (owned by it or any sub-team), a golden path's (created
 * from that template), or all. Each with its origin (golden path or
 * hand-made, creation time) from the golden-path domain's insights.
 */
export class ServiceDirectory {
  constructor(
    private readonly deps: {
      catalog: CatalogReader;
      insights: GoldenPathInsightsSource;
    },
  ) {}

  async services(
    scope: ResolvedScope,
    credentials: BackstageCredentials,
  ): Promise<Service[]> {
    const [components, insights, graph] = await Promise.all([
      this.deps.catalog.listComponents(credentials),
      this.deps.insights.entityInsights(credentials),
      scope.kind === 'group'
        ? this.deps.catalog.groupTree(credentials)
        : undefined,
    ]);
    let inScope = components;
    if (scope.kind === 'entity') {
      const ref = normalizeRef(scope.ref!);
      inScope = components.filter(c => normalizeRef(c.entityRef) === ref);
      if (inScope.length === 0) {
        throw new NotFoundError(`No component ${scope.ref} in the catalog`);
      }
    } else if (scope.kind === 'group') {
      const owned = ownedInScope(components, scope.ref!, graph!);
      if (!owned) {
        throw new NotFoundError(`No group ${scope.ref} in the catalog`);
      }
      inScope = owned;
    }
    const services = inScope.map(c => ({
      entityRef: c.entityRef,
      ...(c.ownerRef ? { ownerRef: c.ownerRef } : {}),
      ...insights.origin(c.entity, c.entityRef),
    }));
    if (scope.kind === 'goldenPath') {
      const template = normalizeRef(scope.ref!);
      return services.filter(
        s => s.templateRef && normalizeRef(s.templateRef) === template,
      );
    }
    return services;
  }
}
