/*
 * What the golden-paths domain offers the scorecards domain: provenance and
 * per-entity metrics for checks. Golden paths implement it; scorecards use
 * it; neither imports the other.
 */

import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';

/** Golden-path facts per entity, for scorecard checks. */
export interface GoldenPathInsights {
  provenance(entity: Entity):
    | {
        templateRef: string;
        isGoldenPath: boolean;
        templateVersion?: string;
        currentVersion?: string;
        drifted: boolean;
      }
    | undefined;
  metric(
    entity: Entity,
    entityRef: string,
    metricId: string,
  ): number | undefined;
}

/** Where the engine gets golden-path provenance and metrics from. */
export interface GoldenPathInsightsSource {
  entityInsights(
    credentials: BackstageCredentials,
  ): Promise<GoldenPathInsights>;
}
