import { JsonObject, JsonValue } from '@backstage/types';
import { QUALITY_PROVIDER_ID } from './facts';

/**
 * The benchmark's 5 scorecards × 10 checks, each check written twice: as a
 * Flywheel check (real check types, config as an adopter writes it) and as
 * the Tech Insights equivalent (a json-rules-engine condition over facts that
 * the benchmark's fact retrievers produce). A scorecard's filter becomes, on
 * the Tech Insights side, an `any` with "does not apply" in the rule, so no
 * check needs the per-entity catalog look-up of Tech Insights' check filters.
 */

/** Fact retrievers on the Tech Insights side. */
export const TI_CATALOG_RETRIEVER = 'benchCatalogFactRetriever';
export const TI_QUALITY_RETRIEVER = 'benchQualityFactRetriever';

type Condition = JsonObject;

interface BenchCheck {
  /** Flywheel: everything but id/title (type, level, params…). */
  flywheel: JsonObject;
  /** Tech Insights: the condition when the check applies, and the retrievers it needs. */
  ti: { condition: Condition; factIds: string[] };
}

interface BenchScorecard {
  id: string;
  title: string;
  filter: JsonObject;
  /** Tech Insights condition that is true when the scorecard does NOT apply. */
  tiNotApplicable?: Condition;
  checks: Record<string, { title: string } & BenchCheck>;
}

const C = TI_CATALOG_RETRIEVER;
const Q = TI_QUALITY_RETRIEVER;

const is = (fact: string, value: JsonValue = true): Condition => ({
  fact,
  operator: 'equal',
  value,
});
const op = (fact: string, operator: string, value: JsonValue): Condition => ({
  fact,
  operator,
  value,
});
const any = (...conditions: Condition[]): Condition => ({ any: conditions });

const fact = (name: string, extra: JsonObject = {}): JsonObject => ({
  type: 'fact',
  provider: QUALITY_PROVIDER_ID,
  fact: name,
  ...extra,
});

export const BENCH_SCORECARDS: BenchScorecard[] = [
  {
    id: 'catalog-hygiene',
    title: 'Catalog hygiene',
    filter: { kind: 'Component' },
    checks: {
      'has-owner': {
        title: 'Owned by a group',
        flywheel: {
          type: 'catalog.relation',
          relation: 'ownedBy',
          targetKind: 'Group',
        },
        ti: { condition: is('ownerIsGroup'), factIds: [C] },
      },
      'in-system': {
        title: 'Part of a system',
        flywheel: {
          type: 'catalog.relation',
          relation: 'partOf',
          targetKind: 'System',
        },
        ti: { condition: is('inSystem'), factIds: [C] },
      },
      'has-description': {
        title: 'Has a description',
        flywheel: { type: 'catalog.field', path: 'metadata.description' },
        ti: { condition: is('hasDescription'), factIds: [C] },
      },
      'known-lifecycle': {
        title: 'Known lifecycle',
        flywheel: {
          type: 'catalog.field',
          path: 'spec.lifecycle',
          in: ['production', 'experimental', 'deprecated'],
        },
        ti: {
          condition: op('lifecycle', 'in', [
            'production',
            'experimental',
            'deprecated',
          ]),
          factIds: [C],
        },
      },
      'has-title': {
        title: 'Has a title',
        flywheel: {
          type: 'catalog.field',
          path: 'metadata.title',
          level: 'silver',
        },
        ti: { condition: is('hasTitle'), factIds: [C] },
      },
      'supported-language': {
        title: 'Written in a supported language',
        flywheel: {
          type: 'catalog.filter',
          level: 'silver',
          filter: {
            $any: [
              { 'metadata.tags': { $contains: 'typescript' } },
              { 'metadata.tags': { $contains: 'java' } },
              { 'metadata.tags': { $contains: 'go' } },
              { 'metadata.tags': { $contains: 'kotlin' } },
            ],
          },
        },
        ti: {
          condition: any(
            op('tags', 'contains', 'typescript'),
            op('tags', 'contains', 'java'),
            op('tags', 'contains', 'go'),
            op('tags', 'contains', 'kotlin'),
          ),
          factIds: [C],
        },
      },
      'source-location': {
        title: 'Source location set',
        flywheel: {
          type: 'catalog.annotation',
          annotation: 'backstage.io/source-location',
          level: 'silver',
        },
        ti: { condition: is('hasSourceLocation'), factIds: [C] },
      },
      'acme-repository': {
        title: 'Repository in the acme organisation',
        flywheel: {
          type: 'catalog.annotation',
          annotation: 'github.com/project-slug',
          matches: '^acme/',
          level: 'silver',
        },
        ti: { condition: is('projectSlugInAcme'), factIds: [C] },
      },
      'not-deprecated': {
        title: 'Not deprecated',
        flywheel: {
          type: 'catalog.filter',
          level: 'gold',
          filter: { $not: { 'spec.lifecycle': 'deprecated' } },
        },
        ti: {
          condition: op('lifecycle', 'notEqual', 'deprecated'),
          factIds: [C],
        },
      },
      'has-links': {
        title: 'Has links',
        flywheel: {
          type: 'catalog.field',
          path: 'metadata.links',
          level: 'gold',
        },
        ti: { condition: is('hasLinks'), factIds: [C] },
      },
    },
  },
  {
    id: 'golden-paths',
    title: 'Golden paths',
    filter: { kind: 'Component', 'spec.type': { $in: ['service', 'website'] } },
    tiNotApplicable: op('type', 'notIn', ['service', 'website']),
    checks: {
      'from-golden-path': {
        title: 'Created from a golden path',
        flywheel: { type: 'goldenPath.created' },
        ti: { condition: is('fromGoldenPath'), factIds: [C] },
      },
      'current-version': {
        title: "On the golden path's current version",
        flywheel: { type: 'goldenPath.currentVersion', level: 'silver' },
        ti: {
          condition: any(
            is('fromGoldenPath', false),
            is('onCurrentTemplateVersion'),
          ),
          factIds: [C],
        },
      },
      'created-at': {
        title: 'Creation date recorded',
        flywheel: {
          type: 'catalog.annotation',
          annotation: 'flywheel.dev/created-at',
        },
        ti: { condition: is('hasCreatedAt'), factIds: [C] },
      },
      'recent-enough': {
        title: 'Created in the last three years',
        flywheel: {
          type: 'metric',
          metric: 'entity.ageDays',
          operator: '<=',
          threshold: 1095,
          level: 'gold',
        },
        ti: {
          condition: op('ageDays', 'lessThanInclusive', 1095),
          factIds: [C],
        },
      },
      techdocs: {
        title: 'Has TechDocs',
        flywheel: {
          type: 'catalog.annotation',
          annotation: 'backstage.io/techdocs-ref',
          level: 'silver',
          severity: 'warn',
        },
        ti: { condition: is('hasTechdocs'), factIds: [C] },
      },
      kubernetes: {
        title: 'Deployed on Kubernetes',
        flywheel: {
          type: 'catalog.annotation',
          annotation: 'backstage.io/kubernetes-id',
          level: 'silver',
        },
        ti: { condition: is('hasKubernetesId'), factIds: [C] },
      },
      'provides-api': {
        title: 'Provides an API',
        flywheel: {
          type: 'catalog.relation',
          relation: 'providesApi',
          level: 'gold',
        },
        ti: { condition: is('providesApi'), factIds: [C] },
      },
      'has-owner': {
        title: 'Owned by a group',
        flywheel: {
          type: 'catalog.relation',
          relation: 'ownedBy',
          targetKind: 'Group',
        },
        ti: { condition: is('ownerIsGroup'), factIds: [C] },
      },
      ci: {
        title: 'Built by CI',
        flywheel: fact('ciProvider', {
          operator: 'notEquals',
          value: 'none',
          level: 'silver',
        }),
        ti: { condition: op('ciProvider', 'notEqual', 'none'), factIds: [Q] },
      },
      coverage: {
        title: 'Test coverage at least 60%',
        flywheel: fact('testCoveragePercent', {
          operator: '>=',
          value: 60,
          level: 'gold',
        }),
        ti: {
          condition: op('testCoveragePercent', 'greaterThanInclusive', 60),
          factIds: [Q],
        },
      },
    },
  },
  {
    id: 'production-readiness',
    title: 'Production readiness',
    filter: { kind: 'Component', 'spec.lifecycle': 'production' },
    tiNotApplicable: op('lifecycle', 'notEqual', 'production'),
    checks: {
      oncall: {
        title: 'Has an on-call rotation',
        flywheel: fact('oncallRotation'),
        ti: { condition: is('oncallRotation'), factIds: [Q] },
      },
      pagerduty: {
        title: 'PagerDuty service',
        flywheel: {
          type: 'catalog.annotation',
          annotation: 'pagerduty.com/service-id',
        },
        ti: { condition: is('hasPagerduty'), factIds: [C] },
      },
      kubernetes: {
        title: 'Deployed on Kubernetes',
        flywheel: {
          type: 'catalog.annotation',
          annotation: 'backstage.io/kubernetes-id',
        },
        ti: { condition: is('hasKubernetesId'), factIds: [C] },
      },
      'in-system': {
        title: 'Part of a system',
        flywheel: {
          type: 'catalog.relation',
          relation: 'partOf',
          targetKind: 'System',
        },
        ti: { condition: is('inSystem'), factIds: [C] },
      },
      runbook: {
        title: 'Has a runbook link',
        flywheel: {
          type: 'catalog.filter',
          level: 'silver',
          filter: { 'metadata.links': { $contains: { type: 'runbook' } } },
        },
        ti: { condition: is('hasRunbook'), factIds: [C] },
      },
      slo: {
        title: 'SLOs defined',
        flywheel: fact('sloDefined', { level: 'silver' }),
        ti: { condition: is('sloDefined'), factIds: [Q] },
      },
      alerts: {
        title: 'Alerts configured',
        flywheel: fact('alertsConfigured', { level: 'silver' }),
        ti: { condition: is('alertsConfigured'), factIds: [Q] },
      },
      'error-budget': {
        title: 'Error budget at least 25% left',
        flywheel: fact('errorBudgetPercent', {
          operator: '>=',
          value: 25,
          level: 'gold',
          severity: 'warn',
        }),
        ti: {
          condition: op('errorBudgetPercent', 'greaterThanInclusive', 25),
          factIds: [Q],
        },
      },
      dependencies: {
        title: 'Dependencies declared',
        flywheel: {
          type: 'catalog.relation',
          relation: 'dependsOn',
          level: 'gold',
        },
        ti: {
          condition: op('dependsOnCount', 'greaterThanInclusive', 1),
          factIds: [C],
        },
      },
      'golden-path': {
        title: 'Created from a golden path',
        flywheel: { type: 'goldenPath.created', level: 'gold' },
        ti: { condition: is('fromGoldenPath'), factIds: [C] },
      },
    },
  },
  {
    id: 'security',
    title: 'Security',
    filter: {
      kind: 'Component',
      'spec.type': { $in: ['service', 'website', 'library'] },
    },
    tiNotApplicable: op('type', 'notIn', ['service', 'website', 'library']),
    checks: {
      'no-critical': {
        title: 'No critical vulnerabilities',
        flywheel: fact('criticalVulnerabilities', {
          operator: 'equals',
          value: 0,
        }),
        ti: {
          condition: op('criticalVulnerabilities', 'equal', 0),
          factIds: [Q],
        },
      },
      'secret-scanning': {
        title: 'Secret scanning on',
        flywheel: fact('secretScanning'),
        ti: { condition: is('secretScanning'), factIds: [Q] },
      },
      'source-known': {
        title: 'Repository known',
        flywheel: {
          type: 'catalog.annotation',
          annotation: 'github.com/project-slug',
        },
        ti: { condition: is('hasProjectSlug'), factIds: [C] },
      },
      'has-owner': {
        title: 'Owned by a group',
        flywheel: {
          type: 'catalog.relation',
          relation: 'ownedBy',
          targetKind: 'Group',
        },
        ti: { condition: is('ownerIsGroup'), factIds: [C] },
      },
      'few-high': {
        title: 'At most 3 high vulnerabilities',
        flywheel: fact('highVulnerabilities', {
          operator: '<=',
          value: 3,
          level: 'silver',
        }),
        ti: {
          condition: op('highVulnerabilities', 'lessThanInclusive', 3),
          factIds: [Q],
        },
      },
      'fresh-dependencies': {
        title: 'Dependencies updated in the last 180 days',
        flywheel: fact('dependencyAgeDays', {
          operator: '<',
          value: 180,
          level: 'silver',
        }),
        ti: {
          condition: op('dependencyAgeDays', 'lessThan', 180),
          factIds: [Q],
        },
      },
      sonarqube: {
        title: 'Analysed by SonarQube',
        flywheel: {
          type: 'catalog.annotation',
          annotation: 'sonarqube.org/project-key',
          level: 'silver',
        },
        ti: { condition: is('hasSonarqube'), factIds: [C] },
      },
      'pci-in-production': {
        title: 'PCI components are in production',
        flywheel: {
          type: 'catalog.filter',
          level: 'silver',
          filter: {
            $any: [
              { $not: { 'metadata.tags': { $contains: 'pci' } } },
              { 'spec.lifecycle': 'production' },
            ],
          },
        },
        ti: {
          condition: any(
            op('tags', 'doesNotContain', 'pci'),
            is('lifecycle', 'production'),
          ),
          factIds: [C],
        },
      },
      sbom: {
        title: 'SBOM published',
        flywheel: fact('sbomPublished', { level: 'gold' }),
        ti: { condition: is('sbomPublished'), factIds: [Q] },
      },
      snyk: {
        title: 'Monitored by Snyk (acme org)',
        flywheel: {
          type: 'catalog.annotation',
          annotation: 'snyk.io/org-name',
          equals: 'acme',
          level: 'gold',
        },
        ti: { condition: is('snykOrg', 'acme'), factIds: [C] },
      },
    },
  },
  {
    id: 'documentation',
    title: 'Documentation',
    filter: { kind: 'Component' },
    checks: {
      techdocs: {
        title: 'Has TechDocs',
        flywheel: {
          type: 'catalog.annotation',
          annotation: 'backstage.io/techdocs-ref',
        },
        ti: { condition: is('hasTechdocs'), factIds: [C] },
      },
      description: {
        title: 'Has a description',
        flywheel: { type: 'catalog.field', path: 'metadata.description' },
        ti: { condition: is('hasDescription'), factIds: [C] },
      },
      readme: {
        title: 'Has a README',
        flywheel: fact('readmePresent'),
        ti: { condition: is('readmePresent'), factIds: [Q] },
      },
      'known-type': {
        title: 'Known component type',
        flywheel: {
          type: 'catalog.field',
          path: 'spec.type',
          in: ['service', 'website', 'library'],
        },
        ti: {
          condition: op('type', 'in', ['service', 'website', 'library']),
          factIds: [C],
        },
      },
      'fresh-docs': {
        title: 'Docs updated in the last year',
        flywheel: fact('docsAgeDays', {
          operator: '<=',
          value: 365,
          level: 'silver',
        }),
        ti: {
          condition: op('docsAgeDays', 'lessThanInclusive', 365),
          factIds: [Q],
        },
      },
      'api-declared': {
        title: 'Services declare their API',
        flywheel: {
          type: 'catalog.filter',
          level: 'silver',
          filter: {
            $any: [
              { $not: { 'spec.type': 'service' } },
              { 'spec.providesApis': { $exists: true } },
            ],
          },
        },
        ti: {
          condition: any(op('type', 'notEqual', 'service'), is('declaresApis')),
          factIds: [C],
        },
      },
      title: {
        title: 'Has a title',
        flywheel: {
          type: 'catalog.field',
          path: 'metadata.title',
          level: 'silver',
        },
        ti: { condition: is('hasTitle'), factIds: [C] },
      },
      system: {
        title: 'Part of a system',
        flywheel: {
          type: 'catalog.relation',
          relation: 'partOf',
          targetKind: 'System',
          level: 'silver',
        },
        ti: { condition: is('inSystem'), factIds: [C] },
      },
      links: {
        title: 'Has links',
        flywheel: {
          type: 'catalog.field',
          path: 'metadata.links',
          level: 'gold',
        },
        ti: { condition: is('hasLinks'), factIds: [C] },
      },
      'source-location': {
        title: 'Source location set',
        flywheel: {
          type: 'catalog.annotation',
          annotation: 'backstage.io/source-location',
          level: 'gold',
        },
        ti: { condition: is('hasSourceLocation'), factIds: [C] },
      },
    },
  },
];

/** `flywheel.scorecards` for app-config: the 5 scorecards as an adopter writes them. */
export function flywheelScorecardsConfig(): JsonObject[] {
  return BENCH_SCORECARDS.map(scorecard => ({
    id: scorecard.id,
    title: scorecard.title,
    description: `Benchmark scorecard ${scorecard.title}`,
    owner: 'group:default/acme',
    filter: scorecard.filter,
    checks: Object.entries(scorecard.checks).map(([id, check]) => ({
      id,
      title: check.title,
      howToFix: `https://wiki.acme.example/scorecards/${scorecard.id}/${id}`,
      ...check.flywheel,
    })),
  }));
}

/** A Tech Insights check id (a config key: letters, digits, single - or _). */
export const tiCheckId = (scorecardId: string, checkId: string) =>
  `${scorecardId}_${checkId}`;

/** `techInsights.factChecker.checks`: the same 50 checks as json-rules-engine checks. */
export function techInsightsChecksConfig(): Record<string, JsonObject> {
  const checks: Record<string, JsonObject> = {};
  for (const scorecard of BENCH_SCORECARDS) {
    for (const [id, check] of Object.entries(scorecard.checks)) {
      const factIds = [...new Set([C, ...check.ti.factIds])];
      const condition = scorecard.tiNotApplicable
        ? any(scorecard.tiNotApplicable, check.ti.condition)
        : check.ti.condition;
      checks[tiCheckId(scorecard.id, id)] = {
        type: 'json-rules-engine',
        name: `${scorecard.title}: ${check.title}`,
        description: `${scorecard.title}: ${check.title}`,
        factIds: scorecard.tiNotApplicable ? factIds : check.ti.factIds,
        rule: { conditions: { all: [condition] } },
      };
    }
  }
  return checks;
}

export const CHECK_COUNT = BENCH_SCORECARDS.reduce(
  (n, s) => n + Object.keys(s.checks).length,
  0,
);
