import {
  BackstageCredentials,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotAllowedError } from '@backstage/errors';
import {
  flywheelMaturityAttestPermission,
  flywheelMaturityReadPermission,
  flywheelMaturityTransitionPermission,
  MaturityAttestation,
  MaturityCapabilitiesResponse,
  MaturityCapability,
  MaturityCapabilityDetail,
  MaturityCriterionStatus,
  MaturityHistoryResponse,
  MaturityModelDefinition,
  MaturityModelsResponse,
  MaturityTransition,
} from '@flywheel/plugin-flywheel-common';
import { toCsv } from '../http/csv';
import type { MetricReader } from '../interfaces/metricRegistry';
import { authorizeOrThrow } from '../permissions/authorize';
import { userRefOf } from '../permissions/principals';
import { CapabilityAccess } from './access/CapabilityAccess';
import type { Capability } from './capabilities/Capability';
import { CapabilityDirectory } from './capabilities/CapabilityDirectory';
import type { StageModels } from './config/stageModels';
import { CriteriaEvaluator } from './criteria/CriteriaEvaluator';
import type { MaturityNotifier } from './notifications';
import {
  checkExpiry,
  parseAttestation,
  parseTransition,
  parseWaiver,
} from './requests';
import { MaturityStore } from './store/MaturityStore';

/** A capability ref as the routes carry it. */
export interface CapabilityPath {
  kind: string;
  namespace: string;
  name: string;
}

/** Where a capability stands: its model and stage, as recorded. */
interface Position {
  model: MaturityModelDefinition;
  index: number;
  /** The stage id of its latest transition; null while it never moved. */
  recorded: string | null;
  since?: string;
}

/**
 * Capabilities with their stages and exit criteria, attestations, waivers
 * and the append-only transitions between stages.
 */
export class MaturityService {
  constructor(
    private readonly deps: {
      store: MaturityStore;
      directory: CapabilityDirectory;
      access: CapabilityAccess;
      models: StageModels;
      metrics: Pick<MetricReader, 'list' | 'values'>;
      permissions: PermissionsService;
      notifier?: MaturityNotifier;
      logger?: LoggerService;
      now?: () => Date;
    },
  ) {}

  async capabilities(
    credentials: BackstageCredentials,
  ): Promise<MaturityCapabilitiesResponse> {
    await this.authorizeRead(credentials);
    const capabilities = await this.deps.directory.list(credentials);
    const [latest, attestations] = await Promise.all([
      this.deps.store.latestTransitions(),
      this.deps.store.listAttestations(capabilities.map(c => c.entityRef)),
    ]);
    const evaluator = this.evaluator(credentials);
    const items = await Promise.all(
      capabilities.map(c =>
        this.summary(c, latest.get(c.entityRef), attestations, evaluator),
      ),
    );
    const defaultModel = this.deps.models.models.get(
      this.deps.models.defaultModelId,
    )!;
    return {
      items,
      stages: defaultModel.stages.map(s => ({ id: s.id, title: s.title })),
    };
  }

  async capability(
    path: CapabilityPath,
    credentials: BackstageCredentials,
  ): Promise<MaturityCapabilityDetail> {
    await this.authorizeRead(credentials);
    const capability = await this.deps.directory.get(path, credentials);
    const [latest, attestations] = await Promise.all([
      this.latestOf(capability),
      this.deps.store.listAttestations([capability.entityRef]),
    ]);
    const evaluator = this.evaluator(credentials);
    const summary = await this.summary(
      capability,
      latest,
      attestations,
      evaluator,
    );
    const { model } = this.position(capability, latest);
    const stageDetails = await Promise.all(
      model.stages.map(async stage => ({
        id: stage.id,
        title: stage.title,
        ...(stage.description ? { description: stage.description } : {}),
        criteria: await evaluator.evaluate(
          capability,
          model.id,
          stage,
          attestations,
        ),
      })),
    );
    const [transition, attest] = await Promise.all([
      this.deps.access.decide(
        flywheelMaturityTransitionPermission,
        capability,
        credentials,
        'move capabilities between stages',
      ),
      this.deps.access.decide(
        flywheelMaturityAttestPermission,
        capability,
        credentials,
        'attest or waive criteria',
      ),
    ]);
    return {
      ...summary,
      stageDetails,
      allowed: { transition: transition.allowed, attest: attest.allowed },
      attestations,
    };
  }

  async history(
    path: CapabilityPath | undefined,
    credentials: BackstageCredentials,
  ): Promise<MaturityHistoryResponse> {
    await this.authorizeRead(credentials);
    const refs = path
      ? [(await this.deps.directory.get(path, credentials)).entityRef]
      : (await this.deps.directory.list(credentials)).map(c => c.entityRef);
    return {
      items: await this.deps.store.listTransitions({ capabilityRefs: refs }),
    };
  }

  async historyCsv(
    path: CapabilityPath | undefined,
    credentials: BackstageCredentials,
  ): Promise<{ filename: string; csv: string }> {
    const { items } = await this.history(path, credentials);
    return {
      filename: path
        ? `maturity-history-${path.name}.csv`
        : 'maturity-history.csv',
      csv: toCsv(
        [
          'at',
          'capability',
          'model',
          'modelVersion',
          'direction',
          'from',
          'to',
          'by',
          'rationale',
          'overrideReason',
          'criteria',
        ],
        items.map(t => [
          t.at,
          t.capabilityRef,
          t.modelId,
          String(t.modelVersion),
          t.direction,
          t.from?.title ?? '',
          t.to.title,
          t.by,
          t.rationale,
          t.overrideReason ?? '',
          t.criteria.map(c => `${c.title}: ${c.status}`).join('; '),
        ]),
      ),
    };
  }

  async models(
    credentials: BackstageCredentials,
  ): Promise<MaturityModelsResponse> {
    await this.authorizeRead(credentials);
    return { items: await this.deps.store.listModels() };
  }

  async transition(
    path: CapabilityPath,
    body: unknown,
    credentials: BackstageCredentials,
  ): Promise<MaturityTransition> {
    await this.authorizeRead(credentials);
    const request = parseTransition(body);
    const capability = await this.deps.directory.get(path, credentials);
    await this.authorize(
      flywheelMaturityTransitionPermission,
      capability,
      credentials,
      'move capabilities between stages',
    );
    const latest = await this.latestOf(capability);
    const { model, index, recorded } = this.position(capability, latest);
    const target = model.stages.findIndex(s => s.id === request.toStage);
    if (target < 0) {
      throw new InputError(
        `toStage must be a stage of ${model.title}: ${model.stages
          .map(s => s.id)
          .join(', ')}; got '${request.toStage}'`,
      );
    }
    if (request.initial) {
      return this.place(
        capability,
        model,
        target,
        request,
        credentials,
        recorded,
      );
    }
    if (target === index) {
      throw new InputError(
        `${capability.title} is already in ${model.stages[index].title}`,
      );
    }
    if (target > index + 1) {
      throw new InputError(
        `Promote one stage at a time: from ${
          model.stages[index].title
        } the next is ${model.stages[index + 1].title}`,
      );
    }
    const stage = model.stages[index];
    const attestations = await this.deps.store.listAttestations([
      capability.entityRef,
    ]);
    const criteria = await this.evaluator(credentials).evaluate(
      capability,
      model.id,
      stage,
      attestations,
    );
    const promotion = target > index;
    const blockers = promotion ? blockersOf(criteria) : [];
    if (blockers.length > 0 && !request.overrideReason) {
      throw new ConflictError(
        `Required exit criteria of ${stage.title} are not met: ${blockers
          .map(c => `${c.title} (${c.status}: ${c.reason})`)
          .join(
            '; ',
          )}. Give an overrideReason to promote anyway; it is recorded`,
      );
    }
    const transition = await this.deps.store.addTransition(
      {
        capabilityRef: capability.entityRef,
        modelId: model.id,
        modelVersion: model.version,
        from: { id: stage.id, title: stage.title },
        to: { id: model.stages[target].id, title: model.stages[target].title },
        direction: promotion ? 'promotion' : 'demotion',
        rationale: request.rationale,
        ...(blockers.length > 0
          ? { overrideReason: request.overrideReason }
          : {}),
        by: userRefOf(credentials)!,
        at: this.now(),
        criteria,
      },
      recorded,
    );
    await this.notify(() =>
      this.deps.notifier?.transitioned(capability, transition),
    );
    return transition;
  }

  /** Where a capability stands when tracking starts: no gate, once. */
  private async place(
    capability: Capability,
    model: MaturityModelDefinition,
    target: number,
    request: { rationale: string; overrideReason?: string },
    credentials: BackstageCredentials,
    recorded: string | null,
  ): Promise<MaturityTransition> {
    if (recorded !== null) {
      throw new ConflictError(
        `${capability.title} already has a history; promote or demote it instead`,
      );
    }
    if (request.overrideReason) {
      throw new InputError(
        'An initial placement asks no exit criteria: leave out overrideReason',
      );
    }
    const stage = model.stages[target];
    const transition = await this.deps.store.addTransition(
      {
        capabilityRef: capability.entityRef,
        modelId: model.id,
        modelVersion: model.version,
        from: null,
        to: { id: stage.id, title: stage.title },
        direction: 'initial',
        rationale: request.rationale,
        by: userRefOf(credentials)!,
        at: this.now(),
        criteria: [],
      },
      null,
    );
    await this.notify(() =>
      this.deps.notifier?.transitioned(capability, transition),
    );
    return transition;
  }

  async attest(
    path: CapabilityPath,
    body: unknown,
    credentials: BackstageCredentials,
  ): Promise<MaturityAttestation> {
    await this.authorizeRead(credentials);
    return this.record(
      'attestation',
      path,
      parseAttestation(body),
      credentials,
    );
  }

  async waive(
    path: CapabilityPath,
    body: unknown,
    credentials: BackstageCredentials,
  ): Promise<MaturityAttestation> {
    await this.authorizeRead(credentials);
    const { reason, ...request } = parseWaiver(body);
    return this.record(
      'waiver',
      path,
      { ...request, note: reason },
      credentials,
    );
  }

  /** An attestation (manual criteria only) or a waiver (any criterion). */
  private async record(
    kind: MaturityAttestation['kind'],
    path: CapabilityPath,
    request: {
      stageId: string;
      criterionId: string;
      note: string;
      evidenceUrl?: string;
      expiresAt?: string;
    },
    credentials: BackstageCredentials,
  ): Promise<MaturityAttestation> {
    const { capability, model } = await this.criterionTarget(
      path,
      request,
      credentials,
      kind === 'attestation' ? 'manual' : 'any',
    );
    return this.deps.store.addAttestation({
      kind,
      capabilityRef: capability.entityRef,
      modelId: model.id,
      stageId: request.stageId,
      criterionId: request.criterionId,
      by: userRefOf(credentials)!,
      at: this.now(),
      ...optional('evidenceUrl', request.evidenceUrl),
      note: request.note,
      ...optional('expiresAt', checkExpiry(request.expiresAt, this.now())),
    });
  }

  /** The capability's model and stage, as its latest transition left it. */
  position(capability: Capability, latest?: MaturityTransition): Position {
    const model = this.modelOf(capability);
    if (!latest) {
      return { model, index: 0, recorded: null };
    }
    const index = model.stages.findIndex(s => s.id === latest.to.id);
    if (index < 0) {
      this.deps.logger?.warn(
        `Capability ${capability.entityRef} is in stage '${latest.to.id}', which ${model.id} v${model.version} no longer has; shown in its first stage until it is moved`,
      );
    }
    return {
      model,
      index: Math.max(index, 0),
      recorded: latest.to.id,
      since: latest.at,
    };
  }

  /** The capability's own model, else the default (unknown ids warn). */
  modelOf(capability: Capability): MaturityModelDefinition {
    const { models, defaultModelId } = this.deps.models;
    if (capability.modelId && !models.has(capability.modelId)) {
      this.deps.logger?.warn(
        `Capability ${capability.entityRef} names stage model '${capability.modelId}', which is not configured; the default model is used`,
      );
    }
    return (
      (capability.modelId && models.get(capability.modelId)) ||
      models.get(defaultModelId)!
    );
  }

  async latestOf(
    capability: Capability,
  ): Promise<MaturityTransition | undefined> {
    const [latest] = await this.deps.store.listTransitions({
      capabilityRefs: [capability.entityRef],
      limit: 1,
    });
    return latest;
  }

  private async summary(
    capability: Capability,
    latest: MaturityTransition | undefined,
    attestations: MaturityAttestation[],
    evaluator: CriteriaEvaluator,
  ): Promise<MaturityCapability> {
    const { model, index, since } = this.position(capability, latest);
    const stage = model.stages[index];
    const next = model.stages[index + 1];
    const criteria = await evaluator.evaluate(
      capability,
      model.id,
      stage,
      attestations,
    );
    return {
      entityRef: capability.entityRef,
      title: capability.title,
      ...(capability.description
        ? { description: capability.description }
        : {}),
      owners: capability.owners,
      model: { id: model.id, version: model.version, title: model.title },
      stages: model.stages.map(s => ({ id: s.id, title: s.title })),
      stage: { id: stage.id, title: stage.title, index },
      ...(since ? { since } : {}),
      ...(next ? { next: { id: next.id, title: next.title } } : {}),
      criteria,
      progress: {
        met: criteria.filter(c => c.status === 'met' || c.status === 'waived')
          .length,
        total: criteria.length,
      },
      blockers: next ? blockersOf(criteria).map(c => c.title) : [],
    };
  }

  private async criterionTarget(
    path: CapabilityPath,
    request: { stageId: string; criterionId: string },
    credentials: BackstageCredentials,
    type: 'manual' | 'any',
  ) {
    const capability = await this.deps.directory.get(path, credentials);
    await this.authorize(
      flywheelMaturityAttestPermission,
      capability,
      credentials,
      'attest or waive criteria',
    );
    const model = this.modelOf(capability);
    const stage = model.stages.find(s => s.id === request.stageId);
    if (!stage) {
      throw new InputError(
        `stageId must be a stage of ${model.title}: ${model.stages
          .map(s => s.id)
          .join(', ')}; got '${request.stageId}'`,
      );
    }
    const criterion = stage.criteria.find(c => c.id === request.criterionId);
    if (!criterion) {
      throw new InputError(
        `criterionId must be a criterion of ${stage.title}: ${
          stage.criteria.map(c => c.id).join(', ') || 'it has none'
        }; got '${request.criterionId}'`,
      );
    }
    if (type === 'manual' && criterion.type !== 'manual') {
      throw new InputError(
        `'${criterion.title}' is measured from metrics and cannot be attested; waive it instead if it does not apply`,
      );
    }
    return { capability, model, stage, criterion };
  }

  private async authorize(
    permission:
      | typeof flywheelMaturityTransitionPermission
      | typeof flywheelMaturityAttestPermission,
    capability: Capability,
    credentials: BackstageCredentials,
    action: string,
  ) {
    const decision = await this.deps.access.decide(
      permission,
      capability,
      credentials,
      action,
    );
    if (!decision.allowed) {
      throw new NotAllowedError(decision.reason);
    }
  }

  private authorizeRead(credentials: BackstageCredentials) {
    return authorizeOrThrow(
      this.deps.permissions,
      flywheelMaturityReadPermission,
      credentials,
    );
  }

  evaluator(credentials: BackstageCredentials): CriteriaEvaluator {
    return new CriteriaEvaluator({
      metrics: this.deps.metrics,
      credentials,
      now: this.now(),
    });
  }

  /** A notification never undoes or fails a write that is done. */
  private async notify(send: () => Promise<void> | undefined) {
    try {
      await send();
    } catch (e) {
      this.deps.logger?.warn(
        `Could not send a maturity notification: ${(e as Error).message}`,
      );
    }
  }

  private now() {
    return this.deps.now?.() ?? new Date();
  }
}

/** Required criteria neither met nor waived. */
export function blockersOf(
  criteria: MaturityCriterionStatus[],
): MaturityCriterionStatus[] {
  return criteria.filter(
    c => c.required && c.status !== 'met' && c.status !== 'waived',
  );
}

function optional<K extends string, V>(
  key: K,
  value: V | undefined,
): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}
