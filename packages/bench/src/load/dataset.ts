import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { generateOrg, MAX_TEAMS } from '../harness';
import { generateCatalog, SyntheticCatalog } from '../scorecards/catalogData';

/**
 * The load's catalog: the scorecards benchmark's (300 groups, 264 teams,
 * 200 systems, 10 domains, 5 templates and N components) with the people
 * who use the portal — 1 per 1,000 components in every team, at least 4
 * (5,280 people at 20,000 components) — and six components tagged as the
 * platform's capabilities, as the demo's platform.yaml tags its own, for
 * the maturity board.
 */

export interface Person {
  userRef: string;
  teamRef: string;
}

export interface LoadDataset {
  catalog: SyntheticCatalog;
  users: Entity[];
  people: Person[];
  /** Every component's ref, in the catalog's order. */
  componentRefs: string[];
  /** A component's owning group ref (team or department). */
  ownerOf: Map<string, string>;
  /** People by team ref. */
  teamPeople: Map<string, Person[]>;
  /** Team and department refs. */
  teams: string[];
  departments: string[];
  capabilities: string[];
  all(): Entity[];
}

const CAPABILITIES = 6;

export const usersPerTeam = (components: number) =>
  Math.max(4, Math.round(components / 1000));

const groupRef = (owner: string) =>
  `group:default/${owner.replace(/^group:/, '')}`;

export function loadDataset(components: number): LoadDataset {
  const catalog = generateCatalog(components);
  const org = generateOrg(MAX_TEAMS, usersPerTeam(components));
  const teams = catalog.levels[3].map(name => `group:default/${name}`);
  const departments = catalog.levels[2].map(name => `group:default/${name}`);
  const capabilities: string[] = [];
  catalog.components.slice(0, CAPABILITIES).forEach((entity, i) => {
    entity.metadata.tags = [...(entity.metadata.tags ?? []), 'capability'];
    entity.metadata.annotations = {
      ...entity.metadata.annotations,
      'flywheel.dev/golden-paths':
        'template:default/node-service, template:default/react-website',
      'flywheel.dev/teams': `${teams[i * 2]}, ${teams[i * 2 + 1]}`,
    };
    capabilities.push(stringifyEntityRef(entity));
  });
  const componentRefs = catalog.components.map(c => stringifyEntityRef(c));
  const ownerOf = new Map(
    catalog.components.map((c, i) => [
      componentRefs[i],
      groupRef(String(c.spec?.owner)),
    ]),
  );
  const teamPeople = new Map<string, Person[]>();
  for (const person of org.people) {
    const list = teamPeople.get(person.teamRef) ?? [];
    list.push(person);
    teamPeople.set(person.teamRef, list);
  }
  return {
    catalog,
    users: org.users,
    people: org.people,
    componentRefs,
    ownerOf,
    teamPeople,
    teams,
    departments,
    capabilities,
    all: () => [...catalog.all(), ...org.users],
  };
}
