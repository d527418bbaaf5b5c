import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  GOLDEN_PATH_LABEL,
  isGoldenPathTemplate,
  readProvenance,
} from '@flywheel/plugin-flywheel-common';
import { CatalogComponent, CatalogReader } from '../catalog/CatalogReader';
import { OrgGraph } from '../catalog/OrgGraph';
import type {
  GoldenPathInsightsSource,
  ServiceOrigin,
} from '../interfaces/goldenPathInsights';
import { getOrCreate } from '../lang/getOrCreate';
import { SharedSnapshot } from '../lang/SharedSnapshot';

/** A Component with where it came from. */
export interface GoldenPathComponent extends CatalogComponent {
  origin: ServiceOrigin;
}

/** What golden-path reads need of the catalog, read as a whole. */
export interface GoldenPathSnapshot {
  readonly components: readonly GoldenPathComponent[];
  /** The golden-path templates. */
  readonly templates: readonly Entity[];
  /** Components by the golden path (template ref) they were created from. */
  readonly byPath: ReadonlyMap<string, readonly GoldenPathComponent[]>;
  readonly graph: OrgGraph;
  readonly fingerprint: string;
}

/**
 * The kinds whose visibility golden-path reads ask per caller (groups are
 * always read): the Components counted, the Templates that are golden
 * paths, and Users, since a run's owner may be a person. A run naming
 * anything the caller may not see is left out.
 */
export const GOLDEN_PATH_VISIBLE_KINDS = ['component', 'template', 'user'];

/** How long a snapshot is served before it is read again. */
const SNAPSHOT_TTL_MS = 60_000;

/**
 * The catalog's Components, golden-path templates and groups, read with the
 * plugin's own credentials and kept for a minute (SharedSnapshot): each
 * golden-path page would otherwise read the whole catalog (2.8 s for
 * 20,000 components under no load, docs/performance.md). Every read narrows
 * it to what the caller may see (EntityVisibility) before counting.
 */
export class GoldenPathCatalog {
  private readonly snapshots: SharedSnapshot<GoldenPathSnapshot>;

  constructor(
    private readonly deps: {
      catalog: CatalogReader;
      auth: AuthService;
      insights: GoldenPathInsightsSource;
      ttlMs?: number;
      now?: () => number;
    },
  ) {
    this.snapshots = new SharedSnapshot({
      load: () => this.load(),
      ttlMs: deps.ttlMs ?? SNAPSHOT_TTL_MS,
      now: deps.now,
    });
  }

  /** A Component, Group or Template changed, or a run was recorded. */
  changed(): void {
    this.snapshots.changed();
  }

  snapshot(): Promise<GoldenPathSnapshot> {
    return this.snapshots.get();
  }

  private async load(): Promise<GoldenPathSnapshot> {
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const [listed, goldenPaths, graph, insights] = await Promise.all([
      this.deps.catalog.listComponents(credentials),
      listGoldenPathTemplates(this.deps.catalog, credentials),
      this.deps.catalog.groupTree(credentials),
      this.deps.insights.entityInsights(credentials),
    ]);
    const components = listed.map(
      (c): GoldenPathComponent => ({
        ...c,
        origin: insights.origin(c.entity, c.entityRef),
      }),
    );
    const byPath = groupByPath(components, goldenPaths);
    const fingerprint = JSON.stringify([
      components.map(c => [
        c.entityRef,
        c.ownerRef,
        c.entity.metadata.title,
        c.entity.metadata.annotations,
        c.entity.spec?.type,
        c.origin.isGoldenPath,
        c.origin.createdAt?.getTime(),
        c.origin.createdBy,
      ]),
      goldenPaths.map(t => [t.metadata, t.spec]),
      graph.groups().map(g => [g, graph.children(g)]),
    ]);
    return {
      components,
      templates: goldenPaths,
      byPath,
      graph,
      fingerprint,
    };
  }
}

/** The catalog's golden-path templates, as the credentials may see them. */
export async function listGoldenPathTemplates(
  catalog: CatalogReader,
  credentials: BackstageCredentials,
): Promise<Entity[]> {
  const templates = await catalog.listEntities(
    { kind: 'Template', [`metadata.labels.${GOLDEN_PATH_LABEL}`]: 'true' },
    credentials,
  );
  return templates.filter(isGoldenPathTemplate);
}

/** The components created from each of the templates, by template ref. */
export function groupByPath<T extends CatalogComponent>(
  components: readonly T[],
  templates: readonly Entity[],
): Map<string, T[]> {
  const paths = new Set(templates.map(t => stringifyEntityRef(t)));
  const byPath = new Map<string, T[]>();
  for (const component of components) {
    const templateRef = readProvenance(component.entity)?.templateRef;
    if (templateRef && paths.has(templateRef)) {
      getOrCreate(byPath, templateRef, () => []).push(component);
    }
  }
  return byPath;
}
