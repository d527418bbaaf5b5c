import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { ExemptionStatus } from '@flywheel/plugin-flywheel-common';
import { normalizeRef } from '../../catalog/entityRefs';
import { toDate } from '../../database/rows';
import {
  ANCESTRY,
  EXEMPTIONS,
  ExemptionRow,
  RESULTS,
  toExemption,
} from './scorecardRows';
import { Exemption } from './storeTypes';

/** Exemption requests and their decisions. */
export class ExemptionStore {
  constructor(private readonly db: Knex) {}

  /**
   * Records a pending exemption request. ConflictError when the same check
   * of the same entity already has a pending or approved request that has
   * not expired at `at`.
   */
  async createExemption(
    input: {
      entityRef: string;
      scorecardId: string;
      checkId: string;
      justification: string;
      requestedBy: string;
      expiresAt: Date;
    },
    at: Date,
  ): Promise<Exemption> {
    if (input.expiresAt.getTime() <= at.getTime()) {
      throw new InputError('An exemption must expire in the future');
    }
    const row: ExemptionRow = {
      id: randomUUID(),
      entity_ref: input.entityRef,
      scorecard_id: input.scorecardId,
      check_id: input.checkId,
      justification: input.justification,
      requested_by: input.requestedBy,
      requested_at: at,
      expires_at: input.expiresAt,
      status: 'pending',
      decided_by: null,
      decided_at: null,
      decision_note: null,
      revoked_by: null,
      revoked_at: null,
      revoke_note: null,
    };
    await this.db.transaction(async trx => {
      const open = await trx<ExemptionRow>(EXEMPTIONS)
        .where({
          entity_ref: row.entity_ref,
          scorecard_id: row.scorecard_id,
          check_id: row.check_id,
        })
        .whereIn('status', ['pending', 'approved'])
        .andWhere('expires_at', '>', at)
        .first();
      if (open) {
        throw new ConflictError(
          `Check ${row.check_id} of scorecard ${row.scorecard_id} for ${
            row.entity_ref
          } already has ${
            open.status === 'pending' ? 'a pending' : 'an approved'
          } exemption (${open.id})`,
        );
      }
      await trx(EXEMPTIONS).insert(row);
    });
    return toExemption(row, at);
  }

  /**
   * Approves or rejects a pending request. NotFoundError when there is no
   * such exemption, ConflictError when it is not pending or, for an
   * approval, has already expired.
   */
  async decideExemption(
    id: string,
    input: {
      decision: 'approved' | 'rejected';
      decidedBy: string;
      note?: string;
    },
    at: Date,
  ): Promise<Exemption> {
    return this.changeExemption(
      id,
      at,
      row => {
        if (row.status !== 'pending') {
          throw new ConflictError(
            `Exemption ${id} is ${row.status}, not pending`,
          );
        }
        if (
          input.decision === 'approved' &&
          toDate(row.expires_at).getTime() <= at.getTime()
        ) {
          throw new ConflictError(`Exemption ${id} expired before approval`);
        }
      },
      {
        status: input.decision,
        decided_by: input.decidedBy,
        decided_at: at,
        decision_note: input.note ?? null,
      },
    );
  }

  /**
   * Revokes an approved exemption (expired or not); the approval stays on
   * record. NotFoundError when missing, ConflictError unless approved.
   */
  async revokeExemption(
    id: string,
    input: { revokedBy: string; note?: string },
    at: Date,
  ): Promise<Exemption> {
    return this.changeExemption(
      id,
      at,
      row => {
        if (row.status !== 'approved') {
          throw new ConflictError(
            `Exemption ${id} is ${row.status}; only approved ones can be revoked`,
          );
        }
      },
      {
        status: 'revoked',
        revoked_by: input.revokedBy,
        revoked_at: at,
        revoke_note: input.note ?? null,
      },
    );
  }

  private async changeExemption(
    id: string,
    at: Date,
    check: (row: ExemptionRow) => void,
    update: Partial<ExemptionRow>,
  ): Promise<Exemption> {
    return this.db.transaction(async trx => {
      const row = await trx<ExemptionRow>(EXEMPTIONS).where('id', id).first();
      if (!row) {
        throw new NotFoundError(`No exemption ${id}`);
      }
      check(row);
      // Guarded by the status read above, so a concurrent decision loses.
      const updated = await trx(EXEMPTIONS)
        .where({ id, status: row.status })
        .update(update);
      if (updated !== 1) {
        throw new ConflictError(`Exemption ${id} changed concurrently`);
      }
      return toExemption({ ...row, ...update } as ExemptionRow, at);
    });
  }

  /** One exemption; `expired` is judged at `now`. */
  async getExemption(
    id: string,
    now: Date = new Date(),
  ): Promise<Exemption | undefined> {
    const row = await this.db<ExemptionRow>(EXEMPTIONS).where('id', id).first();
    return row ? toExemption(row, now) : undefined;
  }

  /**
   * Exemptions, newest request first. `groupRef` keeps those of entities
   * owned by the group or a sub-team (by the owner in the latest results).
   * `expired` is judged at `now` (default: the current time).
   */
  async listExemptions(options: {
    entityRef?: string;
    scorecardId?: string;
    status?: ExemptionStatus;
    groupRef?: string;
    now?: Date;
  }): Promise<Exemption[]> {
    const query = this.db<ExemptionRow>(EXEMPTIONS).orderBy([
      { column: 'requested_at', order: 'desc' },
      { column: 'id', order: 'asc' },
    ]);
    if (options.entityRef !== undefined) {
      query.where('entity_ref', options.entityRef);
    }
    if (options.scorecardId !== undefined) {
      query.where('scorecard_id', options.scorecardId);
    }
    if (options.status !== undefined) {
      query.where('status', options.status);
    }
    if (options.groupRef !== undefined) {
      query.whereIn(
        'entity_ref',
        this.db(`${RESULTS} as r`)
          .join(`${ANCESTRY} as ga`, 'ga.descendant_ref', 'r.owner_ref')
          .where('ga.ancestor_ref', normalizeRef(options.groupRef))
          .distinct('r.entity_ref'),
      );
    }
    const now = options.now ?? new Date();
    return (await query).map(row => toExemption(row, now));
  }

  /**
   * Exemptions approved and unexpired at `at`, keyed
   * `${entityRef}\u0000${scorecardId}\u0000${checkId}`.
   */
  async activeExemptions(at: Date): Promise<Map<string, Exemption>> {
    const rows = await this.db<ExemptionRow>(EXEMPTIONS)
      .where('status', 'approved')
      .andWhere('expires_at', '>', at);
    return new Map(
      rows.map(row => [
        `${row.entity_ref}\u0000${row.scorecard_id}\u0000${row.check_id}`,
        toExemption(row, at),
      ]),
    );
  }
}
