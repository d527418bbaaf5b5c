import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  EntityResultsResponse,
  GroupRollupResponse,
  LeaderboardResponse,
  ScorecardExemption,
  ScorecardHistoryResponse,
  ScorecardInfo,
  ScorecardsResponse,
} from '@flywheel/plugin-flywheel-common';
import { DateTime } from 'luxon';
import { CatalogReader } from '../catalog/CatalogReader';
import { parseRefOfKind } from '../goldenPaths/GoldenPathService';
import { ScorecardDefinition } from './definitions';
import { ScorecardEngine } from './engine/ScorecardEngine';
import { toCsv } from '../service/csv';
import type { ExemptionStatus, ScorecardStore } from './store/ScorecardStore';

const MAX_EXEMPTION_DAYS = 366;

function parseAnyRef(value: string, field: string): string {
  try {
    return stringifyEntityRef(parseEntityRef(value));
  } catch {
    throw new InputError(
      `${field} must be an entity ref like component:default/name, got '${value}'`,
    );
  }
}

function toInfo(scorecard: ScorecardDefinition): ScorecardInfo {
  const { filter: _filter, checks, ...info } = scorecard;
  return {
    ...info,
    checks: checks.map(({ params: _params, ...check }) => check),
  };
}

/** Scorecard reads and writes behind the API: validation, then engine and store. */
export class ScorecardService {
  private readonly byId: Map<string, ScorecardDefinition>;

  constructor(
    private readonly deps: {
      engine: ScorecardEngine;
      store: ScorecardStore;
      catalog: CatalogReader;
      now?: () => Date;
    },
  ) {
    this.byId = new Map(deps.engine.scorecards.map(s => [s.id, s]));
  }

  listScorecards(): ScorecardsResponse {
    return { items: this.deps.engine.scorecards.map(toInfo) };
  }

  /**
   * An entity's results. An entity the engine has not seen yet (new in the
   * catalog since the last run) is evaluated on the spot.
   */
  async entityResults(
    entityRefInput: string,
    credentials: BackstageCredentials,
  ): Promise<EntityResultsResponse> {
    const entityRef = parseAnyRef(entityRefInput, 'entityRef');
    let results = await this.deps.store.getEntityResults(entityRef);
    if (results.length === 0) {
      await this.requireEntity(entityRef, credentials);
      await this.deps.engine.evaluateEntities([entityRef]);
      results = await this.deps.store.getEntityResults(entityRef);
    }
    return {
      entityRef,
      results: results.filter(r => this.byId.has(r.scorecardId)),
    };
  }

  async refresh(
    entityRefInput: string,
    credentials: BackstageCredentials,
  ): Promise<EntityResultsResponse> {
    const entityRef = parseAnyRef(entityRefInput, 'entityRef');
    await this.requireEntity(entityRef, credentials);
    await this.deps.engine.evaluateEntities([entityRef]);
    return this.entityResults(entityRef, credentials);
  }

  /** A team's rollups, or the whole catalog's without a group. */
  async rollup(
    groupRefInput: string | undefined,
    scorecardId: string | undefined,
  ): Promise<GroupRollupResponse> {
    const groupRef =
      groupRefInput === undefined
        ? undefined
        : parseRefOfKind(groupRefInput, 'group', 'groupRef');
    const ids = scorecardId
      ? [this.requireScorecard(scorecardId).id]
      : [...this.byId.keys()];
    const rollups = await Promise.all(
      ids.map(async id => ({
        scorecardId: id,
        ...(await this.deps.store.rollup(groupRef, id)),
      })),
    );
    return groupRef === undefined ? { rollups } : { groupRef, rollups };
  }

  async leaderboard(scorecardId: string): Promise<LeaderboardResponse> {
    const { id } = this.requireScorecard(scorecardId);
    return { scorecardId: id, items: await this.deps.store.leaderboard(id) };
  }

  async history(options: {
    scorecardId: string;
    scope: 'entity' | 'group' | 'scorecard';
    ref?: string;
    days?: number;
  }): Promise<ScorecardHistoryResponse> {
    const { id } = this.requireScorecard(options.scorecardId);
    let ref: string | undefined;
    if (options.scope === 'group') {
      ref = parseRefOfKind(options.ref ?? '', 'group', 'ref');
    } else if (options.scope === 'entity') {
      ref = parseAnyRef(options.ref ?? '', 'ref');
    }
    const to = DateTime.fromJSDate(this.now(), { zone: 'utc' });
    const from = to.minus({ days: (options.days ?? 90) - 1 });
    const points = await this.deps.store.history({
      scope: options.scope,
      ref,
      scorecardId: id,
      from: from.toISODate()!,
      to: to.toISODate()!,
    });
    return { scorecardId: id, scope: options.scope, ref, points };
  }

  async entities(options: {
    scorecardId: string;
    groupRef?: string;
    failingCheck?: string;
    limit?: number;
    offset?: number;
  }) {
    const scorecard = this.requireScorecard(options.scorecardId);
    const groupRef =
      options.groupRef !== undefined
        ? parseRefOfKind(options.groupRef, 'group', 'groupRef')
        : undefined;
    if (
      options.failingCheck !== undefined &&
      !scorecard.checks.some(c => c.id === options.failingCheck)
    ) {
      throw new InputError(
        `failingCheck: scorecard '${scorecard.id}' has no check '${
          options.failingCheck
        }' (checks: ${scorecard.checks.map(c => c.id).join(', ')})`,
      );
    }
    return this.deps.store.listEntityResults({
      scorecardId: scorecard.id,
      groupRef,
      failingCheck: options.failingCheck,
      limit: options.limit ?? 100,
      offset: options.offset ?? 0,
    });
  }

  /**
   * Every entity result of a scorecard (in a team's subtree, only those a
   * check counts against) as CSV.
   */
  async exportCsv(options: {
    scorecardId: string;
    groupRef?: string;
    failingCheck?: string;
  }): Promise<string> {
    const scorecard = this.requireScorecard(options.scorecardId);
    const rows: string[][] = [];
    const pageSize = 1000;
    for (let offset = 0; ; offset += pageSize) {
      const page = await this.entities({ ...options, limit: pageSize, offset });
      for (const r of page.items) {
        rows.push([
          r.entityRef,
          r.ownerRef ?? '',
          scorecard.levels.find(l => l.id === r.level)?.title ?? 'None',
          r.score === null ? '' : String(r.score),
          String(r.counts.pass),
          String(r.counts.warn),
          String(r.counts.fail),
          String(r.counts.unknown),
          String(r.counts.exempt),
          String(r.counts['not-applicable']),
          r.evaluatedAt,
        ]);
      }
      if (offset + pageSize >= page.totalCount) {
        break;
      }
    }
    return toCsv(
      [
        'entityRef',
        'owner',
        'level',
        'score',
        'pass',
        'warn',
        'fail',
        'unknown',
        'exempt',
        'notApplicable',
        'evaluatedAt',
      ],
      rows,
    );
  }

  async listExemptions(options: {
    entityRef?: string;
    scorecardId?: string;
    groupRef?: string;
    status?: ExemptionStatus;
  }): Promise<{ items: ScorecardExemption[] }> {
    return {
      items: await this.deps.store.listExemptions({
        entityRef:
          options.entityRef !== undefined
            ? parseAnyRef(options.entityRef, 'entityRef')
            : undefined,
        scorecardId: options.scorecardId,
        groupRef:
          options.groupRef !== undefined
            ? parseRefOfKind(options.groupRef, 'group', 'groupRef')
            : undefined,
        status: options.status,
      }),
    };
  }

  async requestExemption(
    input: {
      entityRef: string;
      scorecardId: string;
      checkId: string;
      justification: string;
      expiresAt: string;
    },
    requestedBy: string,
    credentials: BackstageCredentials,
  ): Promise<ScorecardExemption> {
    const entityRef = parseAnyRef(input.entityRef, 'entityRef');
    const scorecard = this.requireScorecard(input.scorecardId);
    if (!scorecard.checks.some(c => c.id === input.checkId)) {
      throw new InputError(
        `Scorecard '${scorecard.id}' has no check '${
          input.checkId
        }' (checks: ${scorecard.checks.map(c => c.id).join(', ')})`,
      );
    }
    const now = DateTime.fromJSDate(this.now(), { zone: 'utc' });
    const expiresAt = DateTime.fromISO(input.expiresAt, { zone: 'utc' });
    if (!expiresAt.isValid || expiresAt <= now) {
      throw new InputError(
        `expiresAt must be a date-time in the future, got '${input.expiresAt}'`,
      );
    }
    if (expiresAt > now.plus({ days: MAX_EXEMPTION_DAYS })) {
      throw new InputError(
        `expiresAt must be within ${MAX_EXEMPTION_DAYS} days; exemptions are meant to be revisited`,
      );
    }
    if (input.justification.trim().length < 10) {
      throw new InputError(
        'justification must explain why, in at least 10 characters',
      );
    }
    await this.requireEntity(entityRef, credentials);
    return this.deps.store.createExemption(
      {
        entityRef,
        scorecardId: scorecard.id,
        checkId: input.checkId,
        justification: input.justification.trim(),
        requestedBy,
        expiresAt: expiresAt.toJSDate(),
      },
      this.now(),
    );
  }

  /**
   * Approves or rejects a pending exemption. A rejection must say why, so
   * the requester knows what to do instead: a missing or blank note is an
   * InputError (400) and nothing is stored.
   */
  async decideExemption(
    id: string,
    input: { decision: 'approved' | 'rejected'; note?: string },
    decidedBy: string,
  ): Promise<ScorecardExemption> {
    const note = input.note?.trim() || undefined;
    if (input.decision === 'rejected' && !note) {
      throw new InputError(
        'A rejection needs a note saying why, so the requester knows what to do instead; note is missing or blank',
      );
    }
    const exemption = await this.deps.store.decideExemption(
      id,
      { decision: input.decision, decidedBy, note },
      this.now(),
    );
    await this.deps.engine.evaluateEntities([exemption.entityRef]);
    return exemption;
  }

  async revokeExemption(
    id: string,
    input: { note?: string },
    revokedBy: string,
  ): Promise<ScorecardExemption> {
    const exemption = await this.deps.store.revokeExemption(
      id,
      { revokedBy, note: input.note },
      this.now(),
    );
    await this.deps.engine.evaluateEntities([exemption.entityRef]);
    return exemption;
  }

  private now() {
    return this.deps.now?.() ?? new Date();
  }

  private requireScorecard(id: string): ScorecardDefinition {
    const scorecard = this.byId.get(id);
    if (!scorecard) {
      throw new NotFoundError(
        `No scorecard '${id}' (scorecards: ${[...this.byId.keys()].join(
          ', ',
        )})`,
      );
    }
    return scorecard;
  }

  private async requireEntity(
    entityRef: string,
    credentials: BackstageCredentials,
  ) {
    if (!(await this.deps.catalog.getEntity(entityRef, credentials))) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
  }
}
