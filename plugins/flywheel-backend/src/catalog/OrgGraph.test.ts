import { OrgGraph } from './OrgGraph';

describe('OrgGraph', () => {
  const graph = new OrgGraph(
    new Map([
      ['group:default/eng', ['group:default/web', 'group:default/data']],
      ['group:default/web', ['group:default/web-checkout']],
      ['group:default/web-checkout', []],
      ['group:default/data', ['group:default/eng']],
    ]),
  );

  it('returns a group with all its sub-teams, breadth first', () => {
    expect(graph.descendantsOf('group:default/eng')).toEqual([
      'group:default/eng',
      'group:default/web',
      'group:default/data',
      'group:default/web-checkout',
    ]);
  });

  it('survives cycles in the catalog data', () => {
    expect(graph.descendantsOf('group:default/data').sort()).toEqual([
      'group:default/data',
      'group:default/eng',
      'group:default/web',
      'group:default/web-checkout',
    ]);
  });

  it('knows which groups exist', () => {
    expect(graph.has('group:default/web')).toBe(true);
    expect(graph.has('group:default/nope')).toBe(false);
  });

  it('lists ancestry edges with depths for set-based rollups', () => {
    const edges = graph.ancestryEdges();
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
});
