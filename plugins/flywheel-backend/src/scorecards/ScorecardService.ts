import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { BasicPermission } from '@backstage/plugin-permission-common';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  EntityResultsResponse,
  flywheelScorecardsReadPermission,
  flywheelScorecardsRefreshPermission,
  GroupRollupResponse,
  LeaderboardResponse,
  ScorecardHistoryResponse,
  ScorecardInfo,
  ScorecardsResponse,
} from '@flywheel/plugin-flywheel-common';
import { DateTime } from 'luxon';
import { CatalogReader } from '../catalog/CatalogReader';
import { parseFullRef, parseRefOfKind } from '../catalog/entityRefs';
import { authorizeOrThrow } from '../permissions/authorize';
import { ScorecardDefinition, ScorecardsById } from './definitions';
import { ScorecardEngine } from './engine/ScorecardEngine';
import { toCsv } from '../http/csv';
import type { ScorecardStore } from './store/ScorecardStore';
import { EntityVisibility, VisibleEntities } from '../catalog/EntityVisibility';

/** Why a group or catalog series is not shown to a caller. */
export const HISTORY_WITHHELD =
  'This scope includes entities you may not see in the catalog. Stored daily snapshots are totals over all of its entities and cannot be recomputed without them, so the series is withheld.';

const EMPTY_ROLLUP = {
  entityCount: 0,
  averageScore: null,
  levels: {},
  checks: [],
  subTeams: [],
};

function toInfo(scorecard: ScorecardDefinition): ScorecardInfo {
  const { filter: _filter, checks, ...info } = scorecard;
  return {
    ...info,
    checks: checks.map(({ params: _params, ...check }) => check),
  };
}

/** Scorecard reads and writes behind the API: validation, then engine and store. */
export class ScorecardService {
  private readonly scorecards: ScorecardsById;

  constructor(
    private readonly deps: {
      engine: ScorecardEngine;
      store: ScorecardStore;
      catalog: CatalogReader;
      /** Which entities each caller may see; every read is limited to them. */
      visibility: EntityVisibility;
      permissions: PermissionsService;
      now?: () => Date;
    },
  ) {
    this.scorecards = new ScorecardsById(deps.engine.scorecards);
  }

  async listScorecards(
    credentials: BackstageCredentials,
  ): Promise<ScorecardsResponse> {
    await this.authorize(credentials, flywheelScorecardsReadPermission);
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
    await this.authorize(credentials, flywheelScorecardsReadPermission);
    return this.readEntityResults(entityRefInput, credentials);
  }

  private async readEntityResults(
    entityRefInput: string,
    credentials: BackstageCredentials,
  ): Promise<EntityResultsResponse> {
    const entityRef = parseFullRef(entityRefInput, 'entityRef');
    // Stored results or not, an entity the caller may not see is unknown.
    // Asked of the visibility cache: with no restrictive policy that is one
    // permission decision per principal and 30 s, not a catalog read per view.
    const visible = await this.deps.visibility.visibleTo(credentials);
    if (!visible.has(entityRef)) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    let results = await this.deps.store.getEntityResults(entityRef);
    if (results.length === 0) {
      await this.requireEntity(entityRef, credentials);
      await this.deps.engine.evaluateEntities([entityRef]);
      results = await this.deps.store.getEntityResults(entityRef);
    }
    return {
      entityRef,
      results: results.filter(r => this.scorecards.has(r.scorecardId)),
    };
  }

  async refresh(
    entityRefInput: string,
    credentials: BackstageCredentials,
  ): Promise<EntityResultsResponse> {
    await this.authorize(credentials, flywheelScorecardsRefreshPermission);
    const entityRef = parseFullRef(entityRefInput, 'entityRef');
    await this.requireEntity(entityRef, credentials);
    await this.deps.engine.evaluateEntities([entityRef]);
    return this.readEntityResults(entityRef, credentials);
  }

  /**
   * A team's rollups, or the whole catalog's without a group, over the
   * entities the caller may see. When the caller sees every scored entity
   * (no restrictive catalog policy) the stored aggregates answer as they
   * are; otherwise the hidden entities' results are taken out of them. A
   * group the caller may not see is answered like one that does not exist,
   * and hidden sub-teams are left out (their visible entities still count
   * in the team's totals).
   */
  async rollup(
    groupRefInput: string | undefined,
    scorecardId: string | undefined,
    credentials: BackstageCredentials,
  ): Promise<GroupRollupResponse> {
    await this.authorize(credentials, flywheelScorecardsReadPermission);
    const groupRef =
      groupRefInput === undefined
        ? undefined
        : parseRefOfKind(groupRefInput, 'group', 'groupRef');
    const ids = scorecardId
      ? [this.scorecards.require(scorecardId).id]
      : this.scorecards.ids();
    const visible = await this.deps.visibility.visibleTo(credentials);
    const rollups = await Promise.all(
      ids.map(async id => {
        if (groupRef !== undefined && !visible.has(groupRef)) {
          return { scorecardId: id, ...EMPTY_ROLLUP };
        }
        const rollup = await this.deps.store.rollup(
          groupRef,
          id,
          await this.hidden(id, visible),
        );
        return {
          scorecardId: id,
          ...rollup,
          subTeams: rollup.subTeams.filter(t => visible.has(t.groupRef)),
        };
      }),
    );
    return groupRef === undefined ? { rollups } : { groupRef, rollups };
  }

  /**
   * Every team with entities the caller may see, figures over those only;
   * teams the caller may not see are left out, and a parent they may not
   * see is not named.
   */
  async leaderboard(
    scorecardId: string,
    credentials: BackstageCredentials,
  ): Promise<LeaderboardResponse> {
    await this.authorize(credentials, flywheelScorecardsReadPermission);
    const { id } = this.scorecards.require(scorecardId);
    const visible = await this.deps.visibility.visibleTo(credentials);
    const items = await this.deps.store.leaderboard(
      id,
      await this.hidden(id, visible),
    );
    return {
      scorecardId: id,
      items: items
        .filter(item => visible.has(item.groupRef))
        .map(({ parentRef, ...item }) =>
          parentRef && visible.has(parentRef) ? { ...item, parentRef } : item,
        ),
    };
  }

  /**
   * A snapshot series. Stored group and catalog snapshots are sums over
   * entities that cannot be taken apart again, so when the scope holds an
   * entity the caller may not see the series is withheld (no points, and
   * `withheld` says why). An entity's own series needs the entity to be
   * visible; otherwise it has no points, like an unknown entity.
   */
  async history(
    options: {
      scorecardId: string;
      scope: 'entity' | 'group' | 'scorecard';
      ref?: string;
      days?: number;
    },
    credentials: BackstageCredentials,
  ): Promise<ScorecardHistoryResponse> {
    await this.authorize(credentials, flywheelScorecardsReadPermission);
    const { id } = this.scorecards.require(options.scorecardId);
    let ref: string | undefined;
    if (options.scope === 'group') {
      ref = parseRefOfKind(options.ref ?? '', 'group', 'ref');
    } else if (options.scope === 'entity') {
      ref = parseFullRef(options.ref ?? '', 'ref');
    }
    const empty = { scorecardId: id, scope: options.scope, ref, points: [] };
    const visible = await this.deps.visibility.visibleTo(credentials);
    if (ref !== undefined && !visible.has(ref)) {
      return empty;
    }
    if (options.scope !== 'entity') {
      const hidden = await this.hidden(id, visible);
      if (
        hidden.length > 0 &&
        (await this.deps.store.countInScope(id, ref, hidden)) > 0
      ) {
        return { ...empty, withheld: HISTORY_WITHHELD };
      }
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

  /**
   * Entity results of the entities the caller may see, paged; the total
   * counts only those.
   */
  async entities(
    options: {
      scorecardId: string;
      groupRef?: string;
      failingCheck?: string;
      limit?: number;
      offset?: number;
    },
    credentials: BackstageCredentials,
  ) {
    await this.authorize(credentials, flywheelScorecardsReadPermission);
    return this.entityPage(options, credentials);
  }

  private async entityPage(
    options: {
      scorecardId: string;
      groupRef?: string;
      failingCheck?: string;
      limit?: number;
      offset?: number;
    },
    credentials: BackstageCredentials,
  ) {
    const scorecard = this.scorecards.require(options.scorecardId);
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
    const visible = await this.deps.visibility.visibleTo(credentials);
    if (groupRef !== undefined && !visible.has(groupRef)) {
      return { items: [], totalCount: 0 };
    }
    return this.deps.store.listEntityResults({
      scorecardId: scorecard.id,
      groupRef,
      failingCheck: options.failingCheck,
      limit: options.limit ?? 100,
      offset: options.offset ?? 0,
      hidden: await this.hidden(scorecard.id, visible),
    });
  }

  /**
   * Every entity result of a scorecard (in a team's subtree, only those a
   * check counts against) as CSV.
   */
  async exportCsv(
    options: {
      scorecardId: string;
      groupRef?: string;
      failingCheck?: string;
    },
    credentials: BackstageCredentials,
  ): Promise<string> {
    const scorecard = this.scorecards.require(options.scorecardId);
    const rows: string[][] = [];
    const pageSize = 1000;
    for (let offset = 0; ; offset += pageSize) {
      await this.authorize(credentials, flywheelScorecardsReadPermission);
      const page = await this.entityPage(
        { ...options, limit: pageSize, offset },
        credentials,
      );
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

  private async authorize(
    credentials: BackstageCredentials,
    permission: BasicPermission,
  ) {
    await authorizeOrThrow(this.deps.permissions, permission, credentials);
  }

  private now() {
    return this.deps.now?.() ?? new Date();
  }

  /** The scorecard's scored entities the caller may not see. */
  private async hidden(
    scorecardId: string,
    visible: VisibleEntities,
  ): Promise<string[]> {
    if (visible.all) {
      return []; // the usual case: the stored aggregates as they are
    }
    const refs = await this.deps.store.scoredEntityRefs(scorecardId);
    return refs.filter(ref => !visible.has(ref));
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
