/*
 * The metric registry: every number a domain computes is published here
 * with one definition, and read only through here — by the Metrics API,
 * scorecard `metric` checks, and the maturity stages and product dashboard
 * to come. A domain offers a MetricProvider; the metrics domain keeps the
 * registry; plugin.ts hands the providers over.
 */

import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  MetricDefinition,
  MetricScopeKind,
} from '@flywheel/plugin-flywheel-common';

/** A scope resolved: its kind and, but for org, a normalised ref. */
export interface ResolvedScope {
  kind: MetricScopeKind;
  ref?: string;
}

/** One interval of a series, [start, end). */
export interface Bucket {
  start: Date;
  end: Date;
}

/** A value with the number of samples it rests on; null value: no samples. */
export interface MetricValue {
  value: number | null;
  sampleSize: number;
}

/** Per-entity values a provider offers scorecard checks (sync, per run). */
export interface EntityMetricValues {
  value(
    entity: Entity,
    entityRef: string,
    metricId: string,
  ): number | undefined;
}

/** What a domain publishes. */
export interface MetricProvider {
  /**
   * Its metrics as of now (a survey created through the API adds some);
   * every id starts with the domain's name and a dot.
   */
  metrics(): Promise<MetricDefinition[]>;
  /**
   * The metric's value in each bucket, in order. The scope is one of the
   * metric's scopes, already checked; the caller's visibility applies.
   */
  values(
    metricId: string,
    scope: ResolvedScope,
    buckets: Bucket[],
    credentials: BackstageCredentials,
  ): Promise<MetricValue[]>;
  /**
   * For `comparable` metrics: the same per bucket, split into services
   * created from a golden path and hand-made ones, with the raw samples
   * (or successes of n, for shares) a significance test needs.
   */
  split?(
    metricId: string,
    scope: ResolvedScope,
    bucket: Bucket,
    credentials: BackstageCredentials,
  ): Promise<{ goldenPath: MetricSamples; handMade: MetricSamples }>;
  /** Per-entity current values, for scorecard `metric` checks. */
  entityValues?(credentials: BackstageCredentials): Promise<EntityMetricValues>;
}

/** The samples behind one side of a comparison. */
export type MetricSamples =
  | { kind: 'values'; values: number[]; value: number | null }
  | { kind: 'share'; successes: number; n: number; value: number | null };

/** How other domains read metrics. */
export interface MetricReader {
  list(): Promise<MetricDefinition[]>;
  /**
   * A metric's value per bucket for one scope, under the caller's
   * visibility. Unknown metrics are NotFoundError, scopes the metric has no
   * values for InputError.
   */
  values(
    metricId: string,
    scope: ResolvedScope,
    buckets: Bucket[],
    credentials: BackstageCredentials,
  ): Promise<{ definition: MetricDefinition; values: MetricValue[] }>;
  /** Every provider's per-entity values, for one evaluation run. */
  entityValues(credentials: BackstageCredentials): Promise<EntityMetricValues>;
}
