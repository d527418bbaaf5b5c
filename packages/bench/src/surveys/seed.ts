import {
  SurveyAnswer,
  SurveyDefinition,
} from '@flywheel/plugin-flywheel-common';
import { DateTime } from 'luxon';
import { hashOf, prng, weighted } from '../harness';
import {
  latestWaveWindow,
  NewSurveyResponse,
  parseSurveyDefinition,
  SurveyStore,
  waveWindow,
} from './flywheel';

export const SURVEY_ID = 'bench-platform-nps';

export const CHANNELS = [
  'A golden-path template',
  'Copying an existing repository',
  'From scratch',
  'Asking another team',
];

const COMMENTS = [
  'The templates save me a day every time.',
  'CI is slow on Mondays.',
  'Docs are hard to find; search helps.',
  'Onboarding a new service took too long.',
  'Great support in the platform channel.',
  'Too many approvals to get to production.',
  'Scorecards nag about things we cannot fix.',
  'Local development environment is flaky.',
];

/**
 * The benchmark's survey: anonymous, quarterly, for everyone; an NPS with
 * its "why?" follow-up, a single choice and a CSAT. Wave 1 opened
 * 3·(waves−1) months and 10 days ago, so wave `waves` is open now (waves
 * last 60 days) and the earlier ones are closed.
 */
export function benchSurveyDefinition(
  waves: number,
  now: Date,
): SurveyDefinition {
  const lastOpens = DateTime.fromJSDate(now, { zone: 'utc' })
    .startOf('day')
    .minus({ days: 10 });
  const definition = parseSurveyDefinition(
    {
      title: 'Platform NPS (benchmark)',
      description: 'Synthetic survey of the surveys benchmark.',
      anonymous: true,
      audience: { type: 'everyone' },
      schedule: {
        opensAt: lastOpens.minus({ months: 3 * (waves - 1) }).toISO(),
        recurrence: 'quarterly',
        waveDays: 60,
      },
      triggers: [{ type: 'wave-open' }],
      questions: [
        {
          id: 'nps',
          type: 'nps',
          title: 'How likely are you to recommend the platform to a colleague?',
          followUp: 'What is the main reason for your score?',
        },
        {
          id: 'channel',
          type: 'single-choice',
          title: 'How did you start your last new service?',
          options: CHANNELS,
        },
        {
          id: 'csat',
          type: 'csat',
          title: 'How satisfied are you with the developer portal?',
        },
      ],
    },
    'Benchmark survey',
  );
  const latest = latestWaveWindow(definition.schedule, now);
  if (latest?.number !== waves || now >= latest.closesAt) {
    throw new Error(
      `The benchmark survey's schedule does not make wave ${waves} the open one (latest: ${JSON.stringify(
        latest,
      )})`,
    );
  }
  return definition;
}

/** Creates the survey and its waves, as the plugin stores them. */
export async function createBenchSurvey(
  store: SurveyStore,
  definition: SurveyDefinition,
  waves: number,
  audienceSize: number,
  now: Date,
) {
  await store.createSurvey({
    id: SURVEY_ID,
    source: 'api',
    definition,
    createdBy: 'user:default/dev-00001',
    now: waveWindow(definition.schedule, 1).opensAt,
  });
  const stored = [];
  for (let number = 1; number <= waves; number++) {
    stored.push(
      await store.ensureWave({
        surveyId: SURVEY_ID,
        ...waveWindow(definition.schedule, number),
        questions: definition.questions,
        audienceSize,
      }),
    );
  }
  if (stored[waves - 1].closesAt <= now || stored[waves - 1].opensAt > now) {
    throw new Error('The last wave is not open');
  }
  return stored;
}

/** A respondent's answers: team and wave shift the odds a little. */
export function benchAnswers(
  rnd: () => number,
  teamBias: number,
  waveIndex: number,
): {
  answers: SurveyAnswer[];
  scored: NewSurveyResponse['scored'];
  comments: NewSurveyResponse['comments'];
} {
  // Promoters grow by a point a wave; teams differ by up to ±10 points.
  const promoter = 0.42 + teamBias * 0.1 + waveIndex * 0.01;
  const detractor = 0.22 - teamBias * 0.08 - waveIndex * 0.005;
  const roll = rnd();
  let nps: number;
  if (roll < detractor) {
    nps = Math.floor(rnd() * 7);
  } else if (roll < 1 - promoter) {
    nps = 7 + Math.floor(rnd() * 2);
  } else {
    nps = 9 + Math.floor(rnd() * 2);
  }
  const channel = weighted(rnd(), [
    [0.55 + teamBias * 0.1, CHANNELS[0]],
    [0.8, CHANNELS[1]],
    [0.93, CHANNELS[2]],
    [1, CHANNELS[3]],
  ]);
  const csat = weighted(rnd() - teamBias * 0.05, [
    [0.04, 1],
    [0.12, 2],
    [0.3, 3],
    [0.72, 4],
    [1, 5],
  ]);
  const comment =
    rnd() < 0.2 ? COMMENTS[Math.floor(rnd() * COMMENTS.length)] : undefined;
  return {
    answers: [
      { questionId: 'nps', value: nps, ...(comment ? { comment } : {}) },
      { questionId: 'channel', value: channel },
      { questionId: 'csat', value: csat },
    ],
    scored: [
      { questionId: 'nps', valueNum: nps },
      { questionId: 'channel', valueText: channel },
      { questionId: 'csat', valueNum: csat },
    ],
    comments: comment ? [{ questionId: 'nps', text: comment }] : [],
  };
}

/** −1 … 1, stable per team. */
export const teamBias = (teamRef: string) =>
  ((hashOf(teamRef) % 2001) - 1000) / 1000;

/**
 * How a wave's responses split over the teams: the last three teams get 2
 * each (below the minimum group size, so the results hide them and guard
 * their siblings against differencing); the rest by a stable weight of
 * 0.5–1.5, so team sizes differ threefold.
 */
export function teamAllocation(teams: string[], responses: number): number[] {
  const tiny = Math.min(3, Math.max(0, teams.length - 1));
  const counts: number[] = teams.map((_, i) =>
    i >= teams.length - tiny ? 2 : 0,
  );
  let left = responses - counts.reduce((a, b) => a + b, 0);
  if (left < 0) {
    return teams.map((_, i) => (i === 0 ? responses : 0));
  }
  const weights = teams.map((t, i) =>
    i >= teams.length - tiny ? 0 : 0.5 + (hashOf(`w:${t}`) % 1000) / 1000,
  );
  const total = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map(w => (w / total) * left);
  exact.forEach((x, i) => {
    counts[i] += Math.floor(x);
  });
  left -= exact.reduce((a, x) => a + Math.floor(x), 0);
  // Largest remainders get the rest.
  const order = exact
    .map((x, i) => ({ i, r: x - Math.floor(x) }))
    .sort((a, b) => b.r - a.r);
  for (let k = 0; k < left; k++) {
    counts[order[k % order.length].i] += 1;
  }
  return counts;
}

/** Responses per wave: as even as possible, the first waves take the rest. */
export function perWave(responses: number, waves: number): number[] {
  return Array.from(
    { length: waves },
    (_, i) => Math.floor(responses / waves) + (i < responses % waves ? 1 : 0),
  );
}

export interface SeedResult {
  ms: number;
  responses: number;
  /** Responses and comments stored per wave (index 0 = wave 1). */
  responsesPerWave: number[];
  commentsPerWave: number[];
}

/**
 * Seeds `responses` anonymous responses over the waves with
 * SurveyStore.bulkInsertResponses in batches. Respondents are synthetic refs
 * `user:default/bench-<n>`, distinct within a wave and not in the catalog
 * (an anonymous response carries only its team, `group_ref`).
 */
export async function seedResponses(
  store: SurveyStore,
  options: {
    waves: { id: string; opensAt: Date; closesAt: Date }[];
    teams: string[];
    responses: number;
    batchSize: number;
    now: Date;
    progress(done: number, ms: number): void;
  },
): Promise<SeedResult> {
  const started = performance.now();
  const counts = perWave(options.responses, options.waves.length);
  const commentsPerWave = counts.map(() => 0);
  const biases = options.teams.map(teamBias);
  let batch: NewSurveyResponse[] = [];
  let done = 0;
  let lastReport = performance.now();
  const flush = async () => {
    await store.bulkInsertResponses(batch);
    done += batch.length;
    batch = [];
    if (performance.now() - lastReport > 20_000) {
      lastReport = performance.now();
      options.progress(done, performance.now() - started);
    }
  };
  for (const [w, wave] of options.waves.entries()) {
    const rnd = prng(0x5eed + w);
    const allocation = teamAllocation(options.teams, counts[w]);
    const from = wave.opensAt.getTime();
    const until = Math.min(wave.closesAt.getTime(), options.now.getTime());
    let n = 0;
    for (const [t, teamRef] of options.teams.entries()) {
      for (let k = 0; k < allocation[t]; k++) {
        const answered = benchAnswers(rnd, biases[t], w);
        commentsPerWave[w] += answered.comments.length;
        batch.push({
          surveyId: SURVEY_ID,
          waveId: wave.id,
          anonymous: true,
          asksNps: true,
          userRef: `user:default/bench-${n++}`,
          groupRef: teamRef,
          answers: answered.answers,
          scored: answered.scored,
          comments: answered.comments,
          now: new Date(from + Math.floor(rnd() * (until - from))),
        });
        if (batch.length >= options.batchSize) {
          await flush();
        }
      }
    }
  }
  if (batch.length > 0) {
    await flush();
  }
  return {
    ms: performance.now() - started,
    responses: done,
    responsesPerWave: counts,
    commentsPerWave,
  };
}
