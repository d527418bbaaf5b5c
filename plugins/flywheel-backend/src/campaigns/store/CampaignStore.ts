import { ConflictError } from '@backstage/errors';
import {
  CampaignDay,
  CampaignDefinition,
  CampaignMemberState,
} from '@flywheel/plugin-flywheel-common';
import { Knex } from 'knex';
import { bulkWrite } from '../../database/statements';
import { chunk, num, toDate, toIso } from '../../database/rows';
import { inList, isSqlite } from '../../database/engines';

const CAMPAIGNS = 'campaigns';
const MEMBERS = 'campaign_members';
const DAYS = 'campaign_days';
const NOTICES = 'campaign_notices';

type Instant = Date | string | number;

type CampaignRow = {
  id: string;
  source: string;
  definition: string;
  starts_at: Instant;
  deadline: Instant;
  created_by: string | null;
  created_at: Instant;
  closed_at: Instant | null;
  closed_by: string | null;
  close_note: string | null;
  completed_at: Instant | null;
  baseline: string | null;
  refreshed_at: Instant | null;
};

type MemberRow = {
  campaign_id: string;
  entity_ref: string;
  title: string | null;
  owner_ref: string | null;
  state: CampaignMemberState;
  reason: string;
  met_at: Instant | null;
  updated_at: Instant;
};

const MEMBER_COLUMNS: readonly (keyof MemberRow)[] = [
  'campaign_id',
  'entity_ref',
  'title',
  'owner_ref',
  'state',
  'reason',
  'met_at',
  'updated_at',
];

/** Counts over a cohort, as kept at the start and per day. */
export interface CohortCounts {
  cohort: number;
  met: number;
  exempt: number;
}

/** How many members of one owner are in one state. */
export interface OwnerStateCount {
  ownerRef?: string;
  state: CampaignMemberState;
  count: number;
}

/** A campaign as stored. */
export interface CampaignRecord {
  definition: CampaignDefinition;
  source: 'config' | 'api';
  createdBy?: string;
  createdAt: Date;
  closedAt?: Date;
  closedBy?: string;
  closeNote?: string;
  completedAt?: Date;
  baseline?: CohortCounts & { at: string };
  /**
   * When the members last changed or were last evaluated in full. It moves
   * forward with every such write (by a millisecond at least), so it is
   * also the version of the members: a value computed from them holds
   * while it stays the same.
   */
  refreshedAt?: Date;
}

/** One entity of a cohort as evaluated now. */
export interface MemberEvaluation {
  entityRef: string;
  title?: string;
  ownerRef?: string;
  state: CampaignMemberState;
  reason: string;
}

/** A stored cohort entity. */
export interface Member extends MemberEvaluation {
  campaignId: string;
  metAt?: Date;
}

function toRecord(row: CampaignRow): CampaignRecord {
  return {
    definition: JSON.parse(row.definition),
    source: row.source === 'config' ? 'config' : 'api',
    ...(row.created_by ? { createdBy: row.created_by } : {}),
    createdAt: toDate(row.created_at),
    ...(row.closed_at ? { closedAt: toDate(row.closed_at) } : {}),
    ...(row.closed_by ? { closedBy: row.closed_by } : {}),
    ...(row.close_note ? { closeNote: row.close_note } : {}),
    ...(row.completed_at ? { completedAt: toDate(row.completed_at) } : {}),
    ...(row.baseline ? { baseline: JSON.parse(row.baseline) } : {}),
    ...(row.refreshed_at ? { refreshedAt: toDate(row.refreshed_at) } : {}),
  };
}

function toMember(row: MemberRow): Member {
  return {
    campaignId: row.campaign_id,
    entityRef: row.entity_ref,
    ...(row.title ? { title: row.title } : {}),
    ...(row.owner_ref ? { ownerRef: row.owner_ref } : {}),
    state: row.state,
    reason: row.reason,
    ...(row.met_at ? { metAt: toDate(row.met_at) } : {}),
  };
}

const isUniqueViolation = (e: unknown) =>
  /unique|duplicate/i.test(String((e as Error)?.message));

/**
 * Campaigns, their cohorts' entities, daily counts and sent notices.
 * Members are kept by difference: a refresh writes only the entities whose
 * state, owner or title changed, so `metAt` survives unchanged rows. Every
 * write of members moves the campaign's `refreshed_at` forward in the same
 * transaction (see {@link CampaignRecord.refreshedAt}).
 */
export class CampaignStore {
  private readonly sqlite: boolean;

  constructor(private readonly db: Knex) {
    this.sqlite = isSqlite(db);
  }

  /**
   * Writes the config's campaigns: new ones are added, changed definitions
   * replace the stored ones; closure and history stay. A config id that an
   * API campaign already uses stops the backend.
   */
  async syncConfigCampaigns(
    definitions: CampaignDefinition[],
    now: Date,
  ): Promise<void> {
    for (const definition of definitions) {
      const existing = await this.db<CampaignRow>(CAMPAIGNS)
        .where('id', definition.id)
        .first();
      if (existing && existing.source !== 'config') {
        throw new ConflictError(
          `Campaign '${definition.id}' in flywheel.campaigns.definitions has the id of a campaign created through the API; give it another id`,
        );
      }
      const values = {
        definition: JSON.stringify(definition),
        starts_at: new Date(definition.startsAt),
        deadline: new Date(definition.deadline),
      };
      if (existing) {
        await this.db(CAMPAIGNS).where('id', definition.id).update(values);
      } else {
        await this.db(CAMPAIGNS)
          .insert({
            id: definition.id,
            source: 'config',
            created_at: now,
            ...values,
          })
          .onConflict('id')
          .ignore();
      }
    }
  }

  /** Adds an API campaign; an id in use is a ConflictError. */
  async create(
    definition: CampaignDefinition,
    createdBy: string,
    now: Date,
  ): Promise<CampaignRecord> {
    try {
      await this.db(CAMPAIGNS).insert({
        id: definition.id,
        source: 'api',
        definition: JSON.stringify(definition),
        starts_at: new Date(definition.startsAt),
        deadline: new Date(definition.deadline),
        created_by: createdBy,
        created_at: now,
      });
    } catch (e) {
      if (isUniqueViolation(e)) {
        throw new ConflictError(
          `A campaign with id '${definition.id}' exists already; choose another id`,
        );
      }
      throw e;
    }
    return (await this.get(definition.id))!;
  }

  async list(): Promise<CampaignRecord[]> {
    const rows = await this.db<CampaignRow>(CAMPAIGNS).orderBy([
      { column: 'deadline', order: 'asc' },
      { column: 'id', order: 'asc' },
    ]);
    return rows.map(toRecord);
  }

  async get(id: string): Promise<CampaignRecord | undefined> {
    const row = await this.db<CampaignRow>(CAMPAIGNS).where('id', id).first();
    return row ? toRecord(row) : undefined;
  }

  /** Closes an open campaign; false when it was closed already. */
  async close(
    id: string,
    by: string,
    note: string | undefined,
    now: Date,
  ): Promise<boolean> {
    const updated = await this.db(CAMPAIGNS)
      .where('id', id)
      .whereNull('closed_at')
      .update({ closed_at: now, closed_by: by, close_note: note ?? null });
    return num(updated) > 0;
  }

  /** Keeps the first baseline: later calls change nothing. */
  async setBaseline(id: string, counts: CohortCounts, at: Date): Promise<void> {
    await this.db(CAMPAIGNS)
      .where('id', id)
      .whereNull('baseline')
      .update({
        baseline: JSON.stringify({ ...counts, at: at.toISOString() }),
      });
  }

  /** Sets when the goal was reached by every entity, or clears it. */
  async setCompleted(id: string, at: Date | null): Promise<void> {
    const query = this.db(CAMPAIGNS).where('id', id);
    if (at) {
      query.whereNull('completed_at');
    }
    await query.update({ completed_at: at });
  }

  /** Records a full evaluation of the cohort at `at`. */
  async setRefreshed(id: string, at: Date): Promise<void> {
    await this.db.transaction(tx => this.touch(tx, id, at));
  }

  /**
   * Moves `refreshed_at` to `at`, or a millisecond past its stored value
   * when that is not earlier, so that it never repeats: whoever computed
   * something from the members under the old value sees that it changed.
   * The row is locked until the transaction ends (PostgreSQL; SQLite
   * writes one transaction at a time), so concurrent writers of one
   * campaign's members take turns.
   */
  private async touch(tx: Knex.Transaction, id: string, at: Date) {
    const row = await tx<CampaignRow>(CAMPAIGNS)
      .where('id', id)
      .forUpdate()
      .first('refreshed_at');
    if (!row) {
      return;
    }
    const previous = row.refreshed_at
      ? toDate(row.refreshed_at).getTime()
      : -Infinity;
    await tx(CAMPAIGNS)
      .where('id', id)
      .update({
        refreshed_at: new Date(Math.max(at.getTime(), previous + 1)),
      });
  }

  /**
   * Makes the stored cohort equal `evaluations`: changed entities are
   * written, missing ones removed. Returns how many rows changed.
   */
  async replaceMembers(
    campaignId: string,
    evaluations: readonly MemberEvaluation[],
    now: Date,
  ): Promise<number> {
    const stored = await this.members(campaignId);
    const next = new Set(evaluations.map(e => e.entityRef));
    const removed = [...stored.keys()].filter(ref => !next.has(ref));
    return this.updateMembers(campaignId, evaluations, removed, now, stored);
  }

  /**
   * Writes the given entities' evaluations and removes `removed`: the
   * incremental path, after some entities changed.
   */
  async updateMembers(
    campaignId: string,
    evaluations: readonly MemberEvaluation[],
    removed: readonly string[],
    now: Date,
    known?: Map<string, Member>,
  ): Promise<number> {
    const stored =
      known ??
      (await this.members(
        campaignId,
        evaluations.map(e => e.entityRef),
      ));
    const rows: MemberRow[] = [];
    for (const e of evaluations) {
      const old = stored.get(e.entityRef);
      if (
        old &&
        old.state === e.state &&
        old.reason === e.reason &&
        (old.ownerRef ?? null) === (e.ownerRef ?? null) &&
        (old.title ?? null) === (e.title ?? null)
      ) {
        continue;
      }
      let metAt: Date | null = null;
      if (e.state === 'met') {
        metAt = old?.state === 'met' && old.metAt ? old.metAt : now;
      }
      rows.push({
        campaign_id: campaignId,
        entity_ref: e.entityRef,
        title: e.title?.slice(0, 255) ?? null,
        owner_ref: e.ownerRef ?? null,
        state: e.state,
        reason: e.reason,
        met_at: metAt,
        updated_at: now,
      });
    }
    const gone = known ? removed.filter(ref => known.has(ref)) : removed;
    if (rows.length === 0 && gone.length === 0) {
      return 0;
    }
    await this.db.transaction(async tx => {
      await this.touch(tx, campaignId, now);
      await bulkWrite(tx, MEMBERS, MEMBER_COLUMNS, rows, {
        keys: ['campaign_id', 'entity_ref'],
      });
      for (const part of chunk(gone, 500)) {
        await tx(MEMBERS)
          .where('campaign_id', campaignId)
          .whereIn('entity_ref', part)
          .delete();
      }
    });
    return rows.length + gone.length;
  }

  /** The stored members of a campaign (only `entityRefs`, when given). */
  async members(
    campaignId: string,
    entityRefs?: readonly string[],
  ): Promise<Map<string, Member>> {
    const query = this.db<MemberRow>(MEMBERS).where('campaign_id', campaignId);
    if (entityRefs) {
      if (entityRefs.length === 0) {
        return new Map();
      }
      query.whereRaw(...inList(this.sqlite, 'entity_ref', entityRefs));
    }
    const rows = await query;
    return new Map(rows.map(row => [row.entity_ref, toMember(row)]));
  }

  /** Members of a campaign in entity ref order, for the to-do lists. */
  async listMembers(campaignId: string): Promise<Member[]> {
    const rows = await this.db<MemberRow>(MEMBERS)
      .where('campaign_id', campaignId)
      .orderBy('entity_ref');
    return rows.map(toMember);
  }

  /**
   * A page of a campaign's members in entity ref order: in one state (all
   * when undefined), owned by one of `owners` (stored spellings) when given.
   */
  async pageMembers(
    campaignId: string,
    options: {
      state?: CampaignMemberState;
      owners?: readonly string[];
      limit: number;
      offset: number;
    },
  ): Promise<Member[]> {
    const { state, owners, limit, offset } = options;
    if (limit <= 0 || owners?.length === 0) {
      return [];
    }
    const query = this.db<MemberRow>(MEMBERS).where('campaign_id', campaignId);
    if (state) {
      query.where('state', state);
    }
    if (owners) {
      query.whereRaw(...inList(this.sqlite, 'owner_ref', owners));
    }
    const rows = await query
      .orderBy('entity_ref')
      .limit(limit)
      .offset(Math.max(0, offset));
    return rows.map(toMember);
  }

  /** The refs of a campaign's members. */
  async memberRefs(campaignId: string): Promise<string[]> {
    const rows: { entity_ref: string }[] = await this.db(MEMBERS)
      .where('campaign_id', campaignId)
      .select('entity_ref');
    return rows.map(row => row.entity_ref);
  }

  /** How many members of each owner are in each state. */
  async countsByOwner(campaignId: string): Promise<OwnerStateCount[]> {
    const rows: { owner_ref: string | null; state: string; n: unknown }[] =
      await this.db(MEMBERS)
        .where('campaign_id', campaignId)
        .groupBy('owner_ref', 'state')
        .select('owner_ref', 'state')
        .count({ n: '*' });
    return rows.map(row => ({
      ...(row.owner_ref ? { ownerRef: String(row.owner_ref) } : {}),
      state: row.state as CampaignMemberState,
      count: num(row.n),
    }));
  }

  /** Counts over every member of each campaign. */
  async totals(): Promise<Map<string, CohortCounts>> {
    const rows: { campaign_id: string; state: string; n: unknown }[] =
      await this.db(MEMBERS)
        .groupBy('campaign_id', 'state')
        .select('campaign_id', 'state')
        .count({ n: '*' });
    const totals = new Map<string, CohortCounts>();
    for (const row of rows) {
      const id = String(row.campaign_id);
      const t = totals.get(id) ?? { cohort: 0, met: 0, exempt: 0 };
      const n = num(row.n);
      t.cohort += n;
      if (row.state === 'met') t.met += n;
      if (row.state === 'exempt') t.exempt += n;
      totals.set(id, t);
    }
    return totals;
  }

  /** Every campaign an entity is a member of, with its row there. */
  async membershipsOf(entityRef: string): Promise<Member[]> {
    const rows = await this.db<MemberRow>(MEMBERS).where(
      'entity_ref',
      entityRef,
    );
    return rows.map(toMember);
  }

  async writeDay(
    campaignId: string,
    day: string,
    counts: CohortCounts,
  ): Promise<void> {
    await this.db(DAYS)
      .insert({ campaign_id: campaignId, day, ...counts })
      .onConflict(['campaign_id', 'day'])
      .merge(['cohort', 'met', 'exempt']);
  }

  /** Every recorded day of a campaign, oldest first. */
  async days(campaignId: string): Promise<CampaignDay[]> {
    const rows = await this.db(DAYS)
      .where('campaign_id', campaignId)
      .orderBy('day');
    return rows.map(row => ({
      day: String(row.day),
      cohort: num(row.cohort),
      met: num(row.met),
      exempt: num(row.exempt),
    }));
  }

  /**
   * Records that a notice goes out; false when it was claimed before (by
   * this replica or another), so each notice is sent once.
   */
  async claimNotice(
    campaignId: string,
    notice: string,
    now: Date,
  ): Promise<boolean> {
    try {
      await this.db(NOTICES).insert({
        campaign_id: campaignId,
        notice: notice.slice(0, 255),
        sent_at: now,
      });
      return true;
    } catch (e) {
      if (isUniqueViolation(e)) {
        return false;
      }
      throw e;
    }
  }

  /** When each of a campaign's notices went out. */
  async notices(campaignId: string): Promise<Map<string, string>> {
    const rows = await this.db(NOTICES).where('campaign_id', campaignId);
    return new Map(rows.map(r => [String(r.notice), toIso(r.sent_at)]));
  }
}
