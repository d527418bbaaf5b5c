import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  Campaign,
  CampaignGoal,
  judgeCampaignGoal,
} from '@flywheel/plugin-flywheel-common';
import { ROOT_GROUP } from '../harness';
import type { CampaignsInProcess } from './flywheel';
import { Counts } from './results';

/**
 * The scenario's two campaigns over the benchmark catalog, created through
 * `POST /api/flywheel/campaigns`: a check goal over every component and a
 * level goal over the services and websites (75% of them), started two
 * weeks ago (so counts are recorded) with the deadline ahead.
 */
export interface BenchCampaign {
  id: string;
  goal: CampaignGoal;
  /** The request body. */
  body(now: Date): object;
  /** Whether a synthetic component belongs to the cohort (the bench's own reading). */
  inCohort(entity: Entity): boolean;
}

const day = (now: Date, days: number) =>
  new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);

function defineCampaign(spec: {
  id: string;
  title: string;
  goal: CampaignGoal;
  cohort: { types?: string[] };
}): BenchCampaign {
  return {
    id: spec.id,
    goal: spec.goal,
    body: now => ({
      id: spec.id,
      title: spec.title,
      description: `Benchmark campaign ${spec.title}`,
      ownerRef: `group:default/${ROOT_GROUP}`,
      cohort: { kinds: ['Component'], ...spec.cohort },
      goal: spec.goal,
      startsAt: day(now, -14),
      deadline: day(now, 90),
    }),
    inCohort: entity =>
      entity.kind === 'Component' &&
      (!spec.cohort.types ||
        spec.cohort.types.includes(String(entity.spec?.type))),
  };
}

export const BENCH_CAMPAIGNS: BenchCampaign[] = [
  defineCampaign({
    id: 'bench-techdocs',
    title: 'TechDocs for every component',
    goal: { type: 'check', scorecardId: 'documentation', checkId: 'techdocs' },
    cohort: {},
  }),
  defineCampaign({
    id: 'bench-hygiene-silver',
    title: 'Services and websites at Silver catalog hygiene',
    goal: { type: 'level', scorecardId: 'catalog-hygiene', level: 'silver' },
    cohort: { types: ['service', 'website'] },
  }),
];

/**
 * The counts a campaign must show: its cohort among the catalog's current
 * components, each judged against the goal from the scorecards' stored
 * results (read apart from the campaigns' own tables).
 */
export async function expectedCounts(
  flywheel: CampaignsInProcess,
  benchCampaign: BenchCampaign,
  components: Iterable<Entity>,
): Promise<Counts> {
  const { goal } = benchCampaign;
  if (goal.type === 'goldenPath') {
    throw new Error('The benchmark has no golden-path campaign');
  }
  const refs: string[] = [];
  for (const entity of components) {
    if (benchCampaign.inCohort(entity)) {
      refs.push(stringifyEntityRef(entity));
    }
  }
  const scorecard = flywheel.goals
    .scorecards()
    .find(s => s.id === goal.scorecardId);
  const standings = await flywheel.goals.standings(
    goal.scorecardId,
    goal.type === 'check' ? goal.checkId : undefined,
  );
  const counts: Counts = { cohort: refs.length, met: 0, exempt: 0 };
  for (const ref of refs) {
    const { state } = judgeCampaignGoal(goal, {
      scorecard,
      standing: standings.get(ref),
    });
    if (state === 'met') counts.met += 1;
    if (state === 'exempt') counts.exempt += 1;
  }
  return counts;
}

export const sameCounts = (a: Counts, b: Counts) =>
  a.cohort === b.cohort && a.met === b.met && a.exempt === b.exempt;

export const countsText = (c: Counts) =>
  `${c.cohort.toLocaleString('en-US')} in the cohort, ${c.met.toLocaleString(
    'en-US',
  )} met, ${c.exempt.toLocaleString('en-US')} exempt`;

/** One call of the Flywheel API, with its JSON answer. */
export async function flywheelApi<T>(
  baseUrl: string,
  token: string,
  path: string,
  body?: object,
): Promise<T> {
  const response = await fetch(`${baseUrl}/api/flywheel${path}`, {
    method: body ? 'POST' : 'GET',
    headers: {
      authorization: `Bearer ${token}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(
      `${body ? 'POST' : 'GET'} ${path} answered ${
        response.status
      }: ${text.slice(0, 300)}`,
    );
  }
  return JSON.parse(text) as T;
}

/** A campaign's counts as the API shows them. */
export async function apiCounts(
  baseUrl: string,
  token: string,
  id: string,
): Promise<Counts & { goalText: string }> {
  const campaign = await flywheelApi<Campaign>(
    baseUrl,
    token,
    `/campaigns/${id}`,
  );
  const { cohort, met, exempt } = campaign.progress;
  return { cohort, met, exempt, goalText: campaign.goalText };
}
