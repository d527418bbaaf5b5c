import { normalizeRef } from '../../catalog/entityRefs';
import { OrgGraph } from '../../catalog/OrgGraph';
import { getOrCreate } from '../../lang/getOrCreate';
import type {
  ServiceOrigin,
  ServiceOriginSnapshot,
  ServiceOriginSource,
} from '../../interfaces/goldenPathInsights';

/** A service (catalog Component) as value-stream metrics see it. */
export interface Service extends ServiceOrigin {
  entityRef: string;
  ownerRef?: string;
}

/** Every service of the catalog with its origin, and the group tree. */
export interface ServiceSnapshot {
  readonly services: readonly Service[];
  /** By lowercased entity ref. */
  readonly byRef: ReadonlyMap<string, Service>;
  /** By lowercased template ref. */
  readonly byTemplate: ReadonlyMap<string, readonly Service[]>;
  readonly graph: OrgGraph;
}

/**
 * The catalog's services as value-stream metrics index them, from the
 * golden-path domain's snapshot of every Component with its origin (read
 * once a minute with the plugin's own credentials: a metric request would
 * otherwise read all of them, 0.9 s for 20,000 components,
 * docs/performance.md, to answer for one service). Indexed once per
 * snapshot, so an unchanged catalog gives the same object and what was
 * derived from it (lists of scopes, computed series) stays. Callers narrow
 * it to what they may see (ServiceDirectory).
 */
export class ServiceCatalog {
  private readonly indexed = new WeakMap<
    ServiceOriginSnapshot,
    ServiceSnapshot
  >();

  constructor(private readonly deps: { origins: ServiceOriginSource }) {}

  async snapshot(): Promise<ServiceSnapshot> {
    const source = await this.deps.origins.serviceOrigins();
    return getOrCreate(this.indexed, source, () => index(source));
  }
}

function index(source: ServiceOriginSnapshot): ServiceSnapshot {
  const services = source.components.map(
    (c): Service => ({
      entityRef: c.entityRef,
      ...(c.ownerRef ? { ownerRef: c.ownerRef } : {}),
      ...c.origin,
    }),
  );
  const byRef = new Map<string, Service>();
  const byTemplate = new Map<string, Service[]>();
  for (const service of services) {
    byRef.set(normalizeRef(service.entityRef), service);
    if (service.templateRef) {
      const template = normalizeRef(service.templateRef);
      const list = byTemplate.get(template);
      if (list) {
        list.push(service);
      } else {
        byTemplate.set(template, [service]);
      }
    }
  }
  return { services, byRef, byTemplate, graph: source.graph };
}
