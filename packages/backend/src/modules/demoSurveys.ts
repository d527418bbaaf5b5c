import { randomUUID } from 'crypto';
import { DatabaseService } from '@backstage/backend-plugin-api';
import {
  RELATION_MEMBER_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { surveyTemplate } from '@flywheel/plugin-flywheel-common';
import { createDemoSeedModule } from './demoSeedModule';
import { DateTime } from 'luxon';

type Knex = Awaited<ReturnType<DatabaseService['getClient']>>;

/** The demo survey's id. */
export const DEMO_SURVEY_ID = 'platform-nps';
/** Past quarterly waves with made-up answers. */
export const DEMO_WAVES = 5;
const WAVE_DAYS = 21;
/** Rows per insert, under SQLite's 999 bound values. */
const INSERT_ROWS = 100;

const COMMENTS = {
  promoter: [
    'Creating a new service from the template took ten minutes, end to end.',
    'The golden path for services saves me a day every time.',
    'Deploys just work now, and the docs are finally in one place.',
  ],
  passive: [
    'Good overall, but the CI pipeline is slow on large repositories.',
    'Templates are great; I would like more examples for data jobs.',
    'Mostly fine. Finding who owns a service is still hard.',
  ],
  detractor: [
    'Preview environments break too often for us to rely on them.',
    'Onboarding a legacy service onto the platform took weeks.',
    'Too many manual steps before the first production deploy.',
  ],
};

/** A person the demo answers for: their ref and team. */
export interface DemoRespondent {
  userRef: string;
  groupRef?: string;
}

/** Deterministic pseudo-random numbers, so every start seeds the same data. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The rows one wave of made-up answers writes, table by table. */
type WaveRows = Record<
  'participation' | 'responses' | 'answers' | 'comments',
  object[]
>;

function waveRows(): WaveRows {
  return { participation: [], responses: [], answers: [], comments: [] };
}

async function insertWaveRows(knex: Knex, rows: WaveRows) {
  await insertChunked(knex, 'survey_participation', rows.participation);
  await insertChunked(knex, 'survey_responses', rows.responses);
  await insertChunked(knex, 'survey_answers', rows.answers);
  await insertChunked(knex, 'survey_comments', rows.comments);
}

/** A free-text answer as the comment store keeps it, untriaged. */
function commentRow(row: {
  responseId: string;
  surveyId: string;
  waveId: string;
  questionId: string;
  groupRef: string | null;
  text: string;
  submittedOn: string | null;
}) {
  return {
    id: randomUUID(),
    response_id: row.responseId,
    survey_id: row.surveyId,
    wave_id: row.waveId,
    question_id: row.questionId,
    group_ref: row.groupRef,
    text: row.text,
    submitted_on: row.submittedOn,
    tags: '[]',
    resolved_by: null,
    resolved_at: null,
  };
}

async function insertChunked(knex: Knex, table: string, rows: object[]) {
  for (let i = 0; i < rows.length; i += INSERT_ROWS) {
    await knex(table).insert(rows.slice(i, i + INSERT_ROWS));
  }
}

/**
 * Seeds a quarterly, anonymous "Platform NPS" with five past waves answered
 * by about three in four of the demo org, NPS rising from about −10 to +30,
 * so the results page has a trend, a breakdown with small teams hidden, and
 * comments. The last wave closed before today, so nobody is throttled by it
 * for long and a new survey can prompt at once. Does nothing when the survey
 * exists; 'waiting' until Flywheel's tables are there.
 */
export async function seedDemoSurveys(
  knex: Knex,
  respondents: DemoRespondent[],
  now: Date,
): Promise<{ status: 'waiting' | 'exists' | 'done'; responses: number }> {
  if (!(await knex.schema.hasTable('survey_definitions'))) {
    return { status: 'waiting', responses: 0 };
  }
  if (await knex('survey_definitions').where({ id: DEMO_SURVEY_ID }).first()) {
    return { status: 'exists', responses: 0 };
  }
  const today = DateTime.fromJSDate(now, { zone: 'utc' }).startOf('day');
  // The last seeded wave opened 30 days ago and closed 9 days ago.
  const firstOpens = today.minus({ days: 30, months: 3 * (DEMO_WAVES - 1) });
  // The ready-made platform NPS, as a PM would start it.
  const template = surveyTemplate('platform-nps', firstOpens.toJSDate())!;
  const definition = {
    ...template.definition,
    title: 'Platform NPS',
    description:
      'Every quarter: how likely are you to recommend the platform, and why?',
    schedule: { ...template.definition.schedule, waveDays: WAVE_DAYS },
    template: template.id,
  };
  const questions = definition.questions;
  const options = questions.find(q => q.type === 'single-choice')!.options!;
  const rand = random(42);
  // Each wave's audience as Flywheel freezes it when a wave opens: the own
  // members of each team.
  const ownCounts = new Map<string, number>();
  for (const person of respondents) {
    const team = person.groupRef ?? '';
    ownCounts.set(team, (ownCounts.get(team) ?? 0) + 1);
  }
  const audienceRows = (waveId: string) =>
    [...ownCounts].map(([groupRef, count]) => ({
      wave_id: waveId,
      group_ref: groupRef,
      audience: count,
      invited: count,
    }));
  // The same people in the same order give the same answers on every start.
  const people = [...respondents].sort((a, b) =>
    a.userRef.localeCompare(b.userRef),
  );
  let total = 0;
  await knex.transaction(async tx => {
    await tx('survey_definitions').insert({
      id: DEMO_SURVEY_ID,
      source: 'api',
      definition: JSON.stringify(definition),
      status: 'active',
      created_by: 'user:default/guest',
      created_at: firstOpens.toJSDate(),
      updated_at: firstOpens.toJSDate(),
    });
    for (let number = 1; number <= DEMO_WAVES; number++) {
      const opens = firstOpens.plus({ months: 3 * (number - 1) });
      const waveId = randomUUID();
      await tx('survey_waves').insert({
        id: waveId,
        survey_id: DEMO_SURVEY_ID,
        number,
        opens_at: opens.toJSDate(),
        closes_at: opens.plus({ days: WAVE_DAYS }).toJSDate(),
        questions: JSON.stringify(questions),
        audience_size: respondents.length,
        // Everyone was invited: a quarterly NPS is past the 90-day limit.
        invited_size: respondents.length,
        audience_snapshot_at: opens.toJSDate(),
        notified_at: opens.toJSDate(),
      });
      await insertChunked(tx, 'survey_wave_audiences', audienceRows(waveId));
      // Shares of promoters and detractors drift towards a better score.
      const promoterShare = 0.25 + 0.06 * number;
      const detractorShare = 0.4 - 0.05 * number;
      const { participation, responses, answers, comments } = waveRows();
      for (const person of people) {
        if (rand() > 0.78) continue;
        const roll = rand();
        let score: number;
        let category: keyof typeof COMMENTS;
        if (roll < promoterShare) {
          score = 9 + Math.floor(rand() * 2);
          category = 'promoter';
        } else if (roll < promoterShare + detractorShare) {
          score = Math.floor(rand() * 7);
          category = 'detractor';
        } else {
          score = 7 + Math.floor(rand() * 2);
          category = 'passive';
        }
        const choice = options[Math.floor(rand() * options.length)];
        const comment =
          rand() < 0.45
            ? COMMENTS[category][Math.floor(rand() * COMMENTS[category].length)]
            : undefined;
        const respondedAt = opens.plus({ hours: Math.floor(rand() * 24 * 14) });
        const responseId = randomUUID();
        const groupRef = person.groupRef ?? null;
        participation.push({
          wave_id: waveId,
          survey_id: DEMO_SURVEY_ID,
          user_ref: person.userRef,
          responded_at: respondedAt.toJSDate(),
          asked_nps: true,
        });
        responses.push({
          id: responseId,
          survey_id: DEMO_SURVEY_ID,
          wave_id: waveId,
          user_ref: null,
          group_ref: groupRef,
          answers: JSON.stringify([
            {
              questionId: 'nps',
              value: score,
              ...(comment ? { comment } : {}),
            },
            { questionId: 'improve-first', value: choice },
          ]),
          // Anonymous: no time, and shuffled out of arrival order by
          // Flywheel's next run, as real answers are.
          submitted_on: null,
          updated_at: null,
          pending_mix: true,
        });
        answers.push(
          {
            response_id: responseId,
            wave_id: waveId,
            question_id: 'nps',
            group_ref: groupRef,
            value_num: score,
            value_text: null,
          },
          {
            response_id: responseId,
            wave_id: waveId,
            question_id: 'improve-first',
            group_ref: groupRef,
            value_num: null,
            value_text: choice,
          },
        );
        if (comment) {
          comments.push(
            commentRow({
              responseId,
              surveyId: DEMO_SURVEY_ID,
              waveId,
              questionId: 'nps',
              groupRef,
              text: comment,
              submittedOn: null,
            }),
          );
        }
      }
      await insertWaveRows(tx, { participation, responses, answers, comments });
      total += responses.length;
    }
  });
  return { status: 'done', responses: total };
}

/** The demo CSAT survey's id: the ready-made "Golden path CSAT". */
export const DEMO_CSAT_SURVEY_ID = 'golden-path-csat';
/**
 * Past monthly waves of the CSAT survey: how many people answered each and
 * how many of them were satisfied (4 or 5 of 5), so CSAT climbs from about
 * 65 % to 79 % with a dip, and the last wave clears the 75 % of the
 * built-in maturity criterion "CSAT at least 75 %" with 19 answers.
 */
export const DEMO_CSAT_WAVES: ReadonlyArray<{
  responses: number;
  satisfied: number;
}> = [
  { responses: 12, satisfied: 8 },
  { responses: 14, satisfied: 9 },
  { responses: 13, satisfied: 9 },
  { responses: 16, satisfied: 11 },
  { responses: 15, satisfied: 11 },
  { responses: 17, satisfied: 12 },
  { responses: 14, satisfied: 11 },
  { responses: 19, satisfied: 15 },
];
const CSAT_WAVE_DAYS = 28;

const SLOWED_DOWN = {
  satisfied: [
    'Nothing much: the service was in production the same afternoon.',
    'Waiting for the first CI run; the rest was quick.',
    'Picking a name took longer than the template.',
    'I had to look up how to add a database; a step for it would help.',
  ],
  unsatisfied: [
    'The template still pins Node.js 20 and our payment SDK needs 22.',
    'Secrets for staging had to be requested by ticket.',
    'The generated dashboard was empty until I renamed the metrics.',
    'Documentation on the deploy step is out of date.',
  ],
};

/**
 * Seeds the ready-made "Golden path CSAT" (asked after a golden-path run,
 * identified, monthly waves of 28 days) with eight past waves of made-up
 * answers, 12 to 19 a wave from the half of the org it samples, CSAT per
 * {@link DEMO_CSAT_WAVES}. The last seeded wave opened 35 days ago and has
 * closed; the next one has opened, so creating a service from a golden path
 * can prompt for it at once. Does nothing when the survey exists; 'waiting'
 * until Flywheel's tables are there.
 */
export async function seedDemoCsatSurvey(
  knex: Knex,
  respondents: DemoRespondent[],
  now: Date,
): Promise<{ status: 'waiting' | 'exists' | 'done'; responses: number }> {
  if (!(await knex.schema.hasTable('survey_definitions'))) {
    return { status: 'waiting', responses: 0 };
  }
  if (
    await knex('survey_definitions').where({ id: DEMO_CSAT_SURVEY_ID }).first()
  ) {
    return { status: 'exists', responses: 0 };
  }
  const waves = DEMO_CSAT_WAVES.length;
  const today = DateTime.fromJSDate(now, { zone: 'utc' }).startOf('day');
  const firstOpens = today.minus({ days: 35 }).minus({ months: waves - 1 });
  const template = surveyTemplate(DEMO_CSAT_SURVEY_ID, firstOpens.toJSDate())!;
  const definition = {
    ...template.definition,
    title: 'Golden path CSAT',
    description:
      'Asked after a service is created from a golden path: how satisfied, and what slowed you down?',
    schedule: { ...template.definition.schedule, waveDays: CSAT_WAVE_DAYS },
    template: template.id,
  };
  const questions = definition.questions;
  const rand = random(7);
  const people = [...respondents].sort((a, b) =>
    a.userRef.localeCompare(b.userRef),
  );
  const pick = <T>(items: T[]) => items[Math.floor(rand() * items.length)];
  let total = 0;
  await knex.transaction(async tx => {
    await tx('survey_definitions').insert({
      id: DEMO_CSAT_SURVEY_ID,
      source: 'api',
      definition: JSON.stringify(definition),
      status: 'active',
      created_by: 'user:default/guest',
      created_at: firstOpens.toJSDate(),
      updated_at: firstOpens.toJSDate(),
    });
    for (let number = 1; number <= waves; number++) {
      const { responses: wanted, satisfied } = DEMO_CSAT_WAVES[number - 1];
      const opens = firstOpens.plus({ months: number - 1 });
      const waveId = randomUUID();
      // Invited when the wave opened: the half the survey samples.
      const invited = people.filter(() => rand() < 0.5);
      // Of them, those who created a service from a golden path and
      // answered when prompted, in a made-up order.
      const answered = [...invited]
        .map(person => ({ person, key: rand() }))
        .sort((a, b) => a.key - b.key)
        .slice(0, wanted)
        .map(({ person }) => person);
      const teams = new Map<string, { audience: number; invited: number }>();
      for (const person of people) {
        const team = person.groupRef ?? '';
        const counts = teams.get(team) ?? { audience: 0, invited: 0 };
        counts.audience++;
        teams.set(team, counts);
      }
      for (const person of invited) {
        teams.get(person.groupRef ?? '')!.invited++;
      }
      await tx('survey_waves').insert({
        id: waveId,
        survey_id: DEMO_CSAT_SURVEY_ID,
        number,
        opens_at: opens.toJSDate(),
        closes_at: opens.plus({ days: CSAT_WAVE_DAYS }).toJSDate(),
        questions: JSON.stringify(questions),
        audience_size: people.length,
        invited_size: invited.length,
        audience_snapshot_at: opens.toJSDate(),
        // A triggered survey is marked notified when its wave opens.
        notified_at: opens.toJSDate(),
      });
      await insertChunked(
        tx,
        'survey_wave_audiences',
        [...teams].map(([groupRef, counts]) => ({
          wave_id: waveId,
          group_ref: groupRef,
          ...counts,
        })),
      );
      const { participation, responses, answers, comments } = waveRows();
      for (const [i, person] of answered.entries()) {
        const happy = i < satisfied;
        const score = happy
          ? 4 + Math.floor(rand() * 2)
          : 1 + Math.floor(rand() * 3);
        const comment =
          rand() < 0.5
            ? pick(SLOWED_DOWN[happy ? 'satisfied' : 'unsatisfied'])
            : undefined;
        const respondedAt = opens.plus({
          hours: Math.floor(rand() * 24 * (CSAT_WAVE_DAYS - 1)),
        });
        const day = respondedAt.toISODate();
        const responseId = randomUUID();
        const groupRef = person.groupRef ?? null;
        participation.push({
          wave_id: waveId,
          survey_id: DEMO_CSAT_SURVEY_ID,
          user_ref: person.userRef,
          responded_at: respondedAt.toJSDate(),
          asked_nps: false,
        });
        // Identified, as the template is: who answered and on which day.
        responses.push({
          id: responseId,
          survey_id: DEMO_CSAT_SURVEY_ID,
          wave_id: waveId,
          user_ref: person.userRef,
          group_ref: groupRef,
          answers: JSON.stringify([
            { questionId: 'csat', value: score },
            ...(comment ? [{ questionId: 'slowed-down', value: comment }] : []),
          ]),
          submitted_on: day,
          updated_at: respondedAt.toJSDate(),
          pending_mix: false,
        });
        answers.push({
          response_id: responseId,
          wave_id: waveId,
          question_id: 'csat',
          group_ref: groupRef,
          value_num: score,
          value_text: null,
        });
        if (comment) {
          comments.push(
            commentRow({
              responseId,
              surveyId: DEMO_CSAT_SURVEY_ID,
              waveId,
              questionId: 'slowed-down',
              groupRef,
              text: comment,
              submittedOn: day,
            }),
          );
        }
      }
      await insertWaveRows(tx, { participation, responses, answers, comments });
      total += responses.length;
    }
  });
  return { status: 'done', responses: total };
}

/**
 * Example only: seeds the demo surveys' history once, after Flywheel has
 * created its tables (`flywheelExample.demoSurveys: true`): the quarterly
 * Platform NPS and the Golden path CSAT.
 */
export const flywheelModuleDemoSurveys = createDemoSeedModule({
  moduleId: 'example-demo-surveys',
  flag: 'demoSurveys',
  label: 'Demo surveys',
  initialDelay: { seconds: 10 },
  seeder: () => {
    // The users as last seen: the demo is seeded once they stop changing,
    // so a catalog still ingesting the demo org does not leave the past
    // waves with a handful of respondents.
    let lastSeen = '';
    return async ({ knex, catalog, credentials }) => {
      const { items } = await catalog.getEntities(
        {
          filter: { kind: 'User' },
          fields: ['kind', 'metadata.name', 'metadata.namespace', 'relations'],
        },
        { credentials: await credentials() },
      );
      // The guest is left out, so the demo can prompt them.
      const respondents = items
        .map(user => ({
          userRef: stringifyEntityRef(user).toLocaleLowerCase('en-US'),
          groupRef: (user.relations ?? [])
            .filter(r => r.type === RELATION_MEMBER_OF)
            .map(r => r.targetRef.toLocaleLowerCase('en-US'))
            .sort()[0],
        }))
        .filter(r => r.userRef !== 'user:default/guest');
      const seen = `${respondents.length} users, ${
        respondents.filter(r => r.groupRef).length
      } in a group`;
      if (respondents.length === 0 || seen !== lastSeen) {
        lastSeen = seen;
        return { status: 'waiting', reason: `the catalog: ${seen}` };
      }
      const now = new Date();
      const nps = await seedDemoSurveys(knex, respondents, now);
      if (nps.status === 'waiting') {
        return { status: 'waiting', reason: 'Flywheel has not migrated yet' };
      }
      const csat = await seedDemoCsatSurvey(knex, respondents, now);
      const said = (result: typeof nps, id: string, waves: number): string =>
        result.status === 'done'
          ? `seeded ${result.responses} responses in ${waves} past waves of '${id}'`
          : `'${id}' already seeded`;
      return {
        status: 'done',
        message: `${said(nps, DEMO_SURVEY_ID, DEMO_WAVES)}; ${said(
          csat,
          DEMO_CSAT_SURVEY_ID,
          DEMO_CSAT_WAVES.length,
        )}`,
      };
    };
  },
});
