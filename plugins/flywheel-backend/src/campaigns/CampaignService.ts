import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  Campaign,
  CampaignCounts,
  CampaignItem,
  CampaignItemsResponse,
  CampaignMemberState,
  CampaignMembershipsResponse,
  CampaignProgressResponse,
  CampaignsResponse,
  CampaignState,
  CampaignTeamProgress,
  CampaignTeamsResponse,
  describeCampaignGoal,
  flywheelCampaignsManagePermission,
  flywheelCampaignsReadPermission,
} from '@flywheel/plugin-flywheel-common';
import { parseFullRef, parseRefOfKind } from '../catalog/entityRefs';
import { OrgGraph } from '../catalog/OrgGraph';
import { EntityVisibility, VisibleEntities } from '../catalog/EntityVisibility';
import { ScorecardGoals } from '../interfaces/scorecardGoals';
import { authorizeOrThrow } from '../permissions/authorize';
import { userRefOf } from '../permissions/principals';
import { parseCampaignDefinition } from './definitions/campaignSchema';
import { goalScorecard } from './goals/goals';
import { idealLine, projectCompletion } from './progress/projection';
import type { CampaignRefresh } from './CampaignRefresh';
import { sumCounts } from './CampaignRefresh';
import type {
  CampaignRecord,
  CampaignStore,
  CohortCounts,
  Member,
  OwnerStateCount,
} from './store/CampaignStore';

/** Why a burn-up is not shown to a caller. */
export const BURN_UP_WITHHELD =
  'This cohort includes entities you may not see in the catalog. Daily counts are totals over all of them and cannot be recomputed without them, so the burn-up is withheld.';

const GROUP_TREE_TTL_MS = 60_000;
/** Campaigns whose per-owner counts are kept in memory. */
const COUNTS_KEPT = 200;
const lower = (value: string) => value.toLocaleLowerCase('en-US');
const STATES: readonly CampaignMemberState[] = ['met', 'open', 'exempt'];

function toCounts(c: CohortCounts): CampaignCounts {
  const target = c.cohort - c.exempt;
  return {
    cohort: c.cohort,
    met: c.met,
    open: c.cohort - c.met - c.exempt,
    exempt: c.exempt,
    percent: target > 0 ? Math.round((1000 * c.met) / target) / 10 : null,
  };
}

const addTo = (c: CohortCounts, state: CampaignMemberState, n: number) => {
  c.cohort += n;
  if (state === 'met') c.met += n;
  if (state === 'exempt') c.exempt += n;
};

const empty = (): CohortCounts => ({ cohort: 0, met: 0, exempt: 0 });

/**
 * Campaigns behind the API: defining and closing them, and their progress
 * over the cohort entities the caller may see. Counts of a caller who sees
 * every member come from the database's per-owner aggregates, kept in
 * memory while the campaign's members version (`refreshedAt`, read with
 * the campaign on every request) holds, and a page of items is read from
 * the database alone; otherwise counts and items come from the visible
 * members. Daily totals cannot be taken apart, so the burn-up of a caller
 * who may not see every member is withheld.
 */
export class CampaignService {
  private readonly now: () => Date;
  private groupTree?: { at: number; graph: Promise<OrgGraph> };
  private groupTreeRefresh?: Promise<unknown>;
  private readonly ownerCounts = new Map<
    string,
    { version: number; rows: Promise<OwnerStateCount[]> }
  >();

  constructor(
    private readonly deps: {
      store: CampaignStore;
      goals: ScorecardGoals;
      refresh: Pick<CampaignRefresh, 'refreshAll'>;
      visibility: EntityVisibility;
      permissions: PermissionsService;
      groups: () => Promise<OrgGraph>;
      now?: () => Date;
    },
  ) {
    this.now = deps.now ?? (() => new Date());
  }

  async list(
    credentials: BackstageCredentials,
    options: { state?: 'open' | 'closed' | 'all' } = {},
  ): Promise<CampaignsResponse> {
    await this.authorize(credentials);
    const visible = await this.deps.visibility.visibleTo(credentials);
    const records = (await this.deps.store.list()).filter(r => {
      const state = options.state ?? 'all';
      return state === 'all' || (state === 'closed') === Boolean(r.closedAt);
    });
    const items = await Promise.all(
      records.map(async record =>
        this.toCampaign(record, await this.visibleCounts(record, visible)),
      ),
    );
    return { items };
  }

  async get(id: string, credentials: BackstageCredentials): Promise<Campaign> {
    await this.authorize(credentials);
    const record = await this.require(id);
    const visible = await this.deps.visibility.visibleTo(credentials);
    return this.toCampaign(record, await this.visibleCounts(record, visible));
  }

  /**
   * Creates a campaign from a request body and evaluates its cohort at
   * once, so its page shows progress right away.
   */
  async create(
    body: unknown,
    credentials: BackstageCredentials,
  ): Promise<Campaign> {
    await authorizeOrThrow(
      this.deps.permissions,
      flywheelCampaignsManagePermission,
      credentials,
    );
    const definition = parseCampaignDefinition(body);
    goalScorecard(definition.goal, this.deps.goals.scorecards());
    if (new Date(definition.deadline) <= this.now()) {
      throw new InputError('deadline must be in the future');
    }
    const userRef = userRefOf(credentials);
    if (!userRef) {
      throw new InputError('Only a person can create a campaign');
    }
    await this.deps.store.create(definition, userRef, this.now());
    await this.deps.refresh.refreshAll();
    return this.get(definition.id, credentials);
  }

  /** Closes a campaign: its progress is no longer updated and stays readable. */
  async close(
    id: string,
    body: unknown,
    credentials: BackstageCredentials,
  ): Promise<Campaign> {
    await authorizeOrThrow(
      this.deps.permissions,
      flywheelCampaignsManagePermission,
      credentials,
    );
    const note = parseCloseNote(body);
    const record = await this.require(id);
    if (record.closedAt) {
      throw new InputError(`Campaign '${id}' is closed already`);
    }
    await this.deps.store.close(
      id,
      userRefOf(credentials) ?? 'unknown',
      note,
      this.now(),
    );
    return this.get(id, credentials);
  }

  async progress(
    id: string,
    credentials: BackstageCredentials,
  ): Promise<CampaignProgressResponse> {
    await this.authorize(credentials);
    const record = await this.require(id);
    const { definition } = record;
    const visible = await this.deps.visibility.visibleTo(credentials);
    const seesAll =
      visible.all ||
      (await this.deps.store.memberRefs(id)).every(ref => visible.has(ref));
    const days = await this.deps.store.days(id);
    if (!seesAll) {
      return {
        campaignId: id,
        days: [],
        ideal: [],
        ...(days.length > 0 ? { withheld: BURN_UP_WITHHELD } : {}),
      };
    }
    const last = days[days.length - 1];
    const startsAt = new Date(definition.startsAt).toISOString();
    const deadline = new Date(definition.deadline).toISOString();
    const today = this.now().toISOString().slice(0, 10);
    const projection =
      record.closedAt || !last
        ? undefined
        : projectCompletion({ days, deadline, today });
    return {
      campaignId: id,
      days,
      ideal: last
        ? idealLine({
            startsAt,
            deadline,
            baselineMet: record.baseline?.met ?? days[0].met,
            target: last.cohort - last.exempt,
          })
        : [],
      ...(projection ? { projection } : {}),
    };
  }

  /**
   * Every team with cohort entities the caller may see, counted over its
   * own entities and its subtree's. Teams the caller may not see are left
   * out, and a parent they may not see is not named.
   */
  async teams(
    id: string,
    credentials: BackstageCredentials,
  ): Promise<CampaignTeamsResponse> {
    await this.authorize(credentials);
    const record = await this.require(id);
    const visible = await this.deps.visibility.visibleTo(credentials);
    const byOwner = await this.countsByOwner(record, visible);
    const graph = await this.groups();
    const spelled = new Map(graph.groups().map(g => [lower(g), g]));
    const own = new Map<string, CohortCounts>();
    const subtree = new Map<string, CohortCounts>();
    const unowned = empty();
    for (const [owner, counts] of byOwner) {
      const group = owner ? spelled.get(owner) : undefined;
      if (!group) {
        for (const s of STATES) addTo(unowned, s, stateCount(counts, s));
        continue;
      }
      own.set(group, counts);
      for (const ancestor of graph.ancestry(group)) {
        const total = subtree.get(ancestor) ?? empty();
        for (const s of STATES) addTo(total, s, stateCount(counts, s));
        subtree.set(ancestor, total);
      }
    }
    const teams: CampaignTeamProgress[] = [...subtree.entries()]
      .filter(([group]) => visible.has(group))
      .sort(([a], [b]) => (a < b ? -1 : Number(a > b)))
      .map(([group, counts]) => {
        const parent = graph.parent(group);
        return {
          groupRef: group,
          ...(parent && visible.has(parent) ? { parentRef: parent } : {}),
          ...toCounts(counts),
          own: toCounts(own.get(group) ?? empty()),
        };
      });
    return { campaignId: id, teams, unowned: toCounts(unowned) };
  }

  /** The cohort's entities the caller may see, open ones first by default. */
  async items(
    id: string,
    credentials: BackstageCredentials,
    options: {
      state?: string;
      groupRef?: string;
      limit?: number;
      offset?: number;
    } = {},
  ): Promise<CampaignItemsResponse> {
    await this.authorize(credentials);
    const record = await this.require(id);
    const state = options.state ?? 'open';
    if (state !== 'all' && !STATES.includes(state as CampaignMemberState)) {
      throw new InputError('state must be open, met, exempt or all');
    }
    const limit = options.limit ?? 100;
    const offset = options.offset ?? 0;
    const visible = await this.deps.visibility.visibleTo(credentials);
    let scope: Set<string> | undefined;
    if (options.groupRef !== undefined) {
      const groupRef = parseRefOfKind(options.groupRef, 'group', 'groupRef');
      const graph = await this.groups();
      const group = graph.groups().find(g => lower(g) === lower(groupRef));
      if (!group || !visible.has(group)) {
        throw new NotFoundError(`No group ${groupRef} in the catalog`);
      }
      scope = new Set(graph.descendantsOf(group).map(lower));
    }
    if (visible.all) {
      // A page from the database; the count from the per-owner counts.
      const inScope = (owner: string | undefined) =>
        !scope || (owner !== undefined && scope.has(lower(owner)));
      const counts = (await this.ownerCountsOf(record)).filter(
        row =>
          (state === 'all' || row.state === state) && inScope(row.ownerRef),
      );
      const page = await this.deps.store.pageMembers(id, {
        state: state === 'all' ? undefined : (state as CampaignMemberState),
        owners: scope
          ? [...new Set(counts.map(row => row.ownerRef!))]
          : undefined,
        limit,
        offset,
      });
      return {
        campaignId: id,
        items: page.map(toItem),
        totalCount: counts.reduce((n, row) => n + row.count, 0),
      };
    }
    const members = (await this.deps.store.listMembers(id)).filter(
      m =>
        visible.has(m.entityRef) &&
        (state === 'all' || m.state === state) &&
        (!scope || (m.ownerRef !== undefined && scope.has(lower(m.ownerRef)))),
    );
    return {
      campaignId: id,
      items: members.slice(offset, offset + limit).map(toItem),
      totalCount: members.length,
    };
  }

  /**
   * The campaigns an entity is in (with its item), or those with entities
   * of a team's subtree (with the team's counts).
   */
  async memberships(
    query: { entityRef?: string; groupRef?: string },
    credentials: BackstageCredentials,
  ): Promise<CampaignMembershipsResponse> {
    await this.authorize(credentials);
    const visible = await this.deps.visibility.visibleTo(credentials);
    if ((query.entityRef === undefined) === (query.groupRef === undefined)) {
      throw new InputError('Give either entityRef or groupRef');
    }
    const records = new Map(
      (await this.deps.store.list()).map(r => [r.definition.id, r]),
    );
    if (query.entityRef !== undefined) {
      const entityRef = parseFullRef(query.entityRef, 'entityRef');
      if (!visible.has(entityRef)) {
        return { items: [] };
      }
      const rows = await this.deps.store.membershipsOf(entityRef);
      const items = [];
      for (const row of rows) {
        const record = records.get(row.campaignId);
        if (record) {
          items.push({
            campaign: this.toCampaign(
              record,
              await this.visibleCounts(record, visible),
            ),
            item: toItem(row),
          });
        }
      }
      return { items };
    }
    const groupRef = parseRefOfKind(query.groupRef!, 'group', 'groupRef');
    const graph = await this.groups();
    const group = graph.groups().find(g => lower(g) === lower(groupRef));
    if (!group || !visible.has(group)) {
      return { items: [] };
    }
    const scope = new Set(graph.descendantsOf(group).map(lower));
    const items = [];
    for (const record of records.values()) {
      const byOwner = await this.countsByOwner(record, visible);
      const team = empty();
      const all = empty();
      for (const [owner, counts] of byOwner) {
        for (const s of STATES) {
          addTo(all, s, stateCount(counts, s));
          if (owner && scope.has(owner)) addTo(team, s, stateCount(counts, s));
        }
      }
      if (team.cohort > 0) {
        // The campaign's counts are the sum of the same per-owner counts.
        items.push({
          campaign: this.toCampaign(record, all),
          team: toCounts(team),
        });
      }
    }
    return { items };
  }

  /** A campaign as the API shows it, with counts the caller may see. */
  private toCampaign(record: CampaignRecord, counts: CohortCounts): Campaign {
    const { definition } = record;
    const progress = toCounts(counts);
    return {
      ...definition,
      source: record.source,
      state: this.stateOf(record, progress),
      goalText: describeCampaignGoal(
        definition.goal,
        this.deps.goals.scorecards(),
      ),
      createdAt: record.createdAt.toISOString(),
      ...(record.createdBy ? { createdBy: record.createdBy } : {}),
      ...(record.closedAt ? { closedAt: record.closedAt.toISOString() } : {}),
      ...(record.closedBy ? { closedBy: record.closedBy } : {}),
      ...(record.closeNote ? { closeNote: record.closeNote } : {}),
      ...(record.completedAt
        ? { completedAt: record.completedAt.toISOString() }
        : {}),
      ...(record.baseline ? { baseline: record.baseline } : {}),
      progress,
    };
  }

  private stateOf(record: CampaignRecord, progress: CampaignCounts) {
    const now = this.now();
    let state: CampaignState;
    if (record.closedAt) {
      state = 'closed';
    } else if (now < new Date(record.definition.startsAt)) {
      state = 'scheduled';
    } else if (record.completedAt) {
      state = 'completed';
    } else if (now > new Date(record.definition.deadline)) {
      state = 'overdue';
    } else {
      state = 'running';
    }
    return progress.cohort === 0 && state === 'completed' ? 'running' : state;
  }

  /** Per-owner counts (lowercase owner refs; '' for none) over what the caller may see. */
  private async countsByOwner(
    record: CampaignRecord,
    visible: VisibleEntities,
  ): Promise<Map<string, CohortCounts>> {
    const id = record.definition.id;
    const byOwner = new Map<string, CohortCounts>();
    const add = (owner: string, state: CampaignMemberState, n: number) => {
      const counts = byOwner.get(owner) ?? empty();
      addTo(counts, state, n);
      byOwner.set(owner, counts);
    };
    if (visible.all) {
      for (const row of await this.ownerCountsOf(record)) {
        add(lower(row.ownerRef ?? ''), row.state, row.count);
      }
    } else {
      for (const m of await this.visibleMembers(id, visible)) {
        add(lower(m.ownerRef ?? ''), m.state, 1);
      }
    }
    return byOwner;
  }

  private async visibleCounts(
    record: CampaignRecord,
    visible: VisibleEntities,
  ): Promise<CohortCounts> {
    if (visible.all) {
      return sumCounts(await this.ownerCountsOf(record));
    }
    const counts = empty();
    for (const m of await this.visibleMembers(record.definition.id, visible)) {
      addTo(counts, m.state, 1);
    }
    return counts;
  }

  private async visibleMembers(
    id: string,
    visible: VisibleEntities,
  ): Promise<Member[]> {
    return (await this.deps.store.listMembers(id)).filter(m =>
      visible.has(m.entityRef),
    );
  }

  /**
   * Every member's per-owner counts, kept while the campaign's members
   * version holds: every write of members moves it, on any replica, and
   * the campaign (with the version) is read anew on every request.
   */
  private ownerCountsOf(record: CampaignRecord): Promise<OwnerStateCount[]> {
    const id = record.definition.id;
    const version = record.refreshedAt?.getTime();
    if (version === undefined) {
      return this.deps.store.countsByOwner(id);
    }
    const hit = this.ownerCounts.get(id);
    if (hit && hit.version === version) {
      return hit.rows;
    }
    const rows = this.deps.store.countsByOwner(id);
    const entry = { version, rows };
    this.ownerCounts.delete(id);
    this.ownerCounts.set(id, entry);
    // A failed read is not kept: the next request asks again.
    rows.catch(() => {
      if (this.ownerCounts.get(id) === entry) this.ownerCounts.delete(id);
    });
    while (this.ownerCounts.size > COUNTS_KEPT) {
      this.ownerCounts.delete(this.ownerCounts.keys().next().value!);
    }
    return rows;
  }

  /**
   * The group tree, read at most once a minute. After a minute the tree in
   * hand still answers while the next one is read, so no request waits for
   * the catalog but the very first.
   */
  private async groups(): Promise<OrgGraph> {
    const now = Date.now();
    if (!this.groupTree) {
      const graph = this.deps.groups();
      this.groupTree = { at: now, graph };
      graph.catch(() => {
        if (this.groupTree?.graph === graph) this.groupTree = undefined;
      });
      return graph;
    }
    if (now - this.groupTree.at > GROUP_TREE_TTL_MS && !this.groupTreeRefresh) {
      const graph = this.deps.groups();
      this.groupTreeRefresh = graph
        .then(
          () => {
            this.groupTree = { at: Date.now(), graph };
          },
          () => {}, // the tree in hand stays; the next request tries again
        )
        .finally(() => {
          this.groupTreeRefresh = undefined;
        });
    }
    return this.groupTree.graph;
  }

  private async require(id: string): Promise<CampaignRecord> {
    const record =
      typeof id === 'string' && id.length <= 100
        ? await this.deps.store.get(id)
        : undefined;
    if (!record) {
      throw new NotFoundError(`No campaign '${id}'`);
    }
    return record;
  }

  private authorize(credentials: BackstageCredentials) {
    return authorizeOrThrow(
      this.deps.permissions,
      flywheelCampaignsReadPermission,
      credentials,
    );
  }
}

function stateCount(c: CohortCounts, state: CampaignMemberState): number {
  if (state === 'met') return c.met;
  if (state === 'exempt') return c.exempt;
  return c.cohort - c.met - c.exempt;
}

function toItem(m: Member): CampaignItem {
  return {
    entityRef: m.entityRef,
    ...(m.title ? { title: m.title } : {}),
    ...(m.ownerRef ? { ownerRef: m.ownerRef } : {}),
    state: m.state,
    reason: m.reason,
    ...(m.metAt ? { metAt: m.metAt.toISOString() } : {}),
  };
}

function parseCloseNote(body: unknown): string | undefined {
  if (body === undefined || body === null) {
    return undefined;
  }
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw new InputError('The body must be an object with an optional note');
  }
  const { note, ...rest } = body as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length > 0) {
    throw new InputError(
      `Invalid close request: unknown field(s) ${unknown.join(', ')}`,
    );
  }
  if (note === undefined) {
    return undefined;
  }
  if (
    typeof note !== 'string' ||
    note.trim().length === 0 ||
    note.length > 2000
  ) {
    throw new InputError('note must be text of 1 to 2000 characters');
  }
  return note.trim();
}
