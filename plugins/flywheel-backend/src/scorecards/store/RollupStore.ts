import { Knex } from 'knex';
import { CheckState, CheckStateCounts } from '@flywheel/plugin-flywheel-common';
import { normalizeRef } from '../../catalog/entityRefs';
import { inList, isSqlite, variableBudget } from '../../database/engines';
import { chunk, num } from '../../database/rows';
import { bulkWrite } from '../../database/statements';
import {
  ANCESTRY,
  AncestryRow,
  CheckCountRow,
  emptyCounts,
  hiddenKey,
  LevelCountRow,
  OWNER_CHECKS,
  OWNER_LEVELS,
  pairKey,
  passRate,
  RESULTS,
  Tally,
} from './scorecardRows';
import { bumpVersion, ResultsVersion } from './ResultsVersion';
import { checkElements, scoreTenths } from './resultsSql';
import { LeaderboardEntry, ScorecardRollup } from './storeTypes';

/**
 * The group ancestry (a closure table of the group tree) and what it rolls
 * up from the per-owner aggregates: team rollups and the leaderboard, kept
 * in memory while the results version has not moved. Entities hidden from
 * the caller have their share taken out, read from their own results.
 */
export class RollupStore {
  private readonly sqlite: boolean;

  constructor(
    private readonly db: Knex,
    private readonly version: ResultsVersion,
  ) {
    this.sqlite = isSqlite(db);
  }

  /**
   * Replaces the group ancestry (closure table) in one transaction, writing
   * only the differences. Self rows (depth 0) are added for every group
   * named; a pair given twice keeps its smallest depth.
   */
  async replaceGroupAncestry(
    edges: { ancestorRef: string; descendantRef: string; depth: number }[],
  ): Promise<void> {
    const wanted = new Map<string, AncestryRow>();
    const put = (ancestor: string, descendant: string, depth: number) => {
      const key = pairKey(ancestor, descendant);
      const existing = wanted.get(key);
      if (!existing || depth < existing.depth) {
        wanted.set(key, {
          ancestor_ref: ancestor,
          descendant_ref: descendant,
          depth,
        });
      }
    };
    for (const edge of edges) {
      const ancestor = normalizeRef(edge.ancestorRef);
      const descendant = normalizeRef(edge.descendantRef);
      put(ancestor, descendant, ancestor === descendant ? 0 : edge.depth);
      put(ancestor, ancestor, 0);
      put(descendant, descendant, 0);
    }

    await this.db.transaction(async trx => {
      const existing = new Map<string, AncestryRow>();
      for (const row of await trx<AncestryRow>(ANCESTRY).select('*')) {
        existing.set(pairKey(row.ancestor_ref, row.descendant_ref), row);
      }
      const writes: AncestryRow[] = [];
      for (const [key, row] of wanted) {
        if (num(existing.get(key)?.depth ?? -1) !== row.depth) {
          writes.push(row);
        }
      }
      const deletes = new Map<string, string[]>();
      for (const [key, row] of existing) {
        if (!wanted.has(key)) {
          const list = deletes.get(row.ancestor_ref) ?? [];
          list.push(row.descendant_ref);
          deletes.set(row.ancestor_ref, list);
        }
      }
      for (const [ancestor, descendants] of deletes) {
        for (const part of chunk(descendants, variableBudget(trx) - 1)) {
          await trx(ANCESTRY)
            .where('ancestor_ref', ancestor)
            .whereIn('descendant_ref', part)
            .delete();
        }
      }
      await bulkWrite(
        trx,
        ANCESTRY,
        ['ancestor_ref', 'descendant_ref', 'depth'],
        writes,
        { keys: ['ancestor_ref', 'descendant_ref'] },
      );
      if (writes.length > 0 || deletes.size > 0) {
        await bumpVersion(trx); // rollups follow the group tree
      }
    });
  }

  /**
   * A group's rollup for one scorecard over all entities owned by the group
   * or any sub-team, with the same figures for each direct sub-team (and its
   * subtree). Entities without a group owner are in no group's rollup.
   * Without `groupRef`, the whole catalog (every entity, group-owned or not)
   * with the top-level groups as sub-teams.
   */
  async rollup(
    groupRef: string | undefined,
    scorecardId: string,
    hidden: readonly string[] = [],
  ): Promise<ScorecardRollup> {
    const group = groupRef === undefined ? undefined : normalizeRef(groupRef);
    return this.version.cached(
      `rollup\u0000${group ?? ''}\u0000${scorecardId}${hiddenKey(hidden)}`,
      () => this.computeRollup(group, scorecardId, hidden),
    );
  }

  private async computeRollup(
    group: string | undefined,
    scorecardId: string,
    hidden: readonly string[],
  ): Promise<ScorecardRollup> {
    const inSubtree = (q: Knex.QueryBuilder, table: string) => {
      if (group !== undefined) {
        q.join(
          `${ANCESTRY} as ga`,
          'ga.descendant_ref',
          `${table}.owner_ref`,
        ).where('ga.ancestor_ref', group);
      }
    };
    // The per-owner aggregates of the subtree; the sums are added up here.
    const [entityRows, checkRows, children] = await Promise.all([
      this.db(`${OWNER_LEVELS} as ol`)
        .modify(inSubtree, 'ol')
        .where('ol.scorecard_id', scorecardId)
        .select(
          'ol.owner_ref as owner',
          'ol.level as level',
          'ol.n as n',
          'ol.score_tenths as st',
          'ol.scored as ns',
        ),
      this.db(`${OWNER_CHECKS} as oc`)
        .modify(inSubtree, 'oc')
        .where('oc.scorecard_id', scorecardId)
        .select(
          'oc.owner_ref as owner',
          'oc.check_id as check_id',
          'oc.state as state',
          'oc.n as n',
        ),
      this.db(`${ANCESTRY} as a1`)
        .join(`${ANCESTRY} as a2`, 'a2.ancestor_ref', 'a1.descendant_ref')
        .modify(q => {
          if (group !== undefined) {
            q.where('a1.ancestor_ref', group).andWhere('a1.depth', 1);
          } else {
            // Top-level groups: no ancestor but themselves.
            q.where('a1.depth', 0).whereNotExists(
              this.db(`${ANCESTRY} as up`)
                .whereRaw('up.descendant_ref = a1.descendant_ref')
                .andWhere('up.depth', '>', 0),
            );
          }
        })
        .select('a1.descendant_ref as child', 'a2.descendant_ref as member'),
    ]);
    // Hidden entities of the subtree: their share of the aggregates, to
    // take out again (read from their own results, as the aggregates were).
    const hiddenShare =
      hidden.length === 0
        ? { levels: [], checks: [] }
        : await this.resultAggregates(scorecardId, hidden, 'r.owner_ref', q =>
            q.modify(inSubtree, 'r'),
          );

    // owner → the direct sub-teams whose subtree holds it
    const childrenOf = new Map<string, string[]>();
    const childRefs = new Set<string>();
    for (const { child, member } of children as {
      child: string;
      member: string;
    }[]) {
      childRefs.add(child);
      const list = childrenOf.get(member) ?? [];
      list.push(child);
      childrenOf.set(member, list);
    }

    const total = new Tally();
    const perChild = new Map<string, Tally>(
      [...childRefs].map(c => [c, new Tally()]),
    );
    const levelRows = [
      ...(entityRows as (LevelCountRow & { owner: string })[]).map(
        row => [row, 1] as const,
      ),
      ...hiddenShare.levels.map(row => [row, -1] as const),
    ];
    for (const [row, sign] of levelRows) {
      total.add(row, sign);
      for (const child of childrenOf.get(row.owner) ?? []) {
        perChild.get(child)!.add(row, sign);
      }
    }

    const checkTotals = new Map<string, CheckStateCounts>();
    const childChecks = new Map<string, Map<string, CheckStateCounts>>();
    const addTo = (
      map: Map<string, CheckStateCounts>,
      checkId: string,
      state: CheckState,
      n: number,
    ) => {
      let counts = map.get(checkId);
      if (!counts) {
        counts = emptyCounts();
        map.set(checkId, counts);
      }
      counts[state] = (counts[state] ?? 0) + n;
    };
    for (const [row, sign] of [
      ...(checkRows as CheckCountRow[]).map(r => [r, 1] as const),
      ...hiddenShare.checks.map(r => [r, -1] as const),
    ]) {
      const n = sign * num(row.n);
      addTo(checkTotals, row.check_id, row.state, n);
      for (const child of childrenOf.get(row.owner) ?? []) {
        let map = childChecks.get(child);
        if (!map) {
          map = new Map();
          childChecks.set(child, map);
        }
        addTo(map, row.check_id, row.state, n);
      }
    }

    const byId = <T>(a: [string, T], b: [string, T]) => (a[0] < b[0] ? -1 : 1);
    // A check only hidden entities had is not named.
    const counted = ([, counts]: [string, CheckStateCounts]) =>
      Object.values(counts).some(n => n !== 0);
    return {
      entityCount: total.entityCount,
      averageScore: total.averageScore,
      levels: total.levels,
      checks: [...checkTotals]
        .filter(counted)
        .sort(byId)
        .map(([checkId, counts]) => ({
          checkId,
          counts,
          passRate: passRate(counts),
        })),
      subTeams: [...perChild].sort(byId).map(([child, tally]) => ({
        groupRef: child,
        entityCount: tally.entityCount,
        averageScore: tally.averageScore,
        levels: tally.levels,
        checks: [...(childChecks.get(child) ?? new Map())]
          .filter(counted)
          .sort(byId)
          .map(([checkId, counts]) => ({
            checkId,
            passRate: passRate(counts),
          })),
      })),
    };
  }

  /**
   * Every group with at least one entity in the scorecard (counting its
   * subtree), best average score first (groups without a score last), then
   * by ref.
   */
  async leaderboard(
    scorecardId: string,
    hidden: readonly string[] = [],
  ): Promise<LeaderboardEntry[]> {
    return this.version.cached(
      `leaderboard\u0000${scorecardId}${hiddenKey(hidden)}`,
      () => this.computeLeaderboard(scorecardId, hidden),
    );
  }

  private async computeLeaderboard(
    scorecardId: string,
    hidden: readonly string[],
  ): Promise<LeaderboardEntry[]> {
    const rows = (await this.db(`${OWNER_LEVELS} as ol`)
      .join(`${ANCESTRY} as ga`, 'ga.descendant_ref', 'ol.owner_ref')
      .where('ol.scorecard_id', scorecardId)
      .groupBy('ga.ancestor_ref', 'ol.level')
      .select(
        'ga.ancestor_ref as group_ref',
        'ol.level as level',
        this.db.raw('sum(ol.n) as n'),
        this.db.raw('sum(ol.score_tenths) as st'),
        this.db.raw('sum(ol.scored) as ns'),
      )) as (LevelCountRow & { group_ref: string })[];
    // Hidden entities' share of every group above their owner, taken out.
    const hiddenShare =
      hidden.length === 0
        ? []
        : (
            await this.resultAggregates(
              scorecardId,
              hidden,
              'ga.ancestor_ref',
              q =>
                q.join(`${ANCESTRY} as ga`, 'ga.descendant_ref', 'r.owner_ref'),
              { levelsOnly: true },
            )
          ).levels;
    const tallies = new Map<string, Tally>();
    const add = (groupRef: string, row: LevelCountRow, sign: 1 | -1) => {
      let tally = tallies.get(groupRef);
      if (!tally) {
        tally = new Tally();
        tallies.set(groupRef, tally);
      }
      tally.add(row, sign);
    };
    rows.forEach(row => add(row.group_ref, row, 1));
    hiddenShare.forEach(row => add(row.owner, row, -1));
    for (const [groupRef, tally] of tallies) {
      if (tally.entityCount === 0) {
        tallies.delete(groupRef); // only hidden entities
      }
    }
    // Where each group sits in the tree, so a reader can nest the rows.
    const placement = (await this.db(ANCESTRY)
      .where('depth', '>', 0)
      .select('descendant_ref', 'ancestor_ref', 'depth')) as AncestryRow[];
    const parents = new Map<string, string>();
    const depths = new Map<string, number>();
    for (const row of placement) {
      const depth = num(row.depth);
      if (depth === 1) {
        parents.set(row.descendant_ref, row.ancestor_ref);
      }
      depths.set(
        row.descendant_ref,
        Math.max(depth, depths.get(row.descendant_ref) ?? 0),
      );
    }
    return [...tallies]
      .map(([groupRef, tally]) => {
        const parentRef = parents.get(groupRef);
        return {
          groupRef,
          ...(parentRef ? { parentRef } : {}),
          depth: depths.get(groupRef) ?? 0,
          entityCount: tally.entityCount,
          averageScore: tally.averageScore,
          levels: tally.levels,
        };
      })
      .sort((a, b) => {
        if (a.averageScore !== b.averageScore) {
          if (a.averageScore === null) return 1;
          if (b.averageScore === null) return -1;
          return b.averageScore - a.averageScore;
        }
        return a.groupRef < b.groupRef ? -1 : 1;
      });
  }

  /**
   * Each given group (lowercased) with every group above it in the group
   * tree, itself included; refs that are no group map to themselves.
   */
  async groupsAndAncestors(
    groupRefs: readonly string[],
  ): Promise<Map<string, string[]>> {
    const refs = [...new Set(groupRefs.map(normalizeRef))];
    const found = new Map(refs.map(ref => [ref, new Set([ref])]));
    for (const part of chunk(refs, variableBudget(this.db) - 1)) {
      for (const row of (await this.db(ANCESTRY)
        .whereIn('descendant_ref', part)
        .select('descendant_ref', 'ancestor_ref')) as AncestryRow[]) {
        found.get(row.descendant_ref)?.add(row.ancestor_ref);
      }
    }
    return new Map([...found].map(([ref, above]) => [ref, [...above].sort()]));
  }

  /**
   * The per-owner aggregates (levels with score sums, check states) of just
   * some entities' results, keyed by `keyColumn` (`r.owner_ref`, or a joined
   * group column), computed like `rebuildAggregates` computes all of them.
   */
  private async resultAggregates(
    scorecardId: string,
    entityRefs: readonly string[],
    keyColumn: string,
    modify: (q: Knex.QueryBuilder) => void,
    options: { levelsOnly?: boolean } = {},
  ): Promise<{
    levels: (LevelCountRow & { owner: string })[];
    checks: CheckCountRow[];
  }> {
    const tenths = scoreTenths(this.sqlite);
    const key = `COALESCE(${keyColumn}, '')`;
    const levels = (await this.db(`${RESULTS} as r`)
      .modify(modify)
      .where('r.scorecard_id', scorecardId)
      .whereRaw(...inList(this.sqlite, 'r.entity_ref', entityRefs))
      .groupByRaw(`${key}, COALESCE(r.level, '')`)
      .select(
        this.db.raw(`${key} as owner`),
        this.db.raw(`COALESCE(r.level, '') as level`),
        this.db.raw('count(*) as n'),
        this.db.raw(`COALESCE(sum(${tenths}), 0) as st`),
        this.db.raw('count(r.score) as ns'),
      )) as (LevelCountRow & { owner: string })[];
    if (options.levelsOnly) {
      return { levels, checks: [] };
    }
    const { elements, element } = checkElements(this.sqlite);
    const checks = (await this.db
      .from(this.db.raw(`${RESULTS} r`))
      .joinRaw(`CROSS JOIN ${elements}`)
      .modify(modify)
      .where('r.scorecard_id', scorecardId)
      .whereNotNull('r.checks')
      .whereRaw(...inList(this.sqlite, 'r.entity_ref', entityRefs))
      .groupByRaw(`${key}, ${element(0)}, ${element(1)}`)
      .select(
        this.db.raw(`${key} as owner`),
        this.db.raw(`${element(0)} as check_id`),
        this.db.raw(`${element(1)} as state`),
        this.db.raw('count(*) as n'),
      )) as CheckCountRow[];
    return { levels, checks };
  }
}
