/** The group hierarchy, for rolling a team up with all its sub-teams. */
export class OrgGraph {
  constructor(private readonly children: Map<string, string[]>) {}

  has(groupRef: string): boolean {
    return this.children.has(groupRef);
  }

  /** The group and every group below it; cycles in bad data are ignored. */
  descendantsOf(groupRef: string): string[] {
    const seen = new Set<string>();
    const queue = [groupRef];
    while (queue.length > 0) {
      const ref = queue.shift()!;
      if (seen.has(ref)) {
        continue;
      }
      seen.add(ref);
      queue.push(...(this.children.get(ref) ?? []));
    }
    return [...seen];
  }

  /** Every (ancestor, descendant, depth) pair, self pairs at depth 0 included. */
  ancestryEdges(): {
    ancestorRef: string;
    descendantRef: string;
    depth: number;
  }[] {
    const edges: {
      ancestorRef: string;
      descendantRef: string;
      depth: number;
    }[] = [];
    for (const ancestorRef of this.children.keys()) {
      const seen = new Set<string>([ancestorRef]);
      let level = [ancestorRef];
      for (let depth = 0; level.length > 0; depth++) {
        const next: string[] = [];
        for (const ref of level) {
          edges.push({ ancestorRef, descendantRef: ref, depth });
          for (const child of this.children.get(ref) ?? []) {
            if (!seen.has(child)) {
              seen.add(child);
              next.push(child);
            }
          }
        }
        level = next;
      }
    }
    return edges;
  }
}
