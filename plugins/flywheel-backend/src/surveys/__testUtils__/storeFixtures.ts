import { TestDatabases } from '@backstage/backend-test-utils';
import {
  SurveyDefinition,
  SurveyQuestion,
} from '@flywheel/plugin-flywheel-common';
import { Knex } from 'knex';
import { connectDatabase } from '../../database/migrate';
import { NewSurveyResponse, SurveyStore } from '../store/SurveyStore';

export const T0 = new Date('2026-11-20T10:00:00.000Z');
export const T1 = new Date('2026-11-21T10:00:00.000Z');
export const T2 = new Date('2026-11-22T23:30:00.000Z');
export const T3 = new Date('2026-12-05T10:00:00.000Z');

export const QUESTIONS: SurveyQuestion[] = [
  { id: 'nps', type: 'nps', title: 'Recommend?', followUp: 'Why?' },
  {
    id: 'tools',
    type: 'multiple-choice',
    title: 'Which tools?',
    options: ['catalog', 'scaffolder', 'techdocs'],
  },
  { id: 'other', type: 'text', title: 'Anything else?', required: false },
];

export function definition(
  overrides: Partial<SurveyDefinition> = {},
): SurveyDefinition {
  return {
    title: 'Developer NPS',
    anonymous: false,
    questions: QUESTIONS,
    audience: { type: 'everyone' },
    schedule: { opensAt: T0.toISOString(), recurrence: 'quarterly' },
    triggers: [{ type: 'wave-open' }],
    samplingPercent: 100,
    ...overrides,
  };
}

export async function count(knex: Knex, table: string): Promise<number> {
  const [{ n }] = await knex(table).count({ n: '*' });
  return Number(n);
}

export async function rowCounts(knex: Knex) {
  return {
    participation: await count(knex, 'survey_participation'),
    responses: await count(knex, 'survey_responses'),
    answers: await count(knex, 'survey_answers'),
    comments: await count(knex, 'survey_comments'),
  };
}

/**
 * Ada's identified response to survey `s1` at T1: NPS 9 with a comment and
 * two tools.
 */
export function response(
  waveId: string,
  overrides: Partial<NewSurveyResponse> = {},
): NewSurveyResponse {
  return {
    surveyId: 's1',
    waveId,
    anonymous: false,
    asksNps: true,
    userRef: 'user:default/ada',
    groupRef: 'group:default/Payments',
    answers: [
      { questionId: 'nps', value: 9, comment: 'Fast builds' },
      { questionId: 'tools', value: ['catalog', 'techdocs'] },
    ],
    scored: [
      { questionId: 'nps', valueNum: 9 },
      { questionId: 'tools', valueText: 'catalog' },
      { questionId: 'tools', valueText: 'techdocs' },
    ],
    comments: [{ questionId: 'nps', text: 'Fast builds' }],
    now: T1,
    ...overrides,
  };
}

/**
 * Fresh stores on every engine the tests run on: call inside a `describe`
 * (TestDatabases registers its clean-up hooks there).
 */
export function surveyStoreDatabases() {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    const db = await connectDatabase({ getClient: async () => knex });
    return { knex: db, store: new SurveyStore(db) };
  }

  /** A store with survey `s1` and its open wave 1 (T0 to T3). */
  async function withWave(
    databaseId: Parameters<typeof databases.init>[0],
    options: { anonymous?: boolean } = {},
  ) {
    const { knex, store } = await createStore(databaseId);
    await store.createSurvey({
      id: 's1',
      source: 'api',
      definition: definition({ anonymous: options.anonymous ?? false }),
      now: T0,
    });
    const wave = await store.ensureWave({
      surveyId: 's1',
      number: 1,
      opensAt: T0,
      closesAt: T3,
      questions: QUESTIONS,
    });
    return { knex, store, wave };
  }

  return { databases, createStore, withWave };
}
