/** What normalising the catalog's group relations into a forest changed. */
export interface OrgGraphIrregularities {
  /** Groups with several parents, and the one they were placed under. */
  multipleParents: { groupRef: string; parents: string[]; chosen?: string }[];
  /** Parent edges dropped because they would close a cycle. */
  cycles: { groupRef: string; droppedParent: string }[];
}

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');
const byRef = (a: string, b: string) => (a < b ? -1 : Number(a > b));

/**
 * The group hierarchy as one forest: every domain rolls teams up through
 * this, so a team counts once, under one parent, everywhere.
 *
 * Catalogs contain groups with several parents and parent cycles. The rule
 * that turns them into a forest, applied once here:
 * - groups are placed in order of their ref;
 * - a group with several parents sits under the parent whose ref sorts
 *   first, unless that would close a cycle, then under the next;
 * - a group whose every parent would close a cycle becomes a top-level group.
 *
 * Refs are matched without regard to case and returned as the catalog spells
 * the group; children that are not known groups are left out.
 */
export class OrgGraph {
  private readonly childrenOf = new Map<string, string[]>();
  private readonly parentOf = new Map<string, string>();
  readonly irregularities: OrgGraphIrregularities = {
    multipleParents: [],
    cycles: [],
  };

  /** @param parentOf - every group's ref mapped to its direct children, as the catalog's parentOf relations say */
  constructor(parentOf: ReadonlyMap<string, readonly string[]>) {
    const known = new Map<string, string>();
    for (const ref of parentOf.keys()) {
      known.set(lower(ref), ref);
    }
    const candidates = new Map<string, Set<string>>();
    for (const [parent, kids] of parentOf) {
      this.childrenOf.set(parent, []);
      for (const kid of kids) {
        const child = known.get(lower(kid));
        if (child) {
          const set = candidates.get(child) ?? new Set();
          set.add(parent);
          candidates.set(child, set);
        }
      }
    }
    const closesCycle = (child: string, parent: string) => {
      for (let g: string | undefined = parent; g; g = this.parentOf.get(g)) {
        if (g === child) return true;
      }
      return false;
    };
    for (const child of [...candidates.keys()].sort(byRef)) {
      const parents = [...candidates.get(child)!].sort(byRef);
      const chosen = parents.find(p => !closesCycle(child, p));
      for (const p of parents) {
        if (p !== chosen && closesCycle(child, p)) {
          this.irregularities.cycles.push({
            groupRef: child,
            droppedParent: p,
          });
        }
      }
      if (parents.length > 1) {
        this.irregularities.multipleParents.push({
          groupRef: child,
          parents,
          chosen,
        });
      }
      if (chosen) {
        this.parentOf.set(child, chosen);
        this.childrenOf.get(chosen)!.push(child);
      }
    }
    for (const kids of this.childrenOf.values()) {
      kids.sort(byRef);
    }
  }

  /** One line per irregularity, for a warning log; empty for a clean forest. */
  describeIrregularities(): string[] {
    const { multipleParents, cycles } = this.irregularities;
    return [
      ...multipleParents.map(
        m =>
          `group ${m.groupRef} has several parents (${m.parents.join(', ')}); ${
            m.chosen
              ? `counted under ${m.chosen}`
              : 'counted as a top-level group'
          }`,
      ),
      ...cycles.map(
        c =>
          `group ${c.groupRef} is its own ancestor through ${c.droppedParent}; that parent link is ignored`,
      ),
    ];
  }

  has(groupRef: string): boolean {
    return this.childrenOf.has(groupRef);
  }

  /** Every known group. */
  groups(): string[] {
    return [...this.childrenOf.keys()];
  }

  /** Groups without a parent, sorted by ref. */
  roots(): string[] {
    return this.groups()
      .filter(g => !this.parentOf.has(g))
      .sort(byRef);
  }

  /** Every group mapped to its direct children. */
  childrenMap(): ReadonlyMap<string, readonly string[]> {
    return this.childrenOf;
  }

  /** Direct children, sorted by ref. */
  children(groupRef: string): readonly string[] {
    return this.childrenOf.get(groupRef) ?? [];
  }

  parent(groupRef: string): string | undefined {
    return this.parentOf.get(groupRef);
  }

  /** The group and every group below it, breadth first. */
  descendantsOf(groupRef: string): string[] {
    if (!this.has(groupRef)) {
      return [groupRef];
    }
    const result = [groupRef];
    for (let i = 0; i < result.length; i++) {
      result.push(...this.children(result[i]));
    }
    return result;
  }

  /** The group and its ancestors, nearest first. */
  ancestry(groupRef: string): string[] {
    const chain: string[] = [];
    for (let g: string | undefined = groupRef; g; g = this.parentOf.get(g)) {
      chain.push(g);
    }
    return chain;
  }

  /** Every (ancestor, descendant, depth) pair, self pairs at depth 0 included. */
  ancestryEdges(): {
    ancestorRef: string;
    descendantRef: string;
    depth: number;
  }[] {
    return this.groups().flatMap(descendantRef =>
      this.ancestry(descendantRef).map((ancestorRef, depth) => ({
        ancestorRef,
        descendantRef,
        depth,
      })),
    );
  }
}

/**
 * A reporter that warns about a graph's irregularities once, and again only
 * when they change: graphs are read every few minutes.
 */
export function irregularityReporter(
  warn: (message: string) => void,
): (graph: OrgGraph) => void {
  let last = '';
  return graph => {
    const lines = graph.describeIrregularities();
    const text = lines.join('\n');
    if (text && text !== last) {
      const shown = lines.slice(0, 20).join('; ');
      const more = lines.length > 20 ? `; and ${lines.length - 20} more` : '';
      warn(
        `The catalog's group hierarchy is not a tree; Flywheel counts every group under one parent: ${shown}${more}`,
      );
    }
    last = text;
  };
}
