import { CatalogClient } from '@backstage/catalog-client';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  FactRetriever,
  FactRetrieverContext,
  TechInsightFact,
} from '@backstage-community/plugin-tech-insights-node';
import {
  hasDrifted,
  isGoldenPathTemplate,
  readProvenance,
} from '@flywheel/plugin-flywheel-common';
import { DateTime } from 'luxon';
import { qualityFacts } from './facts';
import { TI_CATALOG_RETRIEVER, TI_QUALITY_RETRIEVER } from './scorecards';

/**
 * The Tech Insights side of the benchmark: two fact retrievers, written the
 * way Tech Insights' own retrievers are (a CatalogClient with a plugin token,
 * facts per entity), producing what the 50 json-rules-engine checks read.
 */

/** When each retriever's handler started, so the benchmark can time it to "Stored". */
export const retrieverStarts = new Map<string, number>();

async function catalogFor(ctx: FactRetrieverContext) {
  const { token } = await ctx.auth.getPluginRequestToken({
    onBehalfOf: await ctx.auth.getOwnServiceCredentials(),
    targetPluginId: 'catalog',
  });
  return {
    client: new CatalogClient({ discoveryApi: ctx.discovery }),
    token,
  };
}

const entityKey = (entity: Entity) => ({
  namespace: entity.metadata.namespace ?? 'default',
  kind: entity.kind,
  name: entity.metadata.name,
});

function relationCount(entity: Entity, type: string, kind?: string): number {
  return (entity.relations ?? []).filter(
    r =>
      r.type === type &&
      (!kind || r.targetRef.startsWith(`${kind.toLocaleLowerCase('en-US')}:`)),
  ).length;
}

export const benchCatalogFactRetriever: FactRetriever = {
  id: TI_CATALOG_RETRIEVER,
  version: '0.1.0',
  title: 'Benchmark catalog facts',
  description:
    'Catalog metadata, relations and golden-path provenance of Components',
  entityFilter: [{ kind: 'component' }],
  schema: {
    ownerIsGroup: { type: 'boolean', description: 'Owned by a group' },
    inSystem: { type: 'boolean', description: 'Part of a system' },
    hasDescription: { type: 'boolean', description: 'Has a description' },
    hasTitle: { type: 'boolean', description: 'Has a title' },
    lifecycle: { type: 'string', description: 'spec.lifecycle' },
    type: { type: 'string', description: 'spec.type' },
    tags: { type: 'set', description: 'metadata.tags' },
    hasSourceLocation: { type: 'boolean', description: 'Source location' },
    hasProjectSlug: { type: 'boolean', description: 'GitHub project slug' },
    projectSlugInAcme: { type: 'boolean', description: 'Repository in acme' },
    hasLinks: { type: 'boolean', description: 'Has links' },
    hasRunbook: { type: 'boolean', description: 'Has a runbook link' },
    fromGoldenPath: { type: 'boolean', description: 'From a golden path' },
    onCurrentTemplateVersion: {
      type: 'boolean',
      description: "On the golden path's current version",
    },
    hasCreatedAt: { type: 'boolean', description: 'Creation date recorded' },
    ageDays: { type: 'integer', description: 'Days since creation' },
    hasTechdocs: { type: 'boolean', description: 'Has TechDocs' },
    hasKubernetesId: { type: 'boolean', description: 'Kubernetes id' },
    hasPagerduty: { type: 'boolean', description: 'PagerDuty service' },
    hasSonarqube: { type: 'boolean', description: 'SonarQube project' },
    snykOrg: { type: 'string', description: 'Snyk organisation' },
    providesApi: { type: 'boolean', description: 'Provides an API' },
    declaresApis: { type: 'boolean', description: 'spec.providesApis set' },
    dependsOnCount: { type: 'integer', description: 'dependsOn relations' },
  },
  async handler(ctx) {
    retrieverStarts.set(TI_CATALOG_RETRIEVER, performance.now());
    const { client, token } = await catalogFor(ctx);
    const templates = new Map<
      string,
      { goldenPath: boolean; version?: string }
    >();
    for await (const page of client.streamEntities(
      { filter: { kind: 'Template' } },
      { token },
    )) {
      for (const t of page) {
        templates.set(stringifyEntityRef(t), {
          goldenPath: isGoldenPathTemplate(t),
          version:
            t.metadata.annotations?.['flywheel.dev/template-version'] ||
            undefined,
        });
      }
    }
    const now = DateTime.utc();
    const facts: TechInsightFact[] = [];
    for await (const page of client.streamEntities(
      { filter: { kind: 'Component' }, pageSize: 1000 },
      { token },
    )) {
      for (const entity of page) {
        const annotations = entity.metadata.annotations ?? {};
        const spec = (entity.spec ?? {}) as Record<string, unknown>;
        const provenance = readProvenance(entity);
        const template = provenance
          ? templates.get(provenance.templateRef)
          : undefined;
        const fromGoldenPath = Boolean(template?.goldenPath);
        const created = provenance?.createdAt
          ? DateTime.fromISO(provenance.createdAt)
          : undefined;
        const values: TechInsightFact['facts'] = {
          ownerIsGroup: relationCount(entity, 'ownedBy', 'Group') > 0,
          inSystem: relationCount(entity, 'partOf', 'System') > 0,
          hasDescription: Boolean(entity.metadata.description),
          hasTitle: Boolean(entity.metadata.title),
          lifecycle: String(spec.lifecycle ?? ''),
          type: String(spec.type ?? ''),
          tags: entity.metadata.tags ?? [],
          hasSourceLocation: Boolean(
            annotations['backstage.io/source-location'],
          ),
          hasProjectSlug: Boolean(annotations['github.com/project-slug']),
          projectSlugInAcme: /^acme\//.test(
            annotations['github.com/project-slug'] ?? '',
          ),
          hasLinks: (entity.metadata.links ?? []).length > 0,
          hasRunbook: (entity.metadata.links ?? []).some(
            l => l.type === 'runbook',
          ),
          fromGoldenPath,
          onCurrentTemplateVersion:
            fromGoldenPath &&
            Boolean(provenance?.templateVersion && template?.version) &&
            !hasDrifted(provenance?.templateVersion, template?.version),
          hasCreatedAt: Boolean(annotations['flywheel.dev/created-at']),
          hasTechdocs: Boolean(annotations['backstage.io/techdocs-ref']),
          hasKubernetesId: Boolean(annotations['backstage.io/kubernetes-id']),
          hasPagerduty: Boolean(annotations['pagerduty.com/service-id']),
          hasSonarqube: Boolean(annotations['sonarqube.org/project-key']),
          snykOrg: annotations['snyk.io/org-name'] ?? '',
          providesApi: relationCount(entity, 'providesApi') > 0,
          declaresApis: Array.isArray(spec.providesApis),
          dependsOnCount: relationCount(entity, 'dependsOn'),
        };
        if (created?.isValid) {
          values.ageDays = Math.floor(now.diff(created, 'days').days);
        }
        facts.push({ entity: entityKey(entity), facts: values });
      }
    }
    return facts;
  },
};

export const benchQualityFactRetriever: FactRetriever = {
  id: TI_QUALITY_RETRIEVER,
  version: '0.1.0',
  title: 'Benchmark quality facts',
  description: 'The in-house quality tool (same data as the Flywheel provider)',
  entityFilter: [{ kind: 'component' }],
  schema: {
    oncallRotation: { type: 'boolean', description: 'On-call rotation' },
    sloDefined: { type: 'boolean', description: 'SLOs defined' },
    alertsConfigured: { type: 'boolean', description: 'Alerts configured' },
    errorBudgetPercent: { type: 'float', description: 'Error budget left' },
    criticalVulnerabilities: { type: 'integer', description: 'Critical' },
    highVulnerabilities: { type: 'integer', description: 'High' },
    dependencyAgeDays: { type: 'integer', description: 'Dependency age' },
    secretScanning: { type: 'boolean', description: 'Secret scanning' },
    sbomPublished: { type: 'boolean', description: 'SBOM published' },
    readmePresent: { type: 'boolean', description: 'README present' },
    docsAgeDays: { type: 'integer', description: 'Docs age' },
    testCoveragePercent: { type: 'float', description: 'Test coverage' },
    ciProvider: { type: 'string', description: 'CI provider' },
  },
  async handler(ctx) {
    retrieverStarts.set(TI_QUALITY_RETRIEVER, performance.now());
    const { client, token } = await catalogFor(ctx);
    const facts: TechInsightFact[] = [];
    // Only the fields the quality tool needs to identify an entity.
    for await (const page of client.streamEntities(
      {
        filter: { kind: 'Component' },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.description',
          'spec.lifecycle',
        ],
        pageSize: 1000,
      },
      { token },
    )) {
      for (const entity of page) {
        const values = qualityFacts(entity);
        if (values) {
          facts.push({ entity: entityKey(entity), facts: { ...values } });
        }
      }
    }
    return facts;
  },
};
