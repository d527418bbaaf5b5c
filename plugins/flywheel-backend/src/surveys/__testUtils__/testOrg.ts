import { Entity } from '@backstage/catalog-model';
import { OrgSource } from '../access/audience';

/**
 * A small org for survey tests: `eng` with sub-teams `team-a` (6 people),
 * `team-b` (6) and `team-c` (2), plus `ops` (4) beside it and `ada`, who is
 * in no team. `team-a` owns a service created from the `service` template.
 */
export const TEAM_SIZES = { 'team-a': 6, 'team-b': 6, 'team-c': 2, ops: 4 };

const group = (name: string, children: string[] = [], parent?: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children },
  relations: [
    ...children.map(c => ({
      type: 'parentOf',
      targetRef: `group:default/${c}`,
    })),
    ...(parent
      ? [{ type: 'childOf', targetRef: `group:default/${parent}` }]
      : []),
  ],
});

const user = (name: string, groups: string[]) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: { memberOf: groups },
  relations: groups.map(g => ({
    type: 'memberOf',
    targetRef: `group:default/${g}`,
  })),
});

/** `a1`…`a6`, `b1`…`b6`, `c1`, `c2`, `o1`…`o4`. */
export function memberNames(team: keyof typeof TEAM_SIZES): string[] {
  const prefix = team === 'ops' ? 'o' : team.slice(-1);
  return Array.from(
    { length: TEAM_SIZES[team] },
    (_, i) => `${prefix}${i + 1}`,
  );
}

export const testOrgEntities: Entity[] = [
  group('eng', ['team-a', 'team-b', 'team-c']),
  group('team-a', [], 'eng'),
  group('team-b', [], 'eng'),
  group('team-c', [], 'eng'),
  group('ops'),
  ...(Object.keys(TEAM_SIZES) as (keyof typeof TEAM_SIZES)[]).flatMap(team =>
    memberNames(team).map(name => user(name, [team])),
  ),
  user('ada', []),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'checkout',
      namespace: 'default',
      annotations: {
        'backstage.io/source-template': 'template:default/service',
      },
    },
    spec: { type: 'service', owner: 'team-a' },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/team-a' }],
  },
];

/** The test org as the survey domain reads it. */
export const testOrgSource: OrgSource = {
  async *streamEntities(filter) {
    yield testOrgEntities.filter(e => e.kind === filter.kind);
  },
};

/**
 * Any org for survey tests: groups with their children as the catalog's
 * parentOf relations state them (several parents and cycles allowed), and
 * how many members each has, named `<group>-1`, `<group>-2`, ….
 */
export function orgSource(spec: {
  groups: Record<string, string[]>;
  members: Record<string, number>;
}): { source: OrgSource; membersOf: (group: string) => string[] } {
  const membersOf = (g: string) =>
    Array.from({ length: spec.members[g] ?? 0 }, (_, i) => `${g}-${i + 1}`);
  const entities: Entity[] = [
    ...Object.entries(spec.groups).map(([name, children]) =>
      group(name, children),
    ),
    ...Object.keys(spec.members).flatMap(g =>
      membersOf(g).map(name => user(name, [g])),
    ),
  ];
  return {
    source: {
      async *streamEntities(filter) {
        yield entities.filter(e => e.kind === filter.kind);
      },
    },
    membersOf,
  };
}
