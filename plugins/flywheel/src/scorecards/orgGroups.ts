import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';

/** A Group of the catalog: its display name and parent, if any. */
export interface OrgGroup {
  ref: string;
  title: string;
  parentRef?: string;
}

function toOrgGroup(group: Entity): OrgGroup {
  const profile = group.spec?.profile as { displayName?: string } | undefined;
  const parent = group.relations?.find(r => r.type === 'childOf')?.targetRef;
  return {
    ref: stringifyEntityRef(group),
    title: group.metadata.title ?? profile?.displayName ?? group.metadata.name,
    parentRef: parent,
  };
}

/** Every Group in the catalog by ref, for names and the org hierarchy. */
export function useOrgGroups() {
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: 'Group' },
      fields: [
        'kind',
        'metadata.namespace',
        'metadata.name',
        'metadata.title',
        'spec.profile.displayName',
        'relations',
      ],
    });
    return new Map(items.map(g => [stringifyEntityRef(g), toOrgGroup(g)]));
  }, [catalogApi]);
}

/**
 * Which teams of a leaderboard are the roots of the org (groups without a
 * parent) and which are its top-level teams (the groups right under a root;
 * the roots themselves when nothing is under them). Without the org chart,
 * the team with the most entities stands in for the root.
 */
export function orgLevels<T extends { groupRef: string; entityCount: number }>(
  entries: T[],
  groups: Map<string, OrgGroup> | undefined,
): { roots: T[]; topLevel: T[] } {
  if (!groups) {
    const largest = [...entries].sort(
      (a, b) => b.entityCount - a.entityCount,
    )[0];
    return {
      roots: largest ? [largest] : [],
      topLevel: entries.filter(e => e !== largest),
    };
  }
  const isRoot = (ref: string) => {
    const parent = groups.get(ref)?.parentRef;
    return !parent || !groups.has(parent);
  };
  const roots = entries.filter(e => isRoot(e.groupRef));
  const rootRefs = new Set(roots.map(r => r.groupRef));
  const underRoots = entries.filter(e => {
    const parent = groups.get(e.groupRef)?.parentRef;
    return parent !== undefined && rootRefs.has(parent);
  });
  return { roots, topLevel: underRoots.length > 0 ? underRoots : roots };
}
