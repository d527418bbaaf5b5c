import type { MetricDefinition, MetricScope } from '../metrics/types';

/** How a metric criterion compares its value with the threshold. @public */
export type MaturityComparator = '>=' | '>' | '<=' | '<';

/**
 * How a metric criterion reduces its window to one number: the metric's
 * value over the whole window, or the latest, lowest, highest or mean of
 * its values per interval (e.g. `min` of weekly deployment frequency: every
 * week of the window). @public
 */
export type MaturityAggregation = 'window' | 'latest' | 'min' | 'max' | 'mean';

/**
 * What a metric criterion is measured over, tied to the capability:
 * `org` the whole organisation; `capability` the capability entity itself;
 * `goldenPaths` each of the capability's golden paths (all must meet it);
 * `teams` each of its pioneering/adopting teams (one meeting it is enough);
 * or an explicit `group:…` or `template:…` ref. @public
 */
export type MaturityScopeSpec =
  | 'org'
  | 'capability'
  | 'goldenPaths'
  | 'teams'
  | string;

/** A checklist item a permitted person attests, with evidence. @public */
export interface ManualCriterionDefinition {
  type: 'manual';
  id: string;
  title: string;
  description?: string;
  /** A required criterion blocks promotion while unmet (default true). */
  required: boolean;
  /** An attestation stops counting this many days after it was made. */
  expiresAfterDays?: number;
}

/** A threshold on any metric of the registry. @public */
export interface MetricCriterionDefinition {
  type: 'metric';
  id: string;
  title: string;
  description?: string;
  required: boolean;
  metric: string;
  scope: MaturityScopeSpec;
  aggregation: MaturityAggregation;
  /** `90d`, `12w`, `6m`, `1y`: the span ending now. */
  window: string;
  /** The width of one value for latest, min, max and mean. */
  interval: 'day' | 'week' | 'month';
  comparator: MaturityComparator;
  threshold: number;
  /** Fewer samples than this and the criterion is unknown, never met. */
  minSampleSize: number;
}

/** @public */
export type MaturityCriterionDefinition =
  | ManualCriterionDefinition
  | MetricCriterionDefinition;

/** One stage of a model, with the criteria to leave it (exit criteria). @public */
export interface MaturityStageDefinition {
  id: string;
  title: string;
  description?: string;
  criteria: MaturityCriterionDefinition[];
}

/**
 * An ordered list of stages. Each version is kept: a transition names the
 * version it was made under, so old history stays readable after the
 * configuration changes. @public
 */
export interface MaturityModelDefinition {
  id: string;
  version: number;
  title: string;
  description?: string;
  stages: MaturityStageDefinition[];
}

/** A criterion's live status. @public */
export type MaturityCriterionState = 'met' | 'unmet' | 'unknown' | 'waived';

/** Who attested a manual criterion, or waived any criterion. @public */
export interface MaturityAttestation {
  id: string;
  kind: 'attestation' | 'waiver';
  capabilityRef: string;
  modelId: string;
  stageId: string;
  criterionId: string;
  by: string;
  at: string;
  /** Attestations: where the evidence is. */
  evidenceUrl?: string;
  /** Attestations: a note; waivers: why the criterion does not apply. */
  note: string;
  expiresAt?: string;
}

/** A criterion evaluated now (or frozen in a transition). @public */
export interface MaturityCriterionStatus {
  id: string;
  title: string;
  description?: string;
  type: 'manual' | 'metric';
  required: boolean;
  status: MaturityCriterionState;
  /** One line a person reads: why this status. */
  reason: string;
  /** Metric criteria. */
  metric?: Pick<MetricDefinition, 'id' | 'title' | 'unit' | 'direction'>;
  scope?: MetricScope[];
  value?: number | null;
  sampleSize?: number;
  minSampleSize?: number;
  comparator?: MaturityComparator;
  threshold?: number;
  aggregation?: MaturityAggregation;
  from?: string;
  to?: string;
  /** Where the number or the evidence comes from (app path or URL). */
  link?: string;
  attestation?: MaturityAttestation;
  waiver?: MaturityAttestation;
}

/** A stage with its exit criteria evaluated. @public */
export interface MaturityStageStatus {
  id: string;
  title: string;
  description?: string;
  criteria: MaturityCriterionStatus[];
}

/** A capability on the board. @public */
export interface MaturityCapability {
  entityRef: string;
  title: string;
  description?: string;
  owners: string[];
  model: { id: string; version: number; title: string };
  stages: { id: string; title: string }[];
  stage: { id: string; title: string; index: number };
  /** When it entered its stage; absent while it never moved. */
  since?: string;
  next?: { id: string; title: string };
  /** The current stage's exit criteria. */
  criteria: MaturityCriterionStatus[];
  progress: { met: number; total: number };
  /** Required criteria that keep it from the next stage. */
  blockers: string[];
}

/** `GET /maturity/capabilities` @public */
export interface MaturityCapabilitiesResponse {
  items: MaturityCapability[];
  /** The stage columns of the default model, in order. */
  stages: { id: string; title: string }[];
}

/** `GET /maturity/capabilities/{kind}/{namespace}/{name}` @public */
export interface MaturityCapabilityDetail extends MaturityCapability {
  /** Every stage's criteria, evaluated now. */
  stageDetails: MaturityStageStatus[];
  /** What the caller may do, for the page's buttons. */
  allowed: { transition: boolean; attest: boolean };
  attestations: MaturityAttestation[];
}

/** A recorded stage change, append-only. @public */
export interface MaturityTransition {
  id: string;
  capabilityRef: string;
  modelId: string;
  modelVersion: number;
  from: { id: string; title: string } | null;
  to: { id: string; title: string };
  direction: 'promotion' | 'demotion' | 'initial';
  rationale: string;
  /** Set when a promotion went ahead with required criteria unmet. */
  overrideReason?: string;
  by: string;
  at: string;
  /** The exit criteria of the stage left, as they were at that moment. */
  criteria: MaturityCriterionStatus[];
}

/** `GET /maturity/history` and a capability's history. @public */
export interface MaturityHistoryResponse {
  items: MaturityTransition[];
}

/** `POST …/transitions` @public */
export interface MaturityTransitionRequest {
  toStage: string;
  rationale: string;
  /** Go ahead although required criteria are unmet; recorded. */
  overrideReason?: string;
  /**
   * Place a capability that has never moved in the stage it is in when
   * you start tracking it (any stage, no exit criteria asked); recorded as
   * direction `initial`. Refused once it has any history.
   */
  initial?: boolean;
}

/** `POST …/attestations` @public */
export interface MaturityAttestationRequest {
  stageId: string;
  criterionId: string;
  evidenceUrl: string;
  note: string;
  expiresAt?: string;
}

/** `POST …/waivers` @public */
export interface MaturityWaiverRequest {
  stageId: string;
  criterionId: string;
  reason: string;
  expiresAt?: string;
}

/** `GET /maturity/models`: every version ever used. @public */
export interface MaturityModelsResponse {
  items: MaturityModelDefinition[];
}
