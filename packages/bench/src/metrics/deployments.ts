import { createHash } from 'node:crypto';
import { hashOf, pad, prng } from '../harness';
import { DAY_MS, ServicePlan, WEEK_MS } from './catalogData';
import type { NewDeployment } from './flywheel';

/**
 * The benchmark's deployments, generated from each service's plan: its
 * first successful production deployment, then a Poisson stream of
 * deployments over the window (10% to staging), a failure followed within
 * hours by a fix, 5% redeploys of the previous commits, 1–3 new commits
 * each with authored times before the deployment. Deterministic: the same
 * plans give the same deployments, in the same order (service by service).
 */

const HOUR_MS = 3_600_000;

export interface BenchDeployment {
  id: string;
  entityRef: string;
  environment: 'PRODUCTION' | 'STAGING';
  result: 'SUCCESS' | 'FAILURE' | 'ABORT';
  startedAt: number;
  finishedAt: number;
  repoUrl: string;
  commits: { sha: string; authoredAt: number }[];
}

/** Apache DevLake's deployment webhook body, as CI would post it. */
export interface DevLakeDeployment {
  id: string;
  entityRef: string;
  environment: string;
  result: string;
  startedDate: string;
  finishedDate: string;
  deploymentCommits: {
    repoUrl: string;
    commitSha: string;
    authoredDate: string;
  }[];
}

const iso = (ms: number) => new Date(ms).toISOString();

function sha(rnd: () => number): string {
  let text = '';
  for (let i = 0; i < 5; i++) {
    text += ((rnd() * 2 ** 32) >>> 0).toString(16).padStart(8, '0');
  }
  return text;
}

/** One service's deployments up to `now`; before `from`, only its first. */
export function* deploymentsOf(
  plan: ServicePlan,
  from: number,
  now: number,
): Generator<BenchDeployment> {
  if (!plan.deploys || plan.firstDeployAt.getTime() >= now) {
    return;
  }
  const rnd = prng(hashOf(`deploy:${plan.name}`));
  const repoUrl = `https://github.com/acme/${plan.name}`;
  let seq = 0;
  const freshCommits = (finishedAt: number) => {
    const count = 1 + Math.floor(rnd() * 3);
    // Lead time of the oldest commit: log-normal around the service's median.
    const u = Math.max(rnd(), 1e-12);
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd());
    const leadMs = plan.leadHours * HOUR_MS * Math.exp(z);
    return Array.from({ length: count }, (_, k) => ({
      sha: sha(rnd),
      authoredAt: Math.round(finishedAt - leadMs * (1 - k / (count + 1))),
    }));
  };
  const deployment = (
    finishedAt: number,
    environment: BenchDeployment['environment'],
    result: BenchDeployment['result'],
    commits: BenchDeployment['commits'],
  ): BenchDeployment => ({
    id: `${plan.name}-${pad(seq++, 5)}`,
    entityRef: plan.entityRef,
    environment,
    result,
    startedAt: Math.round(finishedAt - (5 + rnd() * 20) * 60_000),
    finishedAt: Math.round(finishedAt),
    repoUrl,
    commits,
  });

  let t = plan.firstDeployAt.getTime();
  let previous = freshCommits(t);
  yield deployment(t, 'PRODUCTION', 'SUCCESS', previous);
  if (plan.perWeek <= 0) {
    return;
  }
  // A Poisson stream has no memory: start it afresh at the window.
  t = Math.max(t, from);
  for (;;) {
    t += (-Math.log(Math.max(rnd(), 1e-12)) / plan.perWeek) * WEEK_MS;
    if (t >= now) {
      return;
    }
    const environment = rnd() < 0.1 ? 'STAGING' : 'PRODUCTION';
    const roll = rnd();
    let result: BenchDeployment['result'] = 'SUCCESS';
    if (roll < plan.failureRate) {
      result = 'FAILURE';
    } else if (roll < plan.failureRate + 0.01) {
      result = 'ABORT';
    }
    const commits = rnd() < 0.05 ? previous : freshCommits(t);
    yield deployment(t, environment, result, commits);
    previous = commits;
    if (environment === 'PRODUCTION' && result === 'FAILURE') {
      // The fix: within hours, with a new commit.
      t += Math.min(2 * DAY_MS, (0.5 + rnd() * 8) * HOUR_MS);
      if (t >= now) {
        return;
      }
      previous = freshCommits(t);
      yield deployment(t, 'PRODUCTION', 'SUCCESS', previous);
    }
  }
}

/** Every service's deployments, service by service. */
export function* allDeployments(
  plans: ServicePlan[],
  from: number,
  now: number,
): Generator<BenchDeployment> {
  for (const plan of plans) {
    yield* deploymentsOf(plan, from, now);
  }
}

export function toDevLake(d: BenchDeployment): DevLakeDeployment {
  return {
    id: d.id,
    entityRef: d.entityRef,
    environment: d.environment,
    result: d.result,
    startedDate: iso(d.startedAt),
    finishedDate: iso(d.finishedAt),
    deploymentCommits: d.commits.map(c => ({
      repoUrl: d.repoUrl,
      commitSha: c.sha,
      authoredDate: iso(c.authoredAt),
    })),
  };
}

/** The store's input, as DeploymentIngest builds it from a posted deployment. */
export function toNewDeployment(d: BenchDeployment): NewDeployment {
  return {
    id: d.id,
    entityRef: d.entityRef,
    environment: d.environment,
    result: d.result,
    startedAt: new Date(d.startedAt),
    finishedAt: new Date(d.finishedAt),
    // Not the ingest's own hash (which covers the parsed body): only a
    // re-post compares it, and the seeded deployments are never re-posted.
    contentHash: createHash('sha256')
      .update(JSON.stringify(toDevLake(d)))
      .digest('hex'),
    commits: d.commits.map(c => ({
      sha: c.sha,
      repoUrl: d.repoUrl,
      authoredAt: new Date(c.authoredAt),
    })),
  };
}

/**
 * Picks exactly `n` of `total` items spread evenly over the sequence (all
 * of them when there are fewer): item i is picked when it crosses the next
 * multiple of total / n.
 */
export function evenlySpread(total: number, n: number) {
  const take = Math.min(total, n);
  return (i: number) =>
    Math.floor(((i + 1) * take) / total) > Math.floor((i * take) / total);
}

/** How many deployments the plans give, and of them successful production ones. */
export function countDeployments(
  plans: ServicePlan[],
  from: number,
  now: number,
) {
  let total = 0;
  let commits = 0;
  for (const d of allDeployments(plans, from, now)) {
    total++;
    commits += d.commits.length;
  }
  return { total, commits };
}
