import { ConflictError } from '@backstage/errors';
import {
  MaturityAttestation,
  MaturityCriterionState,
  MaturityCriterionStatus,
  MaturityModelDefinition,
  MaturityTransition,
} from '@flywheel/plugin-flywheel-common';
import { Knex } from 'knex';
import { randomUUID as uuid } from 'node:crypto';
import { toIso } from '../../database/rows';

const MODELS = 'maturity_models';
const TRANSITIONS = 'maturity_transitions';
const ATTESTATIONS = 'maturity_attestations';
const CRITERION_STATES = 'maturity_criterion_states';
const TARGETS = 'outcome_targets';

type TransitionRow = {
  id: string;
  capability_ref: string;
  seq: number;
  model_id: string;
  model_version: number;
  from_stage: string | null;
  from_title: string | null;
  to_stage: string;
  to_title: string;
  direction: string;
  rationale: string;
  override_reason: string | null;
  actor_ref: string;
  created_at: Date | string | number;
  criteria: string;
};

type AttestationRow = {
  id: string;
  kind: string;
  capability_ref: string;
  model_id: string;
  stage_id: string;
  criterion_id: string;
  actor_ref: string;
  evidence_url: string | null;
  note: string;
  created_at: Date | string | number;
  expires_at: Date | string | number | null;
};

/** A transition to record: stage titles are frozen with it. */
export type NewTransition = Omit<MaturityTransition, 'id' | 'at'> & {
  at: Date;
};

export type NewAttestation = Omit<MaturityAttestation, 'id' | 'at'> & {
  at: Date;
};

/** A criterion's last seen status, for the watch task. */
export interface CriterionStateKey {
  capabilityRef: string;
  modelId: string;
  stageId: string;
  criterionId: string;
}

/**
 * Stage models, transitions, attestations, criterion states and outcome
 * targets. Transitions and attestations are only ever appended.
 */
export class MaturityStore {
  constructor(private readonly db: Knex) {}

  /**
   * Records each configured model version the first time it is seen. A
   * version whose definition changed is refused: history made under it must
   * stay readable as it was.
   */
  async registerModels(
    models: MaturityModelDefinition[],
    now: Date,
  ): Promise<void> {
    for (const model of models) {
      const definition = JSON.stringify(model);
      const existing = await this.db(MODELS)
        .where({ model_id: model.id, version: model.version })
        .first();
      if (!existing) {
        await this.db(MODELS)
          .insert({
            model_id: model.id,
            version: model.version,
            definition,
            first_seen_at: now,
          })
          .onConflict(['model_id', 'version'])
          .ignore();
      } else if (!sameModel(existing.definition, model)) {
        throw new ConflictError(
          `Stage model '${model.id}' version ${model.version} differs from the one recorded earlier; raise its version when you change its stages or criteria`,
        );
      }
    }
  }

  async listModels(): Promise<MaturityModelDefinition[]> {
    const rows = await this.db(MODELS).orderBy([
      { column: 'model_id' },
      { column: 'version' },
    ]);
    return rows.map(r => JSON.parse(r.definition));
  }

  async getModel(
    modelId: string,
    version: number,
  ): Promise<MaturityModelDefinition | undefined> {
    const row = await this.db(MODELS)
      .where({ model_id: modelId, version })
      .first();
    return row ? JSON.parse(row.definition) : undefined;
  }

  /**
   * Appends a transition if the capability is still where the caller saw it
   * (`expectedStage`: the stage id of its latest transition, null if it
   * never moved); otherwise, or when another move lands at the same time,
   * ConflictError and nothing stored.
   */
  async addTransition(
    t: NewTransition,
    expectedStage: string | null,
  ): Promise<MaturityTransition> {
    const id = uuid();
    try {
      await this.db.transaction(async tx => {
        const latest = await tx<TransitionRow>(TRANSITIONS)
          .where({ capability_ref: t.capabilityRef })
          .orderBy('seq', 'desc')
          .first();
        if ((latest?.to_stage ?? null) !== expectedStage) {
          throw new ConflictError(
            `${t.capabilityRef} moved meanwhile (now in '${latest?.to_stage}'); reload and try again`,
          );
        }
        await tx<TransitionRow>(TRANSITIONS).insert({
          id,
          capability_ref: t.capabilityRef,
          seq: (latest?.seq ?? 0) + 1,
          model_id: t.modelId,
          model_version: t.modelVersion,
          from_stage: t.from?.id ?? null,
          from_title: t.from?.title ?? null,
          to_stage: t.to.id,
          to_title: t.to.title,
          direction: t.direction,
          rationale: t.rationale,
          override_reason: t.overrideReason ?? null,
          actor_ref: t.by,
          created_at: t.at,
          criteria: JSON.stringify(t.criteria),
        });
      });
    } catch (e) {
      if (e instanceof ConflictError) {
        throw e;
      }
      if (/unique|duplicate/i.test(String((e as Error).message))) {
        throw new ConflictError(
          `${t.capabilityRef} was moved by someone else at the same moment; reload and try again`,
        );
      }
      throw e;
    }
    return { ...t, id, at: t.at.toISOString() };
  }

  /** Newest first; of the given capabilities, or all. */
  async listTransitions(options: {
    capabilityRefs?: string[];
    limit?: number;
  }): Promise<MaturityTransition[]> {
    let query = this.db<TransitionRow>(TRANSITIONS).orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'seq', order: 'desc' },
    ]);
    if (options.capabilityRefs) {
      if (options.capabilityRefs.length === 0) {
        return [];
      }
      query = query.whereIn('capability_ref', options.capabilityRefs);
    }
    if (options.limit) {
      query = query.limit(options.limit);
    }
    return (await query).map(toTransition);
  }

  /** Each capability's latest transition. */
  async latestTransitions(): Promise<Map<string, MaturityTransition>> {
    const rows = await this.db<TransitionRow>(TRANSITIONS).orderBy([
      { column: 'capability_ref', order: 'asc' },
      { column: 'seq', order: 'asc' },
    ]);
    const latest = new Map<string, MaturityTransition>();
    for (const row of rows) {
      latest.set(row.capability_ref, toTransition(row));
    }
    return latest;
  }

  async addAttestation(a: NewAttestation): Promise<MaturityAttestation> {
    const id = uuid();
    await this.db<AttestationRow>(ATTESTATIONS).insert({
      id,
      kind: a.kind,
      capability_ref: a.capabilityRef,
      model_id: a.modelId,
      stage_id: a.stageId,
      criterion_id: a.criterionId,
      actor_ref: a.by,
      evidence_url: a.evidenceUrl ?? null,
      note: a.note,
      created_at: a.at,
      expires_at: a.expiresAt ? new Date(a.expiresAt) : null,
    });
    return { ...a, id, at: a.at.toISOString() };
  }

  /** Every attestation and waiver of the capabilities, newest first. */
  async listAttestations(
    capabilityRefs: string[],
  ): Promise<MaturityAttestation[]> {
    if (capabilityRefs.length === 0) {
      return [];
    }
    const rows = await this.db<AttestationRow>(ATTESTATIONS)
      .whereIn('capability_ref', capabilityRefs)
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ]);
    return rows.map(toAttestation);
  }

  async criterionStates(): Promise<Map<string, MaturityCriterionState>> {
    const rows = await this.db(CRITERION_STATES);
    return new Map(
      rows.map(r => [
        stateKey({
          capabilityRef: r.capability_ref,
          modelId: r.model_id,
          stageId: r.stage_id,
          criterionId: r.criterion_id,
        }),
        r.status as MaturityCriterionState,
      ]),
    );
  }

  async setCriterionStates(
    states: Array<CriterionStateKey & { status: MaturityCriterionState }>,
    now: Date,
  ): Promise<void> {
    for (const s of states) {
      await this.db(CRITERION_STATES)
        .insert({
          capability_ref: s.capabilityRef,
          model_id: s.modelId,
          stage_id: s.stageId,
          criterion_id: s.criterionId,
          status: s.status,
          changed_at: now,
        })
        .onConflict(['capability_ref', 'model_id', 'stage_id', 'criterion_id'])
        .merge(['status', 'changed_at']);
    }
  }

  async listTargets(): Promise<
    Map<string, { value: number; setBy: string; setAt: string }>
  > {
    const rows = await this.db(TARGETS);
    return new Map(
      rows.map(r => [
        r.outcome_key,
        { value: Number(r.value), setBy: r.set_by, setAt: toIso(r.set_at) },
      ]),
    );
  }

  async setTarget(
    key: string,
    value: number,
    setBy: string,
    now: Date,
  ): Promise<void> {
    await this.db(TARGETS)
      .insert({ outcome_key: key, value, set_by: setBy, set_at: now })
      .onConflict('outcome_key')
      .merge(['value', 'set_by', 'set_at']);
  }

  /** True when a target was set in the UI and is now removed. */
  async deleteTarget(key: string): Promise<boolean> {
    return (await this.db(TARGETS).where({ outcome_key: key }).delete()) > 0;
  }
}

export function stateKey(k: CriterionStateKey): string {
  return JSON.stringify([k.capabilityRef, k.modelId, k.stageId, k.criterionId]);
}

function sameModel(stored: string, model: MaturityModelDefinition): boolean {
  return stored === JSON.stringify(model);
}

function toTransition(row: TransitionRow): MaturityTransition {
  return {
    id: row.id,
    capabilityRef: row.capability_ref,
    modelId: row.model_id,
    modelVersion: Number(row.model_version),
    from: row.from_stage
      ? { id: row.from_stage, title: row.from_title ?? row.from_stage }
      : null,
    to: { id: row.to_stage, title: row.to_title },
    direction: row.direction as MaturityTransition['direction'],
    rationale: row.rationale,
    ...(row.override_reason ? { overrideReason: row.override_reason } : {}),
    by: row.actor_ref,
    at: toIso(row.created_at),
    criteria: JSON.parse(row.criteria) as MaturityCriterionStatus[],
  };
}

function toAttestation(row: AttestationRow): MaturityAttestation {
  return {
    id: row.id,
    kind: row.kind as MaturityAttestation['kind'],
    capabilityRef: row.capability_ref,
    modelId: row.model_id,
    stageId: row.stage_id,
    criterionId: row.criterion_id,
    by: row.actor_ref,
    at: toIso(row.created_at),
    ...(row.evidence_url ? { evidenceUrl: row.evidence_url } : {}),
    note: row.note,
    ...(row.expires_at ? { expiresAt: toIso(row.expires_at) } : {}),
  };
}
