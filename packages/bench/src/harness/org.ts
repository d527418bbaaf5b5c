import { Entity } from '@backstage/catalog-model';
import { generateCatalog, LOCATION } from '../scorecards/catalogData';

/**
 * The synthetic organisation of the surveys benchmark: the scorecards
 * benchmark's 4-level group tree (organisation, 5 divisions, 30 departments,
 * teams) cut to `teams` teams, and `usersPerTeam` User entities per team,
 * each a member of one team. Respondents of the seeded waves are synthetic
 * refs that are not in the catalog (see seed.ts); the catalog users answer
 * during the benchmark itself.
 */
export interface SyntheticOrg {
  groups: Entity[];
  users: Entity[];
  /** Group refs by level (0 = organisation … 3 = teams), lowercased. */
  levels: string[][];
  /** `user:default/dev-00001` … with their team's ref. */
  people: { userRef: string; teamRef: string }[];
  all(): Entity[];
}

/** The most teams the scorecards' catalog generator has. */
export const MAX_TEAMS = 264;

const pad = (n: number, width = 5) => String(n).padStart(width, '0');

export function generateOrg(teams: number, usersPerTeam: number): SyntheticOrg {
  if (teams < 1 || teams > MAX_TEAMS) {
    throw new Error(`--teams must be 1 to ${MAX_TEAMS}`);
  }
  const catalog = generateCatalog(0);
  const keptTeams = new Set(catalog.levels[3].slice(0, teams));
  const groups = catalog.groups.filter(
    g =>
      (g.spec as { type?: string }).type !== 'team' ||
      keptTeams.has(g.metadata.name),
  );
  const levels = catalog.levels.map(level =>
    level
      .filter(name => !catalog.levels[3].includes(name) || keptTeams.has(name))
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
          'backstage.io/managed-by-location': LOCATION,
          'backstage.io/managed-by-origin-location': LOCATION,
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
