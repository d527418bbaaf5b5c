import { normalizeRef } from './entityRefs';
import { OrgGraph } from './OrgGraph';

/**
 * The items owned by a team or any of its sub-teams (refs compared
 * lowercased, as the catalog's relations and the group tree may spell them
 * differently). Undefined when the group is not in the tree.
 */
export function ownedInScope<T extends { ownerRef?: string }>(
  items: readonly T[],
  groupRef: string,
  graph: OrgGraph,
): T[] | undefined {
  const group = normalizeRef(groupRef);
  if (!graph.has(group)) {
    return undefined;
  }
  const teams = new Set(graph.descendantsOf(group).map(normalizeRef));
  return items.filter(
    item =>
      item.ownerRef !== undefined && teams.has(normalizeRef(item.ownerRef)),
  );
}
