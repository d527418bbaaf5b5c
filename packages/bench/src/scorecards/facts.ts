import { Entity } from '@backstage/catalog-model';
import { hashOf, prng, weighted } from '../harness';

/** The custom facts of one entity, as an in-house quality tool might report them. */
export interface QualityFacts {
  oncallRotation: boolean;
  sloDefined: boolean;
  alertsConfigured: boolean;
  errorBudgetPercent: number;
  criticalVulnerabilities: number;
  highVulnerabilities: number;
  dependencyAgeDays: number;
  secretScanning: boolean;
  sbomPublished: boolean;
  readmePresent: boolean;
  docsAgeDays: number;
  testCoveragePercent: number;
  ciProvider: string;
}

export const QUALITY_PROVIDER_ID = 'quality';

/**
 * Facts derived from the entity's name (and description, so a changed entity
 * gets changed facts). About 4% of entities are unknown to the tool: their
 * fact checks are `unknown`.
 */
export function qualityFacts(entity: Entity): QualityFacts | undefined {
  const seed = hashOf(
    `${entity.metadata.name}|${entity.metadata.description ?? ''}`,
  );
  if (seed % 25 === 0) {
    return undefined;
  }
  const r = prng(seed);
  const production =
    (entity.spec as { lifecycle?: string })?.lifecycle === 'production';
  return {
    oncallRotation: r() < (production ? 0.75 : 0.3),
    sloDefined: r() < 0.5,
    alertsConfigured: r() < 0.6,
    errorBudgetPercent: Math.round(r() * 1000) / 10,
    criticalVulnerabilities: r() < 0.8 ? 0 : Math.floor(r() * 4),
    highVulnerabilities: Math.floor(r() * r() * 12),
    dependencyAgeDays: Math.floor(r() * 400),
    secretScanning: r() < 0.7,
    sbomPublished: r() < 0.45,
    readmePresent: r() < 0.9,
    docsAgeDays: Math.floor(r() * 720),
    testCoveragePercent: Math.round(r() * 1000) / 10,
    ciProvider: weighted(r(), [
      [0.8, 'github-actions'],
      [0.9, 'jenkins'],
      [1, 'none'],
    ]),
  };
}
