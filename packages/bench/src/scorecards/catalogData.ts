import { Entity } from '@backstage/catalog-model';
import {
  benchAnnotations,
  generateGroupTree,
  hashOf,
  pad,
  prng,
  ROOT_GROUP,
  weighted,
} from '../harness';

/**
 * The synthetic catalog: the harness's 4-level group hierarchy of 300 groups
 * (1 organisation, 5 divisions, 30 departments, 264 teams), systems,
 * domains, golden-path and other templates, and N Components owned mostly
 * by teams. Deterministic (seeded), so every run and both databases get the
 * same catalog and the same mix of passing and failing checks.
 */

/** Set on changed components (the incremental step) to see when the catalog has them. */
export const REVISION_ANNOTATION = 'flywheel.dev/bench-revision';
const SYSTEMS = 200;
const DOMAINS = 10;

/** Golden-path templates are on version 3.0.0; one other template is not a golden path. */
export const TEMPLATES = [
  { name: 'node-service', goldenPath: true, version: '3.0.0' },
  { name: 'java-service', goldenPath: true, version: '3.0.0' },
  { name: 'react-website', goldenPath: true, version: '3.0.0' },
  { name: 'python-library', goldenPath: true, version: undefined },
  { name: 'legacy-sandbox', goldenPath: false, version: '1.0.0' },
];

/** Every kind the scorecards benchmark's catalog holds, for `catalogKinds`. */
export const SYNTHETIC_CATALOG_KINDS = [
  'Component',
  'System',
  'Domain',
  'API',
  'Group',
  'User',
  'Resource',
  'Location',
  'Template',
];

export interface SyntheticCatalog {
  groups: Entity[];
  components: Entity[];
  others: Entity[];
  /** Group refs by level (0 = organisation … 3 = teams). */
  levels: string[][];
  all(): Entity[];
}

const LANGUAGES = ['typescript', 'java', 'go', 'python', 'kotlin', 'ruby'];
const TAGS = [
  'payments',
  'pci',
  'internal',
  'customer-facing',
  'batch',
  'grpc',
  'rest',
  'kafka',
  'critical',
  'experimental',
];

/** One component; `variant` > 0 gives a changed version of it (the incremental step). */
export function makeComponent(
  index: number,
  teams: string[],
  departments: string[],
  variant = 0,
): Entity {
  const name = `svc-${pad(index)}`;
  const rnd = prng(hashOf(name) ^ (variant * 0x9e3779b9));
  const r = () => rnd();
  const pick = <T>(list: T[]) => list[Math.floor(r() * list.length)];

  const type = weighted(r(), [
    [0.6, 'service'],
    [0.75, 'website'],
    [0.95, 'library'],
    [1, 'tool'],
  ]);
  const lifecycle = weighted(r(), [
    [0.55, 'production'],
    [0.8, 'experimental'],
    [0.9, 'deprecated'],
    [1, 'development'],
  ]);
  const production = lifecycle === 'production';
  // Teams own most components; departments own a few directly.
  const owner = r() < 0.95 ? pick(teams) : pick(departments);
  const ownerSpec =
    r() < 0.5 ? owner : `group:${owner}`; /* both spellings occur */

  const annotations = benchAnnotations(name);
  if (variant) {
    annotations[REVISION_ANNOTATION] = String(variant);
  }
  if (r() < 0.85) {
    annotations['github.com/project-slug'] =
      r() < 0.9 ? `acme/${name}` : `legacy-org/${name}`;
    annotations[
      'backstage.io/source-location'
    ] = `url:https://git.acme.example/acme/${name}`;
  }
  if (r() < 0.55) {
    annotations['backstage.io/techdocs-ref'] = 'dir:.';
  }
  if (r() < (production ? 0.7 : 0.2)) {
    annotations['pagerduty.com/service-id'] = `P${pad(index, 6)}`;
  }
  if (r() < 0.5) {
    annotations['sonarqube.org/project-key'] = `acme:${name}`;
  }
  if (r() < (type === 'library' ? 0.05 : 0.6)) {
    annotations['backstage.io/kubernetes-id'] = name;
  }
  if (r() < 0.3) {
    annotations['snyk.io/org-name'] = 'acme';
  }
  // Provenance: about 60% created from a template, most of them golden paths,
  // some on an older template version, a few without a version.
  if (r() < 0.6) {
    const template = pick(TEMPLATES);
    annotations[
      'flywheel.dev/template-ref'
    ] = `template:default/${template.name}`;
    const versionRoll = r();
    if (versionRoll < 0.6) {
      annotations['flywheel.dev/template-version'] = '3.0.0';
    } else if (versionRoll < 0.9) {
      annotations['flywheel.dev/template-version'] = pick([
        '2.4.1',
        '2.0.0',
        '1.8.0',
      ]);
    }
    const ageDays = Math.floor(r() * 1500);
    annotations['flywheel.dev/created-at'] = new Date(
      Date.UTC(2026, 10, 1) - ageDays * 86_400_000,
    ).toISOString();
  }

  const tags: string[] = [];
  for (const tag of TAGS) {
    if (r() < 0.12) {
      tags.push(tag);
    }
  }
  tags.push(pick(LANGUAGES));

  const dependsOn: string[] = [];
  const deps = Math.floor(r() * 5);
  for (let i = 0; i < deps; i++) {
    dependsOn.push(`component:svc-${pad(Math.floor(r() * 20000))}`);
  }
  const providesApis: string[] = [];
  if (type === 'service' && r() < 0.6) {
    providesApis.push(`${name}-api`);
  }

  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      ...(r() < 0.6 ? { title: `Service ${index}` } : {}),
      ...(r() < 0.7
        ? {
            description: `${
              type === 'library' ? 'Library' : 'Service'
            } ${index} of the synthetic benchmark catalog${
              variant ? ` (revision ${variant})` : ''
            }`,
          }
        : {}),
      annotations,
      tags,
      ...(r() < 0.45
        ? {
            links: [
              {
                url: `https://runbooks.acme.example/${name}`,
                title: 'Runbook',
                type: 'runbook',
              },
            ],
          }
        : {}),
    },
    spec: {
      type,
      lifecycle,
      owner: ownerSpec,
      ...(r() < 0.8
        ? { system: `system-${pad(Math.floor(r() * SYSTEMS), 3)}` }
        : {}),
      ...(dependsOn.length ? { dependsOn } : {}),
      ...(providesApis.length ? { providesApis } : {}),
    },
  };
}

/** Builds the catalog with `componentCount` components. */
export function generateCatalog(componentCount: number): SyntheticCatalog {
  const { groups, levels } = generateGroupTree();
  const departments = levels[2];
  const teams = levels[3];

  const others: Entity[] = [];
  for (let d = 0; d < DOMAINS; d++) {
    const name = `domain-${pad(d, 2)}`;
    others.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Domain',
      metadata: { name, annotations: benchAnnotations(name) },
      spec: { owner: `group:${levels[1][d % levels[1].length]}` },
    });
  }
  for (let s = 0; s < SYSTEMS; s++) {
    const name = `system-${pad(s, 3)}`;
    others.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name, annotations: benchAnnotations(name) },
      spec: {
        owner: `group:${departments[s % departments.length]}`,
        domain: `domain-${pad(s % DOMAINS, 2)}`,
      },
    });
  }
  for (const template of TEMPLATES) {
    others.push({
      apiVersion: 'scaffolder.backstage.io/v1beta3',
      kind: 'Template',
      metadata: {
        name: template.name,
        title: template.name,
        labels: template.goldenPath
          ? { 'flywheel.dev/golden-path': 'true' }
          : {},
        annotations: {
          ...benchAnnotations(template.name),
          ...(template.version
            ? { 'flywheel.dev/template-version': template.version }
            : {}),
        },
      },
      spec: {
        type: 'service',
        owner: `group:${ROOT_GROUP}`,
        parameters: [],
        steps: [],
      },
    });
  }

  const components: Entity[] = [];
  for (let i = 0; i < componentCount; i++) {
    components.push(makeComponent(i, teams, departments));
  }

  return {
    groups,
    components,
    others,
    levels,
    all: () => [...groups, ...others, ...components],
  };
}

/** The teams and departments of a catalog, for {@link makeComponent}. */
export function ownersOf(catalog: SyntheticCatalog) {
  return { teams: catalog.levels[3], departments: catalog.levels[2] };
}
