import { parseEntityRef } from '@backstage/catalog-model';
import {
  MaturityAttestation,
  MaturityAttestationRequest,
  MaturityCapabilitiesResponse,
  MaturityCapabilityDetail,
  MaturityHistoryResponse,
  MaturityModelsResponse,
  MaturityTransition,
  MaturityTransitionRequest,
  MaturityWaiverRequest,
  MetricInterval,
  OutcomesResponse,
  OutcomeTarget,
} from '@flywheel/plugin-flywheel-common';
import { FlywheelHttp } from './FlywheelHttp';

/**
 * Which span the product dashboard's outcomes cover and the width of one
 * point.
 *
 * @public
 */
export interface OutcomesQuery {
  /** The span ending now: `90d`, `26w`, `1y` (the backend's default is `26w`). */
  window?: string;
  /** The width of one point (the backend's default is `week`). */
  interval?: MetricInterval;
}

/**
 * Maturity: capabilities (catalog entities) moving through the stages of a
 * maturity model on evidence (metric thresholds, attested checklist items),
 * their history, and the product dashboard's outcomes with their targets.
 * Reads need `flywheel.maturity.read`.
 *
 * A capability is named by its entity ref, e.g. `component:default/ci`; the
 * client puts its kind, namespace and name in the path.
 *
 * @public
 */
export interface MaturityApi {
  /** Every capability on the board, with the stage columns of the default model. */
  getMaturityCapabilities(): Promise<MaturityCapabilitiesResponse>;

  /**
   * One capability: every stage's criteria evaluated now, its attestations
   * and waivers, and what the caller may do (`allowed`).
   */
  getMaturityCapability(entityRef: string): Promise<MaturityCapabilityDetail>;

  /** A capability's stage changes, newest first. */
  getMaturityCapabilityHistory(
    entityRef: string,
  ): Promise<MaturityHistoryResponse>;

  /** A capability's stage changes as CSV, fetched with the user's credentials. */
  exportMaturityCapabilityHistoryCsv(entityRef: string): Promise<Blob>;

  /**
   * Promotes or demotes a capability. A promotion with required exit
   * criteria of the current stage unmet is refused (409, ConflictError)
   * unless it gives an `overrideReason`, which is recorded.
   */
  transitionMaturityCapability(
    entityRef: string,
    request: MaturityTransitionRequest,
  ): Promise<MaturityTransition>;

  /** Attests a manual criterion with evidence. */
  attestMaturityCriterion(
    entityRef: string,
    request: MaturityAttestationRequest,
  ): Promise<MaturityAttestation>;

  /** Waives a criterion that does not apply to the capability. */
  waiveMaturityCriterion(
    entityRef: string,
    request: MaturityWaiverRequest,
  ): Promise<MaturityAttestation>;

  /** Every capability's stage changes, newest first. */
  getMaturityHistory(): Promise<MaturityHistoryResponse>;

  /** Every capability's stage changes as CSV. */
  exportMaturityHistoryCsv(): Promise<Blob>;

  /** Every version of every maturity model ever used. */
  getMaturityModels(): Promise<MaturityModelsResponse>;

  /**
   * The product dashboard's outcomes (developer satisfaction, platform
   * usage, value stream): each one's trend, current value, change since the
   * previous interval and target.
   */
  getOutcomes(query?: OutcomesQuery): Promise<OutcomesResponse>;

  /**
   * Sets an outcome's target on the dashboard, overriding the configured
   * one. Needs `flywheel.maturity.targets.manage`.
   *
   * @param key - the outcome's key, which may hold `*` and dots
   */
  setOutcomeTarget(key: string, value: number): Promise<OutcomeTarget>;

  /** Removes the dashboard's target of an outcome: the configured one applies again. */
  resetOutcomeTarget(key: string): Promise<void>;
}

/** `/maturity/capabilities/{kind}/{namespace}/{name}` and below. */
function capabilityPath(entityRef: string, below = ''): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `/maturity/capabilities/${[kind, namespace, name]
    .map(encodeURIComponent)
    .join('/')}${below}`;
}

function targetPath(key: string): string {
  return `/maturity/outcomes/targets/${encodeURIComponent(key)}`;
}

/** MaturityApi over the Flywheel backend. */
export class MaturityClient implements MaturityApi {
  constructor(private readonly http: FlywheelHttp) {}

  getMaturityCapabilities(): Promise<MaturityCapabilitiesResponse> {
    return this.http.get('/maturity/capabilities');
  }

  getMaturityCapability(entityRef: string): Promise<MaturityCapabilityDetail> {
    return this.http.get(capabilityPath(entityRef));
  }

  getMaturityCapabilityHistory(
    entityRef: string,
  ): Promise<MaturityHistoryResponse> {
    return this.http.get(capabilityPath(entityRef, '/history'));
  }

  async exportMaturityCapabilityHistoryCsv(entityRef: string): Promise<Blob> {
    const response = await this.http.request(
      capabilityPath(entityRef, '/history'),
      { format: 'csv' },
    );
    return response.blob();
  }

  transitionMaturityCapability(
    entityRef: string,
    request: MaturityTransitionRequest,
  ): Promise<MaturityTransition> {
    return this.http.post(capabilityPath(entityRef, '/transitions'), request);
  }

  attestMaturityCriterion(
    entityRef: string,
    request: MaturityAttestationRequest,
  ): Promise<MaturityAttestation> {
    return this.http.post(capabilityPath(entityRef, '/attestations'), request);
  }

  waiveMaturityCriterion(
    entityRef: string,
    request: MaturityWaiverRequest,
  ): Promise<MaturityAttestation> {
    return this.http.post(capabilityPath(entityRef, '/waivers'), request);
  }

  getMaturityHistory(): Promise<MaturityHistoryResponse> {
    return this.http.get('/maturity/history');
  }

  async exportMaturityHistoryCsv(): Promise<Blob> {
    const response = await this.http.request('/maturity/history', {
      format: 'csv',
    });
    return response.blob();
  }

  getMaturityModels(): Promise<MaturityModelsResponse> {
    return this.http.get('/maturity/models');
  }

  getOutcomes(query: OutcomesQuery = {}): Promise<OutcomesResponse> {
    return this.http.get('/maturity/outcomes', { ...query });
  }

  setOutcomeTarget(key: string, value: number): Promise<OutcomeTarget> {
    return this.http.put(targetPath(key), { value });
  }

  resetOutcomeTarget(key: string): Promise<void> {
    return this.http.delete(targetPath(key));
  }
}
