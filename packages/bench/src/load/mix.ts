import {
  BENCH_TOKEN,
  BenchCall,
  hashOf,
  LoadStream,
  pad,
  prng,
} from '../harness';
import { GOLDEN_PATHS } from '../metrics/catalogData';
import { BenchDeployment, toDevLake } from '../metrics/deployments';
import { SERIES_METRICS } from '../metrics/seriesScenario';
import { sessionEvents, usagePages } from '../metrics/usageScenario';
import { BENCH_SCORECARDS } from '../scorecards/scorecards';
import { benchAnswers, teamBias } from '../surveys/seed';
import { LoadDataset, Person } from './dataset';
import { SeededSurvey } from './seed';

/**
 * The load's mix: what people open in the portal, with their own user
 * tokens, and what they (and CI) write. Each endpoint is one stream of the
 * load generator's draw, its weight its share of the requests in percent;
 * each call carries the tags it is reported under: its family, the family
 * and endpoint, and `reads` or `writes`.
 */

export const READ_FAMILIES = [
  'scorecards',
  'golden paths',
  'surveys',
  'metrics',
  'maturity',
  'campaigns',
] as const;
export const FAMILIES = [...READ_FAMILIES, 'writes'] as const;
export type Family = (typeof FAMILIES)[number];

export const READS = 'reads';
export const WRITES = 'writes';

/** The variants of each read endpoint (people, teams, entities). */
const VARIANTS = 200;
/** The usage posts, cycled (a person posting again is what happens). */
const USAGE_POSTS = 2000;

export interface MixContext {
  dataset: LoadDataset;
  /** A user token of each person, by user ref. */
  tokens: Map<string, string>;
  survey: SeededSurvey;
  campaignIds: string[];
  /** 0 for the first phase, 1 for the second: writes never repeat. */
  phase: number;
  phases: number;
  /** Requests a phase may send at most (warm-up included), to size unique writes. */
  maxRequests: number;
  /** Distinguishes this run's deployment ids from another run's. */
  runId: string;
}

interface ReadEndpoint {
  family: Family;
  name: string;
  weight: number;
  /** The variant's path under /api/flywheel, for a person. */
  path(person: Person, rnd: () => number): string;
}

const q = encodeURIComponent;

/** What the mix is, for the report and the docs. */
export interface MixEntry {
  family: Family;
  name: string;
  weight: number;
  example: string;
}

function readEndpoints(context: MixContext): ReadEndpoint[] {
  const { dataset, survey, campaignIds } = context;
  const refs = dataset.componentRefs;
  // A few components far more often (a power law over the list).
  const popular = (rnd: () => number) =>
    refs[Math.floor(refs.length * rnd() ** 3)];
  const pick = <T>(list: readonly T[], rnd: () => number) =>
    list[Math.floor(rnd() * list.length)];
  const scorecard = (rnd: () => number) => pick(BENCH_SCORECARDS, rnd).id;
  const campaign = (rnd: () => number) => pick(campaignIds, rnd);
  const results = `/surveys/${survey.id}/results`;
  const seriesScope = (person: Person, rnd: () => number) => {
    const roll = rnd();
    if (roll < 0.2) return '';
    if (roll < 0.7) return `groupRef=${q(person.teamRef)}&`;
    if (roll < 0.85) return `goldenPath=${q(pick(GOLDEN_PATHS, rnd))}&`;
    return `entityRef=${q(popular(rnd))}&`;
  };
  return [
    {
      family: 'scorecards',
      name: 'entity results',
      weight: 11,
      path: (_, rnd) => `/scorecards/results?entityRef=${q(popular(rnd))}`,
    },
    {
      family: 'scorecards',
      name: 'rollup, organisation',
      weight: 2,
      path: () => '/scorecards/rollup',
    },
    {
      family: 'scorecards',
      name: 'rollup, own team',
      weight: 3,
      path: p => `/scorecards/rollup?groupRef=${q(p.teamRef)}`,
    },
    {
      family: 'scorecards',
      name: 'leaderboard',
      weight: 3,
      path: (_, rnd) => `/scorecards/leaderboard?scorecardId=${scorecard(rnd)}`,
    },
    {
      family: 'scorecards',
      name: 'entities, own team',
      weight: 3,
      path: (p, rnd) =>
        `/scorecards/entities?scorecardId=${scorecard(rnd)}&groupRef=${q(
          p.teamRef,
        )}&limit=50`,
    },
    {
      family: 'scorecards',
      name: 'history, own team',
      weight: 3,
      path: (p, rnd) =>
        `/scorecards/history?scorecardId=${scorecard(rnd)}&scope=group&ref=${q(
          p.teamRef,
        )}`,
    },
    {
      family: 'scorecards',
      name: 'exemptions, own team',
      weight: 2,
      path: p => `/scorecards/exemptions?groupRef=${q(p.teamRef)}`,
    },
    {
      family: 'golden paths',
      name: 'list',
      weight: 4,
      path: () => '/golden-paths',
    },
    {
      family: 'golden paths',
      name: 'adoption, own team or department',
      weight: 3,
      path: (p, rnd) =>
        `/golden-paths/adoption?groupRef=${q(
          rnd() < 0.7 ? p.teamRef : pick(dataset.departments, rnd),
        )}`,
    },
    {
      family: 'golden paths',
      name: 'provenance',
      weight: 3,
      path: (_, rnd) => `/golden-paths/provenance?entityRef=${q(popular(rnd))}`,
    },
    {
      family: 'surveys',
      name: 'prompts',
      weight: 6,
      path: () => '/surveys/prompts',
    },
    {
      family: 'surveys',
      name: 'results, open wave',
      weight: 3,
      path: () => `${results}?waveId=${survey.openWaveId}`,
    },
    {
      family: 'surveys',
      name: 'results, closed wave',
      weight: 1,
      path: () => `${results}?waveId=${survey.closedWaveId}`,
    },
    {
      family: 'surveys',
      name: 'results, a department',
      weight: 1,
      path: (_, rnd) =>
        `${results}?waveId=${survey.openWaveId}&groupRef=${q(
          pick(dataset.departments, rnd),
        )}`,
    },
    {
      family: 'surveys',
      name: 'list',
      weight: 2,
      path: () => '/surveys',
    },
    {
      family: 'metrics',
      name: 'value-stream series',
      weight: 8,
      path: (p, rnd) =>
        `/metrics/${pick(SERIES_METRICS, rnd)}/series?${seriesScope(
          p,
          rnd,
        )}window=26w&interval=week`,
    },
    {
      family: 'metrics',
      name: 'golden-path adoption series, own team',
      weight: 2,
      path: p =>
        `/metrics/goldenPaths.adoption/series?groupRef=${q(
          p.teamRef,
        )}&window=26w&interval=week`,
    },
    {
      family: 'metrics',
      name: 'usage breakdown',
      weight: 2,
      path: () => '/usage/breakdown',
    },
    {
      family: 'metrics',
      name: 'list',
      weight: 2,
      path: () => '/metrics',
    },
    {
      family: 'maturity',
      name: 'board',
      weight: 4,
      path: () => '/maturity/capabilities',
    },
    {
      family: 'maturity',
      name: 'outcomes',
      weight: 2,
      path: () => '/maturity/outcomes?window=26w&interval=week',
    },
    {
      family: 'campaigns',
      name: 'list',
      weight: 5,
      path: () => '/campaigns',
    },
    {
      family: 'campaigns',
      name: 'campaign',
      weight: 3,
      path: (_, rnd) => `/campaigns/${campaign(rnd)}`,
    },
    {
      family: 'campaigns',
      name: 'progress',
      weight: 2,
      path: (_, rnd) => `/campaigns/${campaign(rnd)}/progress`,
    },
    {
      family: 'campaigns',
      name: 'teams',
      weight: 2,
      path: (_, rnd) => `/campaigns/${campaign(rnd)}/teams`,
    },
    {
      family: 'campaigns',
      name: 'open items',
      weight: 1,
      path: (_, rnd) =>
        `/campaigns/${campaign(rnd)}/items?state=open&limit=100`,
    },
  ];
}

/**
 * The write streams' weights (percent of all requests): analytics batches
 * most (every open portal sends them), CI's deployments least (each one
 * makes every replica merge it into its value-stream facts).
 */
const WRITE_WEIGHTS = {
  usage: 10,
  survey: 4,
  deployments: 1,
  exemptions: 2,
};

const API = '/api/flywheel';

const tagsOf = (family: Family, name: string) => [
  family,
  `${family}: ${name}`,
  family === 'writes' ? WRITES : READS,
];

/** A unique stream's size: its share of the most a phase may send, with room. */
const uniqueCount = (context: MixContext, weight: number) =>
  Math.ceil(((context.maxRequests * weight) / 100) * 1.5);

function hex(rnd: () => number, words: number) {
  let text = '';
  for (let i = 0; i < words; i++) {
    text += ((rnd() * 2 ** 32) >>> 0).toString(16).padStart(8, '0');
  }
  return text;
}

function usageStream(context: MixContext): LoadStream {
  const { dataset, tokens, phase } = context;
  const rnd = prng(hashOf(`load:usage:${phase}`));
  const pages = usagePages(dataset.componentRefs);
  const now = Date.now();
  const calls: BenchCall[] = Array.from({ length: USAGE_POSTS }, (_, i) => {
    const person = dataset.people[(i * 7 + phase * 3) % dataset.people.length];
    const events = sessionEvents(rnd, pages, 1 + Math.floor(rnd() * 19), now);
    return {
      method: 'POST',
      path: `${API}/usage/events`,
      token: tokens.get(person.userRef)!,
      body: JSON.stringify({ events, sentAt: new Date(now).toISOString() }),
      tags: tagsOf('writes', 'usage events'),
    };
  });
  return { name: 'writes: usage events', weight: WRITE_WEIGHTS.usage, calls };
}

/** Each person of this phase's half answers the open wave once. */
function surveyStream(context: MixContext): LoadStream {
  const { dataset, tokens, phase, phases, survey } = context;
  const share = Math.floor(dataset.people.length / phases);
  const people = dataset.people.slice(phase * share, (phase + 1) * share);
  const count = Math.min(
    people.length,
    uniqueCount(context, WRITE_WEIGHTS.survey),
  );
  const calls: BenchCall[] = people.slice(0, count).map(person => ({
    method: 'POST',
    path: `${API}/surveys/${survey.id}/responses`,
    token: tokens.get(person.userRef)!,
    body: JSON.stringify({
      waveId: survey.openWaveId,
      answers: benchAnswers(
        prng(hashOf(person.userRef)),
        teamBias(person.teamRef),
        survey.openWaveIndex,
      ).answers,
    }),
    tags: tagsOf('writes', 'survey responses'),
  }));
  return {
    name: 'writes: survey responses',
    weight: WRITE_WEIGHTS.survey,
    calls,
    once: true,
  };
}

/** New deployments of CI, with the static service token: ids never repeat. */
function deploymentStream(context: MixContext): LoadStream {
  const { dataset, phase, runId } = context;
  const rnd = prng(hashOf(`load:deployments:${phase}`));
  const deploying = dataset.catalog.components
    .map((c, i) => ({ type: c.spec?.type, ref: dataset.componentRefs[i] }))
    .filter(c => c.type !== 'library');
  const now = Date.now();
  const calls = Array.from(
    { length: uniqueCount(context, WRITE_WEIGHTS.deployments) },
    (_, i): BenchCall => {
      const service = deploying[Math.floor(deploying.length * rnd() ** 2)];
      const finishedAt = now - Math.floor(rnd() * 600_000);
      const deployment: BenchDeployment = {
        id: `load-${runId}-${phase}-${pad(i, 6)}`,
        entityRef: service.ref,
        environment: 'PRODUCTION',
        result: rnd() < 0.92 ? 'SUCCESS' : 'FAILURE',
        startedAt: finishedAt - 300_000 - Math.floor(rnd() * 900_000),
        finishedAt,
        repoUrl: `https://github.com/acme/${service.ref.split('/')[1]}`,
        commits: Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => ({
          sha: hex(rnd, 5),
          authoredAt: finishedAt - Math.floor(rnd() * 3 * 86_400_000),
        })),
      };
      return {
        method: 'POST',
        path: `${API}/deployments`,
        token: BENCH_TOKEN,
        body: JSON.stringify(toDevLake(deployment)),
        tags: tagsOf('writes', 'deployments (CI, service token)'),
      };
    },
  );
  return {
    name: 'writes: deployments',
    weight: WRITE_WEIGHTS.deployments,
    calls,
    once: true,
  };
}

/** Exemption requests by a member of the owning team, each entity and check once. */
function exemptionStream(context: MixContext): LoadStream {
  const { dataset, tokens, phase } = context;
  const checks = BENCH_SCORECARDS.flatMap(s =>
    Object.keys(s.checks).map(checkId => ({ scorecardId: s.id, checkId })),
  );
  const refs = dataset.componentRefs;
  const count = uniqueCount(context, WRITE_WEIGHTS.exemptions);
  const expiresAt = new Date(Date.now() + 60 * 86_400_000).toISOString();
  const calls = Array.from({ length: count }, (_, k): BenchCall => {
    const index = phase * count + k;
    // A stride through the components: neighbours are other teams'.
    const entityRef = refs[(index * 7919) % refs.length];
    const check = checks[Math.floor(index / refs.length) % checks.length];
    const team = dataset.teamPeople.get(dataset.ownerOf.get(entityRef)!);
    const person = team
      ? team[index % team.length]
      : dataset.people[index % dataset.people.length];
    return {
      method: 'POST',
      path: `${API}/scorecards/exemptions`,
      token: tokens.get(person.userRef)!,
      body: JSON.stringify({
        entityRef,
        ...check,
        justification: `Load benchmark request ${index}: tracked in the team's backlog.`,
        expiresAt,
      }),
      tags: tagsOf('writes', 'exemption requests'),
    };
  });
  return {
    name: 'writes: exemption requests',
    weight: WRITE_WEIGHTS.exemptions,
    calls,
    once: true,
  };
}

/** Every stream of one phase's load. */
export function loadMix(context: MixContext): LoadStream[] {
  const { dataset, tokens } = context;
  const reads = readEndpoints(context).map((endpoint): LoadStream => {
    const rnd = prng(hashOf(`load:${endpoint.family}:${endpoint.name}`));
    const calls = Array.from({ length: VARIANTS }, (): BenchCall => {
      const person = dataset.people[Math.floor(rnd() * dataset.people.length)];
      return {
        method: 'GET',
        path: `${API}${endpoint.path(person, rnd)}`,
        token: tokens.get(person.userRef)!,
        tags: tagsOf(endpoint.family, endpoint.name),
      };
    });
    return {
      name: `${endpoint.family}: ${endpoint.name}`,
      weight: endpoint.weight,
      calls,
    };
  });
  return [
    ...reads,
    usageStream(context),
    surveyStream(context),
    deploymentStream(context),
    exemptionStream(context),
  ];
}

/** The mix as a list, with an example path of each endpoint. */
export function describeMix(streams: LoadStream[]): MixEntry[] {
  return streams.map(s => {
    const [family, name] = s.name.split(': ');
    return {
      family: family as Family,
      name,
      weight: s.weight,
      example: `${s.calls[0]?.method} ${s.calls[0]?.path.replace(API, '')}`,
    };
  });
}
