/*
 * What the golden-paths domain offers the others: provenance and per-entity
 * metrics for scorecard checks, and every service's origin for value-stream
 * metrics. Golden paths implement it; scorecards and metrics use it; neither
 * imports the other.
 */

import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import type { OrgGraph } from '../catalog/OrgGraph';

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
  /** Where a service came from, for value-stream metrics. */
  origin(entity: Entity, entityRef: string): ServiceOrigin;
}

/** A service's origin: golden path or hand-made, and when it was created. */
export interface ServiceOrigin {
  isGoldenPath: boolean;
  /** The template it was created from, golden path or not. */
  templateRef?: string;
  /**
   * When its creation started: the scaffolder task's start when Flywheel
   * recorded the run, else the `flywheel.dev/created-at` annotation.
   */
  createdAt?: Date;
  /** Who ran the template, when the run was recorded. */
  createdBy?: string;
}

/** Where the engine gets golden-path provenance and metrics from. */
export interface GoldenPathInsightsSource {
  entityInsights(
    credentials: BackstageCredentials,
  ): Promise<GoldenPathInsights>;
}

/**
 * Every Component of the catalog with its origin, and the group tree, read
 * with the plugin's own credentials: one snapshot shared by every request
 * (callers narrow it to what each person may see). Equal fingerprints, equal
 * snapshots; an unchanged snapshot is the same object.
 */
export interface ServiceOriginSnapshot {
  readonly components: readonly {
    readonly entityRef: string;
    readonly ownerRef?: string;
    readonly origin: ServiceOrigin;
  }[];
  readonly graph: OrgGraph;
  readonly fingerprint: string;
}

/** Where value-stream metrics get the services and their origin from. */
export interface ServiceOriginSource {
  serviceOrigins(): Promise<ServiceOriginSnapshot>;
}
