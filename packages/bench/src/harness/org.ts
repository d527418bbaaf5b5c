import { Entity } from '@backstage/catalog-model';

/**
 * The synthetic organisation every benchmark's catalog starts from: a
 * 4-level group tree (1 organisation, 5 divisions, 30 departments, 264
 * teams) and, when a benchmark needs people, User entities that are each a
 * member of one team. Deterministic, so every run and both databases get
 * the same catalog.
 */

/** The location key of every synthetic entity. */
export const BENCH_LOCATION = 'flywheel-bench:synthetic';

export const ROOT_GROUP = 'acme';

const DIVISIONS = 5;
const DEPARTMENTS_PER_DIVISION = 6;
/** 1 + 5 + 30 + 264 = 300 groups. */
export const MAX_TEAMS = 264;

export const pad = (n: number, width = 5) => String(n).padStart(width, '0');

/** The annotations of a synthetic entity, as a real provider would set them. */
export function benchAnnotations(name: string): Record<string, string> {
  return {
    'backstage.io/managed-by-location': BENCH_LOCATION,
    'backstage.io/managed-by-origin-location': BENCH_LOCATION,
    'flywheel.dev/bench-name': name,
  };
}

function group(
  name: string,
  type: string,
  parent: string | undefined,
  title: string,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, title, annotations: benchAnnotations(name) },
    spec: {
      type,
      ...(parent ? { parent } : {}),
      children: [],
      profile: { displayName: title },
    },
  };
}

export interface GroupTree {
  groups: Entity[];
  /** Group names by level (0 = organisation … 3 = teams). */
  levels: string[][];
}

/** All 300 groups. */
export function generateGroupTree(): GroupTree {
  const levels: string[][] = [[], [], [], []];
  const groups: Entity[] = [
    group(ROOT_GROUP, 'organization', undefined, 'ACME Corp'),
  ];
  levels[0].push(ROOT_GROUP);
  for (let d = 0; d < DIVISIONS; d++) {
    const division = `division-${d + 1}`;
    groups.push(group(division, 'division', ROOT_GROUP, `Division ${d + 1}`));
    levels[1].push(division);
    for (let p = 0; p < DEPARTMENTS_PER_DIVISION; p++) {
      const department = `department-${d + 1}-${p + 1}`;
      groups.push(
        group(
          department,
          'department',
          division,
          `Department ${d + 1}.${p + 1}`,
        ),
      );
      levels[2].push(department);
    }
  }
  const departments = levels[2];
  for (let t = 0; t < MAX_TEAMS; t++) {
    const team = `team-${pad(t + 1, 3)}`;
    // Departments get 8 or 9 teams each.
    const department = departments[t % departments.length];
    groups.push(group(team, 'team', department, `Team ${t + 1}`));
    levels[3].push(team);
  }
  return { groups, levels };
}

export interface SyntheticOrg {
  groups: Entity[];
  users: Entity[];
  /** Group refs by level (0 = organisation … 3 = teams), lowercased. */
  levels: string[][];
  /** `user:default/dev-00001` … with their team's ref. */
  people: { userRef: string; teamRef: string }[];
  all(): Entity[];
}

/** The group tree cut to `teams` teams, with `usersPerTeam` users each. */
export function generateOrg(teams: number, usersPerTeam: number): SyntheticOrg {
  if (teams < 1 || teams > MAX_TEAMS) {
    throw new Error(`--teams must be 1 to ${MAX_TEAMS}`);
  }
  const tree = generateGroupTree();
  const keptTeams = new Set(tree.levels[3].slice(0, teams));
  const groups = tree.groups.filter(
    g =>
      (g.spec as { type?: string }).type !== 'team' ||
      keptTeams.has(g.metadata.name),
  );
  const levels = tree.levels.map(level =>
    level
      .filter(name => !tree.levels[3].includes(name) || keptTeams.has(name))
      .map(name => `group:default/${name}`),
  );
  const users: Entity[] = [];
  const people: SyntheticOrg['people'] = [];
  const teamNames = [...keptTeams];
  for (let i = 0; i < teams * usersPerTeam; i++) {
    const name = `dev-${pad(i + 1)}`;
    // Round robin: every team gets its share, neighbours differ.
    const team = teamNames[i % teamNames.length];
    users.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: {
        name,
        annotations: {
          'backstage.io/managed-by-location': BENCH_LOCATION,
          'backstage.io/managed-by-origin-location': BENCH_LOCATION,
        },
      },
      spec: {
        profile: {
          displayName: `Developer ${i + 1}`,
          email: `${name}@acme.example`,
        },
        memberOf: [team],
      },
    });
    people.push({
      userRef: `user:default/${name}`,
      teamRef: `group:default/${team}`,
    });
  }
  return {
    groups,
    users,
    levels,
    people,
    all: () => [...groups, ...users],
  };
}
