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
 * The metrics benchmark's catalog: the harness's 300 groups (1
 * organisation, 5 divisions, 30 departments, 264 teams), three golden-path
 * templates and one other, and N Components owned by teams (95%) and
 * departments (5%). Each component's plan (origin, creation time, how often
 * it deploys) is derived from its name, so the catalog and the deployments
 * agree and every run gets the same ones relative to its start.
 */

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

export const TEMPLATES = [
  { name: 'node-service', goldenPath: true },
  { name: 'java-service', goldenPath: true },
  { name: 'react-website', goldenPath: true },
  { name: 'legacy-sandbox', goldenPath: false },
];

export const GOLDEN_PATHS = TEMPLATES.filter(t => t.goldenPath).map(
  t => `template:default/${t.name}`,
);

/** What a component is and how it deploys. */
export interface ServicePlan {
  index: number;
  name: string;
  entityRef: string;
  /** The owning group's name. */
  owner: string;
  type: 'service' | 'website' | 'library';
  templateRef?: string;
  isGoldenPath: boolean;
  /** Its `flywheel.dev/created-at`, when it has one. */
  createdAt?: Date;
  /** When it was really created (before the catalog knew, for old ones). */
  bornAt: Date;
  /** Whether it reports production deployments at all. */
  deploys: boolean;
  /** Its first successful production deployment. */
  firstDeployAt: Date;
  /** Mean deployments per week after the first. */
  perWeek: number;
  /** Share of production deployments that fail. */
  failureRate: number;
  /** Median hours from a commit to its deployment. */
  leadHours: number;
}

/** A log-normal draw with the given median (sigma 1). */
function logNormal(rnd: () => number, medianValue: number, sigma = 1) {
  const u = Math.max(rnd(), 1e-12);
  const v = rnd();
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return medianValue * Math.exp(sigma * z);
}

/**
 * One component's plan. Created uniformly over the last 4 years (so half of
 * them within a 2-year window); golden-path services deploy sooner after
 * creation, more often, fail less and ship commits faster than hand-made ones.
 */
export function planService(
  index: number,
  owners: { teams: string[]; departments: string[] },
  now: Date,
  perWeek: number,
): ServicePlan {
  const name = `svc-${pad(index)}`;
  const rnd = prng(hashOf(name));
  const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)];
  const owner = rnd() < 0.95 ? pick(owners.teams) : pick(owners.departments);
  const type = weighted(rnd(), [
    [0.7, 'service' as const],
    [0.85, 'website' as const],
    [1, 'library' as const],
  ]);
  const origin = rnd();
  let templateRef: string | undefined;
  let isGoldenPath = false;
  if (origin < 0.55) {
    templateRef = pick(GOLDEN_PATHS);
    isGoldenPath = true;
  } else if (origin < 0.65) {
    templateRef = 'template:default/legacy-sandbox';
  }
  const bornAt = new Date(now.getTime() - Math.floor(rnd() * 4 * 365) * DAY_MS);
  // Templated services carry their creation date; 70% of hand-made ones do.
  const annotated = templateRef !== undefined || rnd() < 0.7;
  const firstDeployDays = logNormal(rnd, isGoldenPath ? 3 : 12, 0.9);
  // Libraries do not deploy; 5% of the rest never reached production.
  const deploys = type !== 'library' && rnd() >= 0.05;
  return {
    index,
    name,
    entityRef: `component:default/${name}`,
    owner,
    type,
    templateRef,
    isGoldenPath,
    ...(annotated ? { createdAt: bornAt } : {}),
    bornAt,
    deploys,
    firstDeployAt: new Date(bornAt.getTime() + firstDeployDays * DAY_MS),
    // Exponential around the mean: a few services deploy very often.
    perWeek:
      -Math.log(Math.max(rnd(), 1e-9)) * perWeek * (isGoldenPath ? 1.3 : 0.8),
    failureRate: isGoldenPath ? 0.05 : 0.1,
    leadHours: isGoldenPath ? 20 : 60,
  };
}

export interface MetricsCatalog {
  groups: Entity[];
  templates: Entity[];
  components: Entity[];
  plans: ServicePlan[];
  /** Group refs by level (0 = organisation … 3 = teams). */
  levels: string[][];
  all(): Entity[];
}

function component(plan: ServicePlan): Entity {
  const annotations: Record<string, string> = {
    ...benchAnnotations(plan.name),
    'backstage.io/source-location': `url:https://github.com/acme/${plan.name}`,
  };
  if (plan.templateRef) {
    annotations['flywheel.dev/template-ref'] = plan.templateRef;
    annotations['backstage.io/source-template'] = plan.templateRef;
    annotations['flywheel.dev/template-version'] = '1.0.0';
  }
  if (plan.createdAt) {
    annotations['flywheel.dev/created-at'] = plan.createdAt.toISOString();
  }
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: plan.name, annotations },
    spec: {
      type: plan.type,
      lifecycle: 'production',
      owner: `group:${plan.owner}`,
    },
  };
}

/** The catalog with `services` components, as of `now`. */
export function generateMetricsCatalog(
  services: number,
  now: Date,
  perWeek: number,
): MetricsCatalog {
  const { groups, levels } = generateGroupTree();
  const owners = { teams: levels[3], departments: levels[2] };
  const templates = TEMPLATES.map(
    (t): Entity => ({
      apiVersion: 'scaffolder.backstage.io/v1beta3',
      kind: 'Template',
      metadata: {
        name: t.name,
        title: t.name,
        labels: t.goldenPath
          ? { 'flywheel.dev/golden-path': 'true' }
          : ({} as Record<string, string>),
        annotations: {
          ...benchAnnotations(t.name),
          'flywheel.dev/template-version': '1.0.0',
        },
      },
      spec: {
        type: 'service',
        owner: `group:${ROOT_GROUP}`,
        parameters: [],
        steps: [],
      },
    }),
  );
  const plans = Array.from({ length: services }, (_, i) =>
    planService(i, owners, now, perWeek),
  );
  const components = plans.map(component);
  return {
    groups,
    templates,
    components,
    plans,
    levels: levels.map(level => level.map(n => `group:default/${n}`)),
    all: () => [...groups, ...templates, ...components],
  };
}

export { WEEK_MS, DAY_MS };
