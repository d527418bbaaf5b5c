import {
  BackstageCredentials,
  BackstageUserPrincipal,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import {
  flywheelSurveysCommentsReadPermission,
  flywheelSurveysManagePermission,
  flywheelSurveysOwnTeamResultsReadPermission,
  flywheelSurveysResultsReadPermission,
  SurveyDefinition,
} from '@flywheel/plugin-flywheel-common';
import { SurveyService } from '../SurveyService';
import { SurveyStore } from '../store/SurveyStore';
import { testSurveyService } from './testService';
import { testOrgSource } from './testOrg';

const migrations = resolvePackagePath(
  '@flywheel/plugin-flywheel-backend',
  'migrations',
);
const DAY = 86_400_000;
export const START = new Date('2026-11-25T10:00:00.000Z');
const ALL_PERMISSIONS = [
  flywheelSurveysManagePermission.name,
  flywheelSurveysResultsReadPermission.name,
  flywheelSurveysOwnTeamResultsReadPermission.name,
  flywheelSurveysCommentsReadPermission.name,
];

export const ref = (name: string) => `user:default/${name}`;
export const pm: BackstageCredentials<BackstageUserPrincipal> =
  mockCredentials.user(ref('pm'));

/** An anonymous quarterly NPS survey of `eng` (14 people in the test org). */
export function npsSurvey(overrides: Partial<SurveyDefinition> = {}) {
  return {
    title: 'Platform NPS',
    anonymous: true,
    questions: [
      { id: 'nps', type: 'nps', title: 'Recommend us?', followUp: 'Why?' },
      {
        id: 'improve',
        type: 'single-choice',
        title: 'Improve first?',
        options: ['Docs', 'CI'],
        required: false,
      },
    ],
    audience: { type: 'groups', groupRefs: ['group:default/eng'] },
    schedule: {
      opensAt: '2026-11-20T00:00:00Z',
      recurrence: 'quarterly',
      waveDays: 60,
    },
    ...overrides,
  } as SurveyDefinition;
}

/** Answers the survey's open wave as each person, with their NPS score. */
export async function answer(
  service: SurveyService,
  surveyId: string,
  scores: Record<string, number>,
  comments: Record<string, string> = {},
) {
  const { currentWave } = await service.getSurvey(surveyId);
  for (const [name, score] of Object.entries(scores)) {
    await service.submit(surveyId, ref(name), {
      waveId: currentWave!.id,
      answers: [
        {
          questionId: 'nps',
          value: score,
          ...(comments[name] ? { comment: comments[name] } : {}),
        },
      ],
    });
  }
  return currentWave!.id;
}

/** An NPS score for everyone in `eng`'s three teams. */
export const SCORES = {
  // team-a: P 3, Pa 1, D 2
  a1: 10,
  a2: 10,
  a3: 9,
  a4: 8,
  a5: 6,
  a6: 3,
  // team-b: P 4, Pa 1, D 1
  b1: 10,
  b2: 9,
  b3: 9,
  b4: 9,
  b5: 7,
  b6: 0,
  // team-c: P 1, D 1
  c1: 10,
  c2: 2,
};

/**
 * Fresh survey services over the test org on every engine the tests run
 * on: call inside a `describe` (TestDatabases registers its clean-up hooks
 * there). The clock starts at START and moves only with `advance`.
 */
export function surveyServiceDatabases() {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function setup(
    databaseId: Parameters<typeof databases.init>[0],
    options: { config?: object; allowed?: string[] } = {},
  ) {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: migrations });
    const store = new SurveyStore(knex);
    let now = START;
    const allowed = new Set(options.allowed ?? ALL_PERMISSIONS);
    const service = testSurveyService({
      store,
      catalog: testOrgSource,
      config: options.config,
      allowed,
      now: () => now,
    });
    return {
      knex,
      store,
      service,
      allowed,
      advance: (days: number) => {
        now = new Date(now.getTime() + days * DAY);
      },
    };
  }

  return { databases, setup };
}
