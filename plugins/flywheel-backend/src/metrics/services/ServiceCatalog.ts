import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogReader } from '../../catalog/CatalogReader';
import { normalizeRef } from '../../catalog/entityRefs';
import { OrgGraph } from '../../catalog/OrgGraph';
import { SharedSnapshot } from '../../lang/SharedSnapshot';
import type {
  GoldenPathInsightsSource,
  ServiceOrigin,
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
  /** Its content as one string: equal strings, equal snapshots. */
  readonly fingerprint: string;
}

/** How long a snapshot is served before it is read again. */
export const DEFAULT_SNAPSHOT_TTL_MS = 60_000;

/**
 * The catalog's services and groups, read with the plugin's own credentials
 * and kept for a minute: a metric request would otherwise read all of them
 * (0.9 s for 20,000 components, docs/performance.md) to answer for one
 * service. Callers narrow it to what they may see (ServiceDirectory). Read
 * again after an entity change the catalog module announced (SharedSnapshot).
 */
export class ServiceCatalog {
  private readonly snapshots: SharedSnapshot<ServiceSnapshot>;

  constructor(
    private readonly deps: {
      catalog: CatalogReader;
      insights: GoldenPathInsightsSource;
      auth: AuthService;
      ttlMs?: number;
      now?: () => number;
    },
  ) {
    this.snapshots = new SharedSnapshot({
      load: () => this.load(),
      ttlMs: deps.ttlMs ?? DEFAULT_SNAPSHOT_TTL_MS,
      now: deps.now,
    });
  }

  /** An entity of the catalog changed (a Component, Group or Template). */
  changed(): void {
    this.snapshots.changed();
  }

  snapshot(): Promise<ServiceSnapshot> {
    return this.snapshots.get();
  }

  private async load(): Promise<ServiceSnapshot> {
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const [components, insights, graph] = await Promise.all([
      this.deps.catalog.listComponents(credentials),
      this.deps.insights.entityInsights(credentials),
      this.deps.catalog.groupTree(credentials),
    ]);
    const services = components.map(
      (c): Service => ({
        entityRef: c.entityRef,
        ...(c.ownerRef ? { ownerRef: c.ownerRef } : {}),
        ...insights.origin(c.entity, c.entityRef),
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
    const fingerprint = JSON.stringify([
      services.map(s => [
        s.entityRef,
        s.ownerRef,
        s.templateRef,
        s.isGoldenPath,
        s.createdAt?.getTime(),
        s.createdBy,
      ]),
      graph.groups().map(g => [g, graph.children(g)]),
    ]);
    return { services, byRef, byTemplate, graph, fingerprint };
  }
}
