import {
  decideSegmentVisibility,
  effectiveMinGroupSize,
  SegmentTree,
  SegmentVisibility,
} from './anonymity';

/** A team: its own members' responses, or those and its sub-teams. */
type Team = number | { own?: number; sub: Record<string, Team> };

function tree(roots: Record<string, Team>, unassigned = 0): SegmentTree {
  const children = new Map<string, string[]>();
  const ownCount = new Map<string, number>();
  const add = (ref: string, team: Team) => {
    if (typeof team === 'number') {
      ownCount.set(ref, team);
      return;
    }
    ownCount.set(ref, team.own ?? 0);
    children.set(ref, Object.keys(team.sub));
    Object.entries(team.sub).forEach(([r, t]) => add(r, t));
  };
  Object.entries(roots).forEach(([r, t]) => add(r, t));
  return { roots: Object.keys(roots), children, ownCount, unassigned };
}

const hiddenOf = (v: SegmentVisibility) => Object.fromEntries(v.hidden);

describe('effectiveMinGroupSize', () => {
  it('defaults to 5 and never goes below 3', () => {
    expect(effectiveMinGroupSize()).toBe(5);
    expect(effectiveMinGroupSize(Number.NaN)).toBe(5);
    expect(effectiveMinGroupSize(2)).toBe(3);
    expect(effectiveMinGroupSize(0)).toBe(3);
    expect(effectiveMinGroupSize(3)).toBe(3);
    expect(effectiveMinGroupSize(8)).toBe(8);
    expect(effectiveMinGroupSize(4.2)).toBe(5);
  });
});

describe('decideSegmentVisibility', () => {
  const min5 = { minGroupSize: 5 };

  it.each<{
    name: string;
    roots: Record<string, Team>;
    unassigned?: number;
    hidden: Record<string, string>;
    overallHidden?: string;
  }>([
    {
      name: 'shows every team at or above the minimum',
      roots: { a: 5, b: 9 },
      hidden: {},
    },
    {
      name: 'a small team among big siblings forces the smallest sibling hidden',
      // 24 − 10 − 12 would reveal c's 2 responses.
      roots: { a: 10, b: 12, c: 2 },
      hidden: { c: 'below-minimum', a: 'protects-another-group' },
    },
    {
      name: 'a small own-members cell forces a child hidden',
      // p's own 2 = 18 − 10 − 6.
      roots: { p: { own: 2, sub: { x: 10, y: 6 } } },
      hidden: { y: 'protects-another-group' },
    },
    {
      name: 'two small hidden teams whose sum reaches the minimum need nothing more',
      roots: { a: 3, b: 3, c: 10 },
      hidden: { a: 'below-minimum', b: 'below-minimum' },
    },
    {
      name: 'small hidden teams plus own members reaching the minimum need nothing more',
      roots: { p: { own: 2, sub: { a: 1, b: 2, c: 10 } } },
      hidden: { a: 'below-minimum', b: 'below-minimum' },
    },
    {
      name: "a complementary-hidden team's sub-teams are hidden too",
      roots: {
        r: {
          sub: {
            a: { sub: { a1: 6, a2: { own: 4, sub: { a21: 2 } } } },
            b: 3,
            c: 20,
          },
        },
      },
      hidden: {
        b: 'below-minimum',
        a: 'protects-another-group',
        a1: 'protects-another-group',
        a2: 'protects-another-group',
        a21: 'below-minimum',
      },
    },
    {
      name: 'a below-minimum team hides its sub-teams as below-minimum',
      roots: { a: { own: 1, sub: { a1: 2 } }, b: 10, c: 10 },
      // 23 − 10 − 10 would reveal a's 3: b covers it (tied with c, by ref).
      hidden: {
        a: 'below-minimum',
        a1: 'below-minimum',
        b: 'protects-another-group',
      },
    },
    {
      name: 'the guard applies at every visible level',
      roots: {
        p: { sub: { q: { own: 1, sub: { q1: 5, q2: 7 } }, r: 9 } },
        s: 30,
      },
      // At q: q's own 1 = 13 − 5 − 7 → hide q1. p (22) and s are fine.
      hidden: { q1: 'protects-another-group' },
    },
    {
      name: 'responses without a team form the own cell of the top level',
      roots: { a: 10, b: 7 },
      unassigned: 2,
      hidden: { b: 'protects-another-group' },
    },
    {
      name: 'unassigned responses at or above the minimum need nothing',
      roots: { a: 10, b: 7 },
      unassigned: 5,
      hidden: {},
    },
    {
      name: 'teams without responses are neither hidden nor used as cover',
      roots: { empty: 0, b: 10, c: { sub: { c1: 0 } } },
      unassigned: 2,
      hidden: { b: 'protects-another-group' },
    },
    {
      name: 'empty sub-teams of a hidden team stay unhidden',
      roots: { a: { own: 8, sub: { a1: 0 } }, b: 3, c: 9 },
      hidden: { b: 'below-minimum', a: 'protects-another-group' },
    },
    {
      name: 'ties are broken by ref',
      roots: { 'group:default/b': 6, 'group:default/a': 6, c: 1 },
      hidden: {
        c: 'below-minimum',
        'group:default/a': 'protects-another-group',
      },
    },
    {
      name: 'hides everything when the grand total is below the minimum',
      roots: { a: 2, b: { sub: { b1: 1 } } },
      unassigned: 1,
      hidden: { a: 'below-minimum', b: 'below-minimum', b1: 'below-minimum' },
      overallHidden: 'below-minimum',
    },
    {
      name: 'shows the grand total when all teams are hidden but it is large enough',
      roots: { a: 6 },
      unassigned: 4,
      hidden: { a: 'protects-another-group' },
    },
    {
      name: 'shows an empty survey as empty',
      roots: { a: 0 },
      hidden: {},
    },
  ])('$name', ({ roots, unassigned, hidden, overallHidden }) => {
    const visibility = decideSegmentVisibility(tree(roots, unassigned), min5);
    expect(hiddenOf(visibility)).toEqual(hidden);
    expect(visibility.overallHidden).toBe(overallHidden);
  });

  it('rolls sub-teams up into totals', () => {
    const { total } = decideSegmentVisibility(
      tree({ p: { own: 2, sub: { q: { own: 1, sub: { q1: 4 } }, r: 0 } } }),
      min5,
    );
    expect(Object.fromEntries(total)).toEqual({ p: 7, q: 5, q1: 4, r: 0 });
  });

  it('enforces a minimum of at least 3', () => {
    const visibility = decideSegmentVisibility(tree({ a: 2, b: 10 }, 1), {
      minGroupSize: 2,
    });
    // a = 2 < 3; then a + unassigned = 3 ≥ 3, so b stays.
    expect(hiddenOf(visibility)).toEqual({ a: 'below-minimum' });
  });

  it('survives a cycle and a second parent, counting each team once', () => {
    const visibility = decideSegmentVisibility(
      {
        roots: ['a'],
        children: new Map([
          ['a', ['b', 'c']],
          ['b', ['a', 'c']],
        ]),
        ownCount: new Map([
          ['a', 5],
          ['b', 5],
          ['c', 5],
        ]),
        unassigned: 0,
      },
      min5,
    );
    expect(Object.fromEntries(visibility.total)).toEqual({ a: 15, b: 5, c: 5 });
  });

  it('counts teams outside the hierarchy as unassigned', () => {
    // 'lost' is not under any root: its 2 responses are a cell next to a
    // and b like unassigned ones, so b must be hidden.
    const visibility = decideSegmentVisibility(
      {
        roots: ['a', 'b'],
        children: new Map(),
        ownCount: new Map([
          ['a', 10],
          ['b', 7],
          ['lost', 2],
        ]),
        unassigned: 0,
      },
      min5,
    );
    expect(hiddenOf(visibility)).toEqual({ b: 'protects-another-group' });
    expect(visibility.total.has('lost')).toBe(false);
  });

  describe('on 500 random trees', () => {
    // mulberry32: a small seeded generator, so failures reproduce.
    function random(seed: number) {
      let state = seed;
      return () => {
        state = (state + 0x6d2b79f5) | 0;
        let t = Math.imul(state ^ (state >>> 15), 1 | state);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
    }
    const next = random(20261125);
    function pick<T>(items: readonly T[]): T {
      return items[Math.floor(next() * items.length)];
    }
    const counts = [0, 0, 0, 1, 1, 2, 2, 3, 4, 5, 6, 7, 9, 12, 20];

    const cases = Array.from({ length: 500 }, (_, i) => {
      const refs = Array.from(
        { length: 1 + Math.floor(next() * 25) },
        (__, t) => `group:default/t${t}`,
      );
      const parent = new Map<string, string>();
      refs.forEach((ref, t) => {
        // Mostly deep trees, some flat ones with many roots.
        if (t > 0 && next() < 0.75) {
          parent.set(ref, refs[Math.floor(next() * t)]);
        }
      });
      const children = new Map<string, string[]>();
      for (const [child, p] of parent) {
        children.set(p, [...(children.get(p) ?? []), child]);
      }
      const generated: SegmentTree = {
        roots: refs.filter(r => !parent.has(r)),
        children,
        ownCount: new Map(refs.map(r => [r, pick(counts)])),
        unassigned: pick(counts),
      };
      return { i, tree: generated, min: pick([3, 5, 8]) };
    });

    // Totals recomputed independently of the implementation.
    function subtreeTotal(t: SegmentTree, ref: string): number {
      return (t.children.get(ref) ?? []).reduce(
        (sum, child) => sum + subtreeTotal(t, child),
        t.ownCount.get(ref) ?? 0,
      );
    }

    it.each(cases)('tree $i', ({ tree: t, min }) => {
      const v = decideSegmentVisibility(t, { minGroupSize: min });
      const total = (ref: string) => subtreeTotal(t, ref);
      const grand = t.roots.reduce((s, r) => s + total(r), t.unassigned);
      const teams = [...t.ownCount.keys()];
      const violations: string[] = [];
      const check = (ok: boolean, what: string) => {
        if (!ok) violations.push(what);
      };

      for (const ref of teams) {
        check(v.total.get(ref) === total(ref), `${ref}: total`);
        // Nothing to protect in an empty team; every small one is hidden.
        check(total(ref) > 0 || !v.hidden.has(ref), `${ref}: empty but hidden`);
        check(
          total(ref) === 0 ||
            total(ref) >= min ||
            v.hidden.get(ref) === 'below-minimum',
          `${ref}: small but not hidden below-minimum`,
        );
        // A hidden team hides every sub-team with responses.
        for (const child of t.children.get(ref) ?? []) {
          check(
            !v.hidden.has(ref) || total(child) === 0 || v.hidden.has(child),
            `${child}: shown under hidden ${ref}`,
          );
        }
      }
      expect(v.overallHidden).toBe(
        grand > 0 && grand < min ? 'below-minimum' : undefined,
      );

      // At every shown parent, what hides under it is 0 or at least min,
      // and at most one child was hidden to get there, only when needed:
      // the smallest that could cover, ties by ref.
      const parents: [string, number, readonly string[]][] = teams
        .filter(ref => !v.hidden.has(ref))
        .map(ref => [ref, total(ref), t.children.get(ref) ?? []]);
      if (!v.overallHidden) {
        parents.push(['(everyone)', grand, t.roots]);
      }
      for (const [ref, parentTotal, children] of parents) {
        const shown = children.filter(c => !v.hidden.has(c));
        const derivable = shown.reduce((s, c) => s - total(c), parentTotal);
        check(derivable === 0 || derivable >= min, `${ref}: derivable`);

        const cover = children.filter(
          c => v.hidden.get(c) === 'protects-another-group',
        );
        check(cover.length <= 1, `${ref}: hid more than one to protect`);
        for (const c of cover) {
          const without = derivable - total(c);
          check(without > 0 && without < min, `${ref}: ${c} hidden needlessly`);
          for (const other of shown) {
            check(
              total(other) === 0 ||
                total(other) > total(c) ||
                (total(other) === total(c) && other > c),
              `${ref}: ${c} hidden instead of ${other}`,
            );
          }
        }
      }
      expect(violations).toEqual([]);

      // Order of roots and children does not matter.
      const reversed = decideSegmentVisibility(
        {
          ...t,
          roots: [...t.roots].reverse(),
          children: new Map(
            [...t.children].map(([p, c]) => [p, [...c].reverse()]),
          ),
        },
        { minGroupSize: min },
      );
      expect(reversed.hidden).toEqual(v.hidden);
    });
  });
});
