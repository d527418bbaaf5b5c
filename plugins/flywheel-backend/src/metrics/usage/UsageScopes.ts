import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  RELATION_MEMBER_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogReader } from '../../catalog/CatalogReader';
import { normalizeRef } from '../../catalog/entityRefs';
import type { ResolvedScope } from '../../interfaces/metricRegistry';
import { ServiceDirectory } from '../services/ServiceDirectory';

/** What a scope means for usage, refs lowercased. */
export interface UsageScope {
  /** Only events on these entities (an entity, a golden path's services). */
  entityRefs?: string[];
  /** Only these people (a team with its sub-teams). */
  members?: Set<string>;
  /** The catalog's people in scope as the reader sees them, when asked for. */
  people?: Set<string>;
}

const USER_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'relations',
];

/**
 * Resolves a metric scope to the people or entities usage is counted over,
 * as the reader may see them in the catalog: a team's members and those of
 * its sub-teams (the one normalised group tree), an entity, the services
 * created from a template (ServiceDirectory), or everyone.
 */
export class UsageScopes {
  constructor(
    private readonly deps: {
      catalog: CatalogReader;
      services: ServiceDirectory;
    },
  ) {}

  async resolve(
    scope: ResolvedScope,
    credentials: BackstageCredentials,
    options: { people: boolean },
  ): Promise<UsageScope> {
    switch (scope.kind) {
      case 'group': {
        const members = await this.members(scope.ref!, credentials);
        return { members, people: members };
      }
      case 'entity': {
        const entity = await this.deps.catalog.getEntity(
          scope.ref!,
          credentials,
        );
        if (!entity) {
          throw new NotFoundError(`No entity ${scope.ref} in the catalog`);
        }
        return { entityRefs: [normalizeRef(stringifyEntityRef(entity))] };
      }
      case 'goldenPath': {
        const services = await this.deps.services.services(scope, credentials);
        return { entityRefs: services.map(s => normalizeRef(s.entityRef)) };
      }
      default:
        return options.people
          ? { people: await this.catalogUsers(credentials) }
          : {};
    }
  }

  /** The people of a team and of every team below it. */
  private async members(
    groupRef: string,
    credentials: BackstageCredentials,
  ): Promise<Set<string>> {
    const graph = await this.deps.catalog.groupTree(credentials);
    const wanted = normalizeRef(groupRef);
    const group = graph.groups().find(g => normalizeRef(g) === wanted);
    if (!group) {
      throw new NotFoundError(`No group ${groupRef} in the catalog`);
    }
    const teams = new Set(graph.descendantsOf(group).map(normalizeRef));
    const members = new Set<string>();
    for await (const page of this.deps.catalog.streamEntities(
      { kind: 'User' },
      credentials,
      1000,
      USER_FIELDS,
    )) {
      for (const user of page) {
        if (
          (user.relations ?? []).some(
            r =>
              r.type === RELATION_MEMBER_OF &&
              teams.has(normalizeRef(r.targetRef)),
          )
        ) {
          members.add(normalizeRef(stringifyEntityRef(user)));
        }
      }
    }
    return members;
  }

  private async catalogUsers(
    credentials: BackstageCredentials,
  ): Promise<Set<string>> {
    const users = new Set<string>();
    for await (const page of this.deps.catalog.streamEntities(
      { kind: 'User' },
      credentials,
      1000,
      USER_FIELDS.slice(0, 3),
    )) {
      for (const user of page) {
        users.add(normalizeRef(stringifyEntityRef(user)));
      }
    }
    return users;
  }
}
