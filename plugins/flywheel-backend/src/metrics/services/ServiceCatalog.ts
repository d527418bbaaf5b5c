import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogReader } from '../../catalog/CatalogReader';
import { normalizeRef } from '../../catalog/entityRefs';
import { OrgGraph } from '../../catalog/OrgGraph';
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
/** After a catalog change, the soonest the catalog is read again. */
const CHANGE_REREAD_MS = 5_000;

/**
 * The catalog's services and groups, read with the plugin's own credentials
 * and kept for a minute: a metric request would otherwise read all of them
 * (0.9 s for 20,000 components, docs/performance.md) to answer for one
 * service. Callers narrow it to what they may see (ServiceDirectory). Once
 * stale, or older than an entity change the catalog module announced (at
 * most every 5 s), the snapshot is still served while the next one is read
 * in the background, up to ten times its age limit; a failed read is
 * retried by the next request.
 */
export class ServiceCatalog {
  private current?: { at: number; snapshot: ServiceSnapshot };
  private reading?: Promise<ServiceSnapshot>;
  private changedAt = -Infinity;
  private readonly ttlMs: number;

  constructor(
    private readonly deps: {
      catalog: CatalogReader;
      insights: GoldenPathInsightsSource;
      auth: AuthService;
      ttlMs?: number;
      now?: () => number;
    },
  ) {
    this.ttlMs = deps.ttlMs ?? DEFAULT_SNAPSHOT_TTL_MS;
  }

  /** An entity of the catalog changed (a Component, Group or Template). */
  changed(): void {
    this.changedAt = this.now();
  }

  async snapshot(): Promise<ServiceSnapshot> {
    const age = this.current ? this.now() - this.current.at : Infinity;
    const changedSince =
      this.current !== undefined && this.changedAt >= this.current.at;
    if (age < this.ttlMs && !(changedSince && age >= CHANGE_REREAD_MS)) {
      return this.current!.snapshot;
    }
    const next = this.read();
    if (age < 10 * this.ttlMs) {
      next.catch(() => {}); // served stale; the next request tries again
      return this.current!.snapshot;
    }
    return next;
  }

  private read(): Promise<ServiceSnapshot> {
    if (!this.reading) {
      const startedAt = this.now();
      this.reading = this.load()
        .then(loaded => {
          // Unchanged: the same object, so what was derived from it (lists
          // of scopes, computed series) stays.
          const snapshot =
            this.current?.snapshot.fingerprint === loaded.fingerprint
              ? this.current.snapshot
              : loaded;
          this.current = { at: startedAt, snapshot };
          return snapshot;
        })
        .finally(() => {
          this.reading = undefined;
        });
    }
    return this.reading;
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

  private now() {
    return this.deps.now?.() ?? Date.now();
  }
}
