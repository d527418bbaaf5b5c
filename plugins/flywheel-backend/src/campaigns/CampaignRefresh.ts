import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  CampaignDefinition,
  judgeCampaignGoal,
} from '@flywheel/plugin-flywheel-common';
import { CatalogReader } from '../catalog/CatalogReader';
import { OrgGraph } from '../catalog/OrgGraph';
import {
  GoldenPathInsights,
  GoldenPathInsightsSource,
} from '../interfaces/goldenPathInsights';
import {
  GoalScorecard,
  ScorecardGoals,
  ScorecardStanding,
} from '../interfaces/scorecardGoals';
import {
  CohortContext,
  cohortCatalogFilter,
  matchesCohort,
  ownerOf,
} from './cohort/cohortMatcher';
import { goalScorecard } from './goals/goals';
import {
  CampaignRecord,
  CampaignStore,
  CohortCounts,
  MemberEvaluation,
} from './store/CampaignStore';

const lower = (value: string) => value.toLocaleLowerCase('en-US');

/** Sums a campaign's per-owner counts into cohort counts. */
export function sumCounts(
  rows: { state: string; count: number }[],
): CohortCounts {
  const counts = { cohort: 0, met: 0, exempt: 0 };
  for (const row of rows) {
    counts.cohort += row.count;
    if (row.state === 'met') counts.met += row.count;
    if (row.state === 'exempt') counts.exempt += row.count;
  }
  return counts;
}

/** What one round of evaluation reads once for every campaign. */
interface Round {
  credentials: BackstageCredentials;
  groups?: OrgGraph;
  insights?: GoldenPathInsights;
}

/**
 * Keeps each open campaign's cohort and its state against the goal: a full
 * evaluation on a schedule (the cohort read from the catalog, the goal from
 * the latest scorecard results or golden-path provenance), and the changed
 * entities after scorecards re-evaluated them. After every change the day's
 * counts are written; the first counts after the start are the baseline.
 * Closed campaigns are left as they were.
 */
export class CampaignRefresh {
  private readonly now: () => Date;

  constructor(
    private readonly deps: {
      store: CampaignStore;
      catalog: CatalogReader;
      goals: ScorecardGoals;
      goldenPaths: GoldenPathInsightsSource;
      credentials: () => Promise<BackstageCredentials>;
      languageAnnotation: string;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {
    this.now = deps.now ?? (() => new Date());
  }

  /** Evaluates every open campaign's whole cohort; returns the rows changed. */
  async refreshAll(): Promise<number> {
    const open = (await this.deps.store.list()).filter(c => !c.closedAt);
    if (open.length === 0) {
      return 0;
    }
    const round = await this.round(open.map(c => c.definition));
    let changed = 0;
    for (const record of open) {
      try {
        changed += await this.refreshCampaign(record, round);
      } catch (error) {
        this.deps.logger.warn(
          `Campaign '${record.definition.id}' could not be evaluated: ${error}`,
        );
      }
    }
    return changed;
  }

  /** Evaluates the given entities in every open campaign: the incremental path. */
  async refreshEntities(entityRefs: readonly string[]): Promise<number> {
    const open = (await this.deps.store.list()).filter(c => !c.closedAt);
    if (open.length === 0 || entityRefs.length === 0) {
      return 0;
    }
    const round = await this.round(open.map(c => c.definition));
    const entities = await this.deps.catalog.getEntities(
      [...entityRefs],
      round.credentials,
    );
    const found = new Set(entities.map(e => stringifyEntityRef(e)));
    let changed = 0;
    for (const record of open) {
      const { definition } = record;
      const matched = entities.filter(e =>
        matchesCohort(e, definition.cohort, this.context(definition, round)),
      );
      const evaluations = await this.evaluate(definition, matched, round);
      const kept = new Set(evaluations.map(e => e.entityRef));
      const removed = entityRefs.filter(
        ref => !kept.has(ref) || !found.has(ref),
      );
      const n = await this.deps.store.updateMembers(
        definition.id,
        evaluations,
        removed,
        this.now(),
      );
      if (n > 0) {
        await this.recordCounts(record);
      }
      changed += n;
    }
    return changed;
  }

  private async round(definitions: CampaignDefinition[]): Promise<Round> {
    const credentials = await this.deps.credentials();
    const needsGroups = definitions.some(d => d.cohort.owners);
    const needsInsights = definitions.some(
      d => d.cohort.notFromGoldenPath || d.goal.type === 'goldenPath',
    );
    const [groups, insights] = await Promise.all([
      needsGroups ? this.deps.catalog.groupTree(credentials) : undefined,
      needsInsights
        ? this.deps.goldenPaths.entityInsights(credentials)
        : undefined,
    ]);
    return { credentials, groups, insights };
  }

  private context(definition: CampaignDefinition, round: Round): CohortContext {
    const owners = definition.cohort.owners;
    let ownerSubtree: Set<string> | undefined;
    if (owners) {
      ownerSubtree = new Set();
      const known = new Map(
        (round.groups?.groups() ?? []).map(g => [lower(g), g]),
      );
      for (const owner of owners) {
        const group = known.get(lower(owner)) ?? owner;
        for (const g of round.groups?.descendantsOf(group) ?? [group]) {
          ownerSubtree.add(lower(g));
        }
      }
    }
    return {
      ownerSubtree,
      fromGoldenPath: entity =>
        round.insights?.provenance(entity)?.isGoldenPath ?? false,
      languageAnnotation: this.deps.languageAnnotation,
    };
  }

  private async refreshCampaign(
    record: CampaignRecord,
    round: Round,
  ): Promise<number> {
    const { definition } = record;
    const context = this.context(definition, round);
    const matched: Entity[] = [];
    for await (const page of this.deps.catalog.streamEntities(
      cohortCatalogFilter(definition.cohort),
      round.credentials,
    )) {
      for (const entity of page) {
        if (matchesCohort(entity, definition.cohort, context)) {
          matched.push(entity);
        }
      }
    }
    const evaluations = await this.evaluate(definition, matched, round, true);
    const now = this.now();
    const changed = await this.deps.store.replaceMembers(
      definition.id,
      evaluations,
      now,
    );
    await this.recordCounts(record);
    await this.deps.store.setRefreshed(definition.id, now);
    return changed;
  }

  private async evaluate(
    definition: CampaignDefinition,
    entities: readonly Entity[],
    round: Round,
    all = false,
  ): Promise<MemberEvaluation[]> {
    if (entities.length === 0) {
      return [];
    }
    const { goal } = definition;
    const refs = entities.map(e => stringifyEntityRef(e));
    let scorecard: GoalScorecard | undefined;
    let standings: Map<string, ScorecardStanding> | undefined;
    if (goal.type !== 'goldenPath') {
      scorecard = goalScorecard(goal, this.deps.goals.scorecards());
      standings = await this.deps.goals.standings(
        goal.scorecardId,
        goal.type === 'check' ? goal.checkId : undefined,
        all ? undefined : refs,
      );
    }
    return entities.map((entity, i) => {
      const provenance =
        goal.type === 'goldenPath'
          ? round.insights?.provenance(entity)
          : undefined;
      const ownerRef = ownerOf(entity);
      const title = entity.metadata.title;
      return {
        entityRef: refs[i],
        ...(title ? { title } : {}),
        ...(ownerRef ? { ownerRef } : {}),
        ...judgeCampaignGoal(goal, {
          scorecard,
          standing: standings?.get(refs[i]),
          provenance,
        }),
      };
    });
  }

  /**
   * Writes today's counts of a started campaign; the first ones are its
   * baseline. Completion is set when every entity not exempt meets the
   * goal, and cleared when one stops meeting it.
   */
  private async recordCounts(record: CampaignRecord): Promise<void> {
    const { id, startsAt } = record.definition;
    const now = this.now();
    if (now < new Date(startsAt)) {
      return;
    }
    const counts = sumCounts(await this.deps.store.countsByOwner(id));
    await this.deps.store.setBaseline(id, counts, now);
    await this.deps.store.writeDay(id, now.toISOString().slice(0, 10), counts);
    const target = counts.cohort - counts.exempt;
    const complete = target > 0 && counts.met >= target;
    if (complete && !record.completedAt) {
      await this.deps.store.setCompleted(id, now);
    } else if (!complete && record.completedAt) {
      await this.deps.store.setCompleted(id, null);
    }
  }
}
