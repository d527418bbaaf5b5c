import { normalizeRef } from './entityRefs';
import type { VisibleEntities } from './EntityVisibility';
import { OrgGraph } from './OrgGraph';

/**
 * The items owned by a team or any of its sub-teams (refs compared
 * lowercased, as the catalog's relations and the group tree may spell them
 * differently). Undefined when the group is not in the tree, or `visible`
 * (what a caller may see, for a tree read with other credentials) hides it;
 * sub-teams it hides do not lend their items.
 */
export function ownedInScope<T extends { ownerRef?: string }>(
  items: readonly T[],
  groupRef: string,
  graph: OrgGraph,
  visible?: VisibleEntities,
): T[] | undefined {
  const group = normalizeRef(groupRef);
  if (!graph.has(group) || (visible && !visible.has(group))) {
    return undefined;
  }
  const teams = new Set(
    graph
      .descendantsOf(group)
      .filter(team => !visible || visible.has(team))
      .map(normalizeRef),
  );
  return items.filter(
    item =>
      item.ownerRef !== undefined && teams.has(normalizeRef(item.ownerRef)),
  );
}
