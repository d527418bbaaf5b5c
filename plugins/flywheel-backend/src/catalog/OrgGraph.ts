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
}
