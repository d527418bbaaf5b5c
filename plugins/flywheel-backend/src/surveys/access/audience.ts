import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_MEMBER_OF,
  RELATION_OWNED_BY,
  RELATION_PARENT_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  readProvenance,
  SurveyAudience,
} from '@flywheel/plugin-flywheel-common';
import { OrgGraph } from '../../catalog/OrgGraph';

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/** Reads the people, teams and golden-path services surveys target. */
export interface OrgSource {
  streamEntities(
    filter: Record<string, string>,
    credentials: BackstageCredentials,
    pageSize: number,
    fields: string[],
  ): AsyncIterable<Entity[]>;
}

/**
 * A snapshot of the catalog's people and teams: who belongs to which team,
 * the team hierarchy (normalised into a forest once, see OrgGraph: every
 * view, visibility decision and breakdown uses the same one), and who owns
 * services created from which template. Refs are lowercased.
 */
export class OrgDirectory {
  /** Each user's direct teams. */
  readonly userGroups: Map<string, string[]>;
  readonly graph: OrgGraph;
  /** Owner teams of components, by the template they came from. */
  private readonly ownersByTemplate: Map<string, Set<string>>;

  constructor(input: {
    userGroups: Map<string, string[]>;
    /** Each team's children as the catalog's parentOf relations say. */
    children: Map<string, string[]>;
    ownersByTemplate: Map<string, Set<string>>;
  }) {
    this.userGroups = input.userGroups;
    this.ownersByTemplate = input.ownersByTemplate;
    this.graph = new OrgGraph(input.children);
  }

  /** Whether a team is in the hierarchy. */
  hasTeam(groupRef: string): boolean {
    return this.graph.has(groupRef);
  }

  /** Reads the directory from the catalog. */
  static async read(
    source: OrgSource,
    credentials: BackstageCredentials,
  ): Promise<OrgDirectory> {
    const userGroups = new Map<string, string[]>();
    const children = new Map<string, string[]>();
    const ownersByTemplate = new Map<string, Set<string>>();
    const fields = ['kind', 'metadata.name', 'metadata.namespace', 'relations'];
    for await (const page of source.streamEntities(
      { kind: 'User' },
      credentials,
      1000,
      fields,
    )) {
      for (const user of page) {
        userGroups.set(
          lower(stringifyEntityRef(user)),
          (user.relations ?? [])
            .filter(r => r.type === RELATION_MEMBER_OF)
            .map(r => lower(r.targetRef))
            .sort(),
        );
      }
    }
    for await (const page of source.streamEntities(
      { kind: 'Group' },
      credentials,
      1000,
      fields,
    )) {
      for (const group of page) {
        children.set(
          lower(stringifyEntityRef(group)),
          (group.relations ?? [])
            .filter(r => r.type === RELATION_PARENT_OF)
            .map(r => lower(r.targetRef)),
        );
      }
    }
    for await (const page of source.streamEntities(
      { kind: 'Component' },
      credentials,
      1000,
      [...fields, 'metadata.annotations'],
    )) {
      for (const component of page) {
        const templateRef = readProvenance(component)?.templateRef;
        const owner = component.relations?.find(
          r => r.type === RELATION_OWNED_BY,
        )?.targetRef;
        if (templateRef && owner) {
          const owners = ownersByTemplate.get(templateRef) ?? new Set();
          owners.add(lower(owner));
          ownersByTemplate.set(templateRef, owners);
        }
      }
    }
    return new OrgDirectory({ userGroups, children, ownersByTemplate });
  }

  /**
   * The team a person's answers count for: their first direct team (by ref)
   * that is in the tree. One team per person keeps a breakdown a partition,
   * which the anonymity rules rely on.
   */
  primaryGroup(userRef: string): string | undefined {
    return this.userGroups
      .get(lower(userRef))
      ?.find(group => this.graph.has(group));
  }

  /** Teams a person belongs to directly. */
  groupsOf(userRef: string): string[] {
    return this.userGroups.get(lower(userRef)) ?? [];
  }

  /** A team and all teams below it. */
  subtree(groupRef: string): Set<string> {
    return new Set(this.graph.descendantsOf(lower(groupRef)));
  }

  private readonly membersCache = new Map<string, Set<string>>();

  /**
   * The people a survey asks. The directory never changes, so each audience
   * is worked out once per snapshot (prompts ask on every page view).
   */
  members(audience: SurveyAudience): Set<string> {
    const key = JSON.stringify(audience);
    let members = this.membersCache.get(key);
    if (!members) {
      members = this.findMembers(audience);
      this.membersCache.set(key, members);
    }
    return members;
  }

  private findMembers(audience: SurveyAudience): Set<string> {
    if (audience.type === 'everyone') {
      return new Set(this.userGroups.keys());
    }
    const teams = new Set<string>();
    const roots =
      audience.type === 'groups'
        ? audience.groupRefs
        : audience.templateRefs.flatMap(t => [
            ...(this.ownersByTemplate.get(lower(t)) ?? []),
          ]);
    for (const root of roots) {
      for (const team of this.subtree(root)) {
        teams.add(team);
      }
    }
    const members = new Set<string>();
    for (const [user, groups] of this.userGroups) {
      if (groups.some(g => teams.has(g))) {
        members.add(user);
      }
    }
    return members;
  }

  /** A team and its ancestors, nearest first. */
  ancestry(groupRef: string): string[] {
    return this.graph.ancestry(lower(groupRef));
  }
}
