import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_OWNED_BY,
  RELATION_PARENT_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { irregularityReporter, OrgGraph } from './OrgGraph';

const COMPONENT_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.annotations',
  'spec.type',
  'spec.owner',
  'relations',
];

/** A Component with the owner resolved to a full entity ref. */
export interface CatalogComponent {
  entity: Entity;
  entityRef: string;
  ownerRef?: string;
}

/**
 * The catalog reads every domain shares: components with their owners, the
 * group tree, templates. Reads stream in pages so a large catalog is never
 * held as one response.
 */
export class CatalogReader {
  private readonly reportIrregularities: (graph: OrgGraph) => void;

  constructor(
    private readonly catalog: CatalogService,
    logger?: { warn(message: string): void },
  ) {
    this.reportIrregularities = irregularityReporter(message =>
      logger?.warn(message),
    );
  }

  async listComponents(
    credentials: BackstageCredentials,
  ): Promise<CatalogComponent[]> {
    const components: CatalogComponent[] = [];
    for await (const page of this.catalog.streamEntities(
      { filter: { kind: 'Component' }, fields: COMPONENT_FIELDS },
      { credentials },
    )) {
      for (const entity of page) {
        components.push({
          entity,
          entityRef: stringifyEntityRef(entity),
          ownerRef: entity.relations?.find(r => r.type === RELATION_OWNED_BY)
            ?.targetRef,
        });
      }
    }
    return components;
  }

  async listEntities(
    filter: Record<string, string>,
    credentials: BackstageCredentials,
  ): Promise<Entity[]> {
    const entities: Entity[] = [];
    for await (const page of this.catalog.streamEntities(
      { filter },
      { credentials },
    )) {
      entities.push(...page);
    }
    return entities;
  }

  /** Every entity matching the filter, a page at a time. */
  streamEntities(
    filter: Record<string, string | string[]> | undefined,
    credentials: BackstageCredentials,
    pageSize = 1000,
    fields?: string[],
  ): AsyncIterable<Entity[]> {
    return this.catalog.streamEntities(
      {
        ...(filter ? { filter } : {}),
        pageSize,
        ...(fields ? { fields } : {}),
      },
      { credentials },
    );
  }

  /** The entities behind the refs that exist; unknown refs are left out. */
  async getEntities(
    entityRefs: string[],
    credentials: BackstageCredentials,
  ): Promise<Entity[]> {
    if (entityRefs.length === 0) {
      return [];
    }
    const { items } = await this.catalog.getEntitiesByRefs(
      { entityRefs },
      { credentials },
    );
    return items.filter((e): e is Entity => Boolean(e));
  }

  async getEntity(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<Entity | undefined> {
    return this.catalog.getEntityByRef(entityRef, { credentials });
  }

  /** The group hierarchy, normalised into a forest (see OrgGraph). */
  async groupTree(credentials: BackstageCredentials): Promise<OrgGraph> {
    const children = new Map<string, string[]>();
    for await (const page of this.catalog.streamEntities(
      {
        filter: { kind: 'Group' },
        fields: ['kind', 'metadata.name', 'metadata.namespace', 'relations'],
      },
      { credentials },
    )) {
      for (const group of page) {
        children.set(
          stringifyEntityRef(group),
          (group.relations ?? [])
            .filter(r => r.type === RELATION_PARENT_OF)
            .map(r => r.targetRef),
        );
      }
    }
    const graph = new OrgGraph(children);
    this.reportIrregularities(graph);
    return graph;
  }
}
