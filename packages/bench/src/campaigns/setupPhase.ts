import { Entity } from '@backstage/catalog-model';
import { Campaign } from '@flywheel/plugin-flywheel-common';
import { BenchBackend, log, Profile, secs, statementTotals } from '../harness';
import {
  apiCounts,
  BENCH_CAMPAIGNS,
  countsText,
  expectedCounts,
  flywheelApi,
  sameCounts,
} from './campaigns';
import { CampaignsInProcess } from './flywheel';
import { CampaignsDbResult, CampaignSetup } from './results';

/** The person who creates the campaigns. */
export const CAMPAIGN_OWNER = 'user:default/bench-campaign-owner';

/**
 * The scorecards' first evaluation, then each campaign created through the
 * API (which evaluates every open campaign's cohort), its counts checked
 * against the stored scorecard results, and a refreshAll timed after each
 * create (nothing changed: the steady cost of the scheduled refresh).
 */
export async function setUpCampaigns(
  backend: BenchBackend,
  flywheel: CampaignsInProcess,
  options: { components: Map<string, Entity>; profile: Profile },
): Promise<{
  firstEvaluationMs: number;
  campaigns: CampaignSetup[];
  refreshAll: CampaignsDbResult['refreshAll'];
}> {
  const started = performance.now();
  const stats = await flywheel.engine.evaluateAll();
  const firstEvaluationMs = performance.now() - started;
  log(
    `first scorecard evaluation: ${secs(firstEvaluationMs)} (${
      stats.evaluations
    } evaluations, ${stats.entitiesWritten} results written)`,
  );

  const token = backend.tokens.issue(CAMPAIGN_OWNER);
  const campaigns: CampaignSetup[] = [];
  const refreshAll = {
    oneMs: NaN,
    oneChanged: 0,
    bothMs: NaN,
    bothChanged: 0,
    sql: [] as CampaignsDbResult['refreshAll']['sql'],
  };
  for (const [i, benchCampaign] of BENCH_CAMPAIGNS.entries()) {
    const createStarted = performance.now();
    const created = await flywheelApi<Campaign>(
      backend.baseUrl,
      token,
      '/campaigns',
      benchCampaign.body(new Date()),
    );
    const createMs = performance.now() - createStarted;
    const counts = await apiCounts(backend.baseUrl, token, created.id);
    const expected = await expectedCounts(
      flywheel,
      benchCampaign,
      options.components.values(),
    );
    log(
      `POST /campaigns ${created.id} (${created.goalText}): ${secs(
        createMs,
      )}; ${countsText(counts)}${
        sameCounts(counts, expected)
          ? ''
          : ` — EXPECTED ${countsText(expected)}`
      }`,
    );
    campaigns.push({
      id: created.id,
      goalText: created.goalText,
      createMs,
      counts: { cohort: counts.cohort, met: counts.met, exempt: counts.exempt },
      expected,
    });

    const last = i === BENCH_CAMPAIGNS.length - 1;
    if (last) {
      flywheel.sql.start();
    }
    const refreshStarted = performance.now();
    const changed = await (last
      ? options.profile('refresh-all', () => flywheel.refresh.refreshAll())
      : flywheel.refresh.refreshAll());
    const ms = performance.now() - refreshStarted;
    if (last) {
      refreshAll.bothMs = ms;
      refreshAll.bothChanged = changed;
      refreshAll.sql = statementTotals(flywheel.sql.stop().queries).slice(0, 8);
    } else {
      refreshAll.oneMs = ms;
      refreshAll.oneChanged = changed;
    }
    log(
      `refreshAll of ${i + 1} open campaign(s), nothing changed: ${secs(
        ms,
      )} (${changed} rows changed)`,
    );
  }
  return { firstEvaluationMs, campaigns, refreshAll };
}
