import type { SurveyHiddenReason } from '@flywheel/plugin-flywheel-common';

/** The minimum group size when none is configured. */
const DEFAULT_MIN_GROUP_SIZE = 5;
/** Below this, "anonymous" would mean little: two people can work each other out. */
const FLOOR_MIN_GROUP_SIZE = 3;

/**
 * Response counts over the team hierarchy. Teams not reachable from `roots`
 * get no row; their responses count as unassigned.
 */
export interface SegmentTree {
  /** Top-level teams (no parent in scope). */
  roots: string[];
  children: ReadonlyMap<string, readonly string[]>;
  /** Responses of each team's own members (not its sub-teams). */
  ownCount: ReadonlyMap<string, number>;
  /** Responses with no team. */
  unassigned: number;
}

/** Which team numbers may be shown; see {@link decideSegmentVisibility}. */
export interface SegmentVisibility {
  /** Responses of a team with all its sub-teams. */
  total: Map<string, number>;
  /** Teams whose numbers must not be shown, and why. */
  hidden: Map<string, SurveyHiddenReason>;
  /** Whether the grand total (everyone) may be shown. */
  overallHidden?: SurveyHiddenReason;
}

/**
 * The minimum group size to enforce: the configured one, but never below 3;
 * 5 when none (or nonsense) is configured.
 */
export function effectiveMinGroupSize(configured?: number): number {
  if (configured === undefined || !Number.isFinite(configured)) {
    return DEFAULT_MIN_GROUP_SIZE;
  }
  return Math.max(FLOOR_MIN_GROUP_SIZE, Math.ceil(configured));
}

/**
 * Decides which teams' numbers may be shown. This is the survey anonymity
 * guarantee; with `min` the effective minimum group size (never below 3):
 *
 * 1. A team's total includes all its sub-teams. A team with 0 < total < min
 *    is hidden as `below-minimum`. A team without responses is not hidden:
 *    there is nobody to protect, and an empty cell adds nothing to a sum.
 * 2. Differencing guard, top-down at every visible parent, and at the
 *    everyone level whose children are the roots: the parent's own members
 *    (for everyone: the responses without a team) form a cell that is never
 *    shown as a row. Everything hidden under a parent, its own cell and its
 *    hidden children together, is the parent's total minus its shown
 *    children, so that sum must be 0 or at least min. When it is not, the
 *    smallest shown child with responses (ties by ref) is hidden as
 *    `protects-another-group`. One is always enough, since every shown child
 *    with responses has at least min.
 * 3. A hidden team hides its whole subtree: its descendants with responses
 *    get its reason, or `below-minimum` when they are below it themselves.
 *    Hiding only the team would let its sub-teams add up to it.
 * 4. The overall total is hidden as `below-minimum` when 0 < total < min.
 *
 * Every shown number thus either is the total of at least min responses, and
 * any group derivable by subtracting shown numbers has 0 or at least min.
 * The decision is made over the whole tree and never depends on which team a
 * caller asks about: a view scoped to a team must use this result as is, so
 * that it cannot reveal what the wider view hid.
 */
export function decideSegmentVisibility(
  tree: SegmentTree,
  options: { minGroupSize: number },
): SegmentVisibility {
  const min = effectiveMinGroupSize(options.minGroupSize);
  const total = new Map<string, number>();
  const hidden = new Map<string, SurveyHiddenReason>();

  // Each team counts once, under the first parent it is reached from, so a
  // cycle or a second parent in the catalog cannot count responses twice.
  const subTeams = new Map<string, string[]>();
  const claim = (teams: readonly string[]) => {
    const claimed: string[] = [];
    for (const team of teams) {
      if (!total.has(team)) {
        total.set(team, 0);
        claimed.push(team);
      }
    }
    return claimed;
  };
  const sum = (team: string): number => {
    const reached = claim(tree.children.get(team) ?? []);
    subTeams.set(team, reached);
    let value = tree.ownCount.get(team) ?? 0;
    for (const child of reached) {
      value += sum(child);
    }
    total.set(team, value);
    return value;
  };
  const roots = claim(tree.roots);
  let grandTotal = tree.unassigned;
  for (const root of roots) {
    grandTotal += sum(root);
  }
  // Teams outside the hierarchy still answered: left out, they would make
  // the top-level difference look smaller than it is.
  for (const [team, n] of tree.ownCount) {
    if (!total.has(team)) {
      grandTotal += n;
    }
  }
  const count = (team: string) => total.get(team) ?? 0;
  const belowMinimum = (n: number) => n > 0 && n < min;

  const hideSubtree = (team: string, reason: SurveyHiddenReason) => {
    for (const child of subTeams.get(team) ?? []) {
      if (count(child) > 0) {
        hidden.set(
          child,
          belowMinimum(count(child)) ? 'below-minimum' : reason,
        );
        hideSubtree(child, reason);
      }
    }
  };

  const guard = (parentTotal: number, children: readonly string[]) => {
    for (const child of children) {
      if (belowMinimum(count(child))) {
        hidden.set(child, 'below-minimum');
      }
    }
    const shown = children.filter(c => count(c) > 0 && !hidden.has(c));
    const derivable = shown.reduce((acc, c) => acc - count(c), parentTotal);
    if (belowMinimum(derivable) && shown.length > 0) {
      const smallest = [...shown].sort(
        (a, b) => count(a) - count(b) || (a < b ? -1 : 1),
      )[0];
      hidden.set(smallest, 'protects-another-group');
    }
    for (const child of children) {
      const reason = hidden.get(child);
      if (reason) {
        hideSubtree(child, reason);
      } else {
        guard(count(child), subTeams.get(child) ?? []);
      }
    }
  };
  guard(grandTotal, roots);

  return {
    total,
    hidden,
    overallHidden: belowMinimum(grandTotal) ? 'below-minimum' : undefined,
  };
}
