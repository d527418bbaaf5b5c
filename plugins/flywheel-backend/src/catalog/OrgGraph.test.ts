import { OrgGraph } from './OrgGraph';

describe('OrgGraph', () => {
  const tree = new OrgGraph(
    new Map([
      ['group:default/eng', ['group:default/web', 'group:default/data']],
      ['group:default/web', ['group:default/web-checkout']],
      ['group:default/web-checkout', []],
      ['group:default/data', []],
    ]),
  );

  it('returns a group with all its sub-teams, breadth first', () => {
    expect(tree.descendantsOf('group:default/eng')).toEqual([
      'group:default/eng',
      'group:default/data',
      'group:default/web',
      'group:default/web-checkout',
    ]);
    expect(tree.roots()).toEqual(['group:default/eng']);
    expect(tree.ancestry('group:default/web-checkout')).toEqual([
      'group:default/web-checkout',
      'group:default/web',
      'group:default/eng',
    ]);
    expect(tree.irregularities).toEqual({ multipleParents: [], cycles: [] });
  });

  it('knows which groups exist', () => {
    expect(tree.has('group:default/web')).toBe(true);
    expect(tree.has('group:default/nope')).toBe(false);
  });

  it('lists ancestry edges with depths for set-based rollups', () => {
    const edges = tree.ancestryEdges();
    expect(edges).toContainEqual({
      ancestorRef: 'group:default/eng',
      descendantRef: 'group:default/web-checkout',
      depth: 2,
    });
    expect(edges).toContainEqual({
      ancestorRef: 'group:default/web',
      descendantRef: 'group:default/web',
      depth: 0,
    });
    expect(
      edges.filter(e => e.ancestorRef === 'group:default/web-checkout'),
    ).toHaveLength(1);
  });

  it('places a group with several parents under the first by ref, once', () => {
    const graph = new OrgGraph(
      new Map([
        ['group:default/y', ['group:default/t']],
        ['group:default/x', ['group:default/t']],
        ['group:default/t', []],
      ]),
    );
    expect(graph.parent('group:default/t')).toBe('group:default/x');
    expect(graph.descendantsOf('group:default/y')).toEqual(['group:default/y']);
    expect(graph.descendantsOf('group:default/x')).toEqual([
      'group:default/x',
      'group:default/t',
    ]);
    expect(
      graph.ancestryEdges().filter(e => e.descendantRef === 'group:default/t'),
    ).toHaveLength(2);
    expect(graph.describeIrregularities()).toEqual([
      'group group:default/t has several parents (group:default/x, group:default/y); counted under group:default/x',
    ]);
  });

  it('breaks a cycle into a tree and reports the dropped link', () => {
    const graph = new OrgGraph(
      new Map([
        ['group:default/x', ['group:default/y']],
        ['group:default/y', ['group:default/x']],
        ['group:default/self', ['group:default/self']],
      ]),
    );
    expect(graph.parent('group:default/x')).toBe('group:default/y');
    expect(graph.parent('group:default/y')).toBeUndefined();
    expect(graph.roots()).toEqual(['group:default/self', 'group:default/y']);
    expect(graph.descendantsOf('group:default/x')).toEqual(['group:default/x']);
    expect(graph.irregularities.cycles).toEqual([
      { groupRef: 'group:default/self', droppedParent: 'group:default/self' },
      { groupRef: 'group:default/y', droppedParent: 'group:default/x' },
    ]);
  });

  it('matches refs without regard to case and drops unknown children', () => {
    const graph = new OrgGraph(
      new Map([
        ['group:default/Eng', ['group:default/web', 'group:default/ghost']],
        ['group:default/Web', []],
      ]),
    );
    expect(graph.children('group:default/Eng')).toEqual(['group:default/Web']);
    expect(graph.has('group:default/ghost')).toBe(false);
  });

  it('is the same forest whatever order the catalog lists groups in', () => {
    const entries: [string, string[]][] = [
      ['group:default/a', ['group:default/b', 'group:default/c']],
      ['group:default/b', ['group:default/c', 'group:default/a']],
      ['group:default/c', ['group:default/a']],
    ];
    const one = new OrgGraph(new Map(entries));
    const other = new OrgGraph(new Map([...entries].reverse()));
    for (const g of ['group:default/a', 'group:default/b', 'group:default/c']) {
      expect(other.parent(g)).toBe(one.parent(g));
    }
    expect(one.roots()).toHaveLength(1);
  });
});
