// Realistic survey responses of the Flywheel backend, shared by survey tests.
import {
  Survey,
  SurveyComment,
  SurveyCommentsResponse,
  SurveyResultsResponse,
  SurveyWave,
} from '@flywheel/plugin-flywheel-common';
import { FlywheelApi } from '../../api';
import { mockFlywheelApi } from '../../__testUtils__/testData';

export const waves: SurveyWave[] = [
  {
    id: 'w1',
    surveyId: 'platform-nps',
    number: 1,
    opensAt: '2026-01-05T00:00:00Z',
    closesAt: '2026-01-19T00:00:00Z',
    status: 'closed',
    audienceSize: 120,
    responseCount: 48,
  },
  {
    id: 'w2',
    surveyId: 'platform-nps',
    number: 2,
    opensAt: '2026-04-06T00:00:00Z',
    closesAt: '2026-04-20T00:00:00Z',
    status: 'closed',
    audienceSize: 124,
    responseCount: 51,
  },
  {
    id: 'w3',
    surveyId: 'platform-nps',
    number: 3,
    opensAt: '2026-07-06T00:00:00Z',
    closesAt: '2026-07-20T00:00:00Z',
    status: 'open',
    audienceSize: 130,
    responseCount: 42,
  },
];

export const platformNps: Survey = {
  id: 'platform-nps',
  title: 'Platform NPS',
  description: 'How the internal developer platform is doing, every quarter.',
  anonymous: true,
  questions: [
    {
      id: 'recommend',
      type: 'nps',
      title: 'How likely are you to recommend the platform to a colleague?',
      followUp: 'What is the main reason for your score?',
      required: true,
    },
    {
      id: 'docs',
      type: 'csat',
      title: 'How satisfied are you with the platform documentation?',
    },
    {
      id: 'effort',
      type: 'rating',
      title: 'How easy is it to ship a change?',
      scale: { min: 1, max: 7, minLabel: 'Very hard', maxLabel: 'Very easy' },
    },
    {
      id: 'areas',
      type: 'multiple-choice',
      title: 'What should we improve first?',
      options: ['CI speed', 'Docs', 'Templates'],
    },
    { id: 'anything', type: 'text', title: 'Anything else?' },
  ],
  audience: { type: 'everyone' },
  schedule: {
    opensAt: '2026-01-05T00:00:00Z',
    recurrence: 'quarterly',
    waveDays: 14,
  },
  triggers: [{ type: 'wave-open' }],
  samplingPercent: 100,
  template: 'platform-nps',
  source: 'api',
  status: 'active',
  createdBy: 'user:default/pat',
  createdAt: '2025-12-20T10:00:00Z',
  updatedAt: '2025-12-20T10:00:00Z',
  currentWave: waves[2],
  questionsLocked: true,
};

export const goldenPathCsat: Survey = {
  id: 'golden-path-csat',
  title: 'Golden path CSAT',
  anonymous: false,
  questions: [
    {
      id: 'satisfied',
      type: 'csat',
      title: 'How satisfied are you with creating this service?',
    },
  ],
  audience: {
    type: 'golden-path-owners',
    templateRefs: ['template:default/typescript-service'],
  },
  schedule: {
    opensAt: '2026-06-01T00:00:00Z',
    closesAt: '2026-09-01T00:00:00Z',
    recurrence: 'none',
  },
  triggers: [{ type: 'event', event: 'scaffolder.run.completed' }],
  samplingPercent: 50,
  source: 'config',
  status: 'active',
  createdAt: '2026-05-20T10:00:00Z',
  updatedAt: '2026-05-20T10:00:00Z',
  questionsLocked: false,
};

/** A survey without responses yet, so its questions can still change. */
export const draftSurvey: Survey = {
  ...platformNps,
  id: 'dx-pulse',
  title: 'DX pulse',
  anonymous: false,
  template: undefined,
  audience: { type: 'groups', groupRefs: ['group:default/commerce'] },
  questions: [
    { id: 'mood', type: 'csat', title: 'How was your week as a developer?' },
  ],
  currentWave: undefined,
  questionsLocked: false,
};

export const platformNpsResults: SurveyResultsResponse = {
  surveyId: 'platform-nps',
  wave: waves[2],
  audienceSize: 130,
  responses: 42,
  responseRate: 42 / 130,
  questions: [
    {
      questionId: 'recommend',
      type: 'nps',
      title: 'How likely are you to recommend the platform to a colleague?',
      responses: 42,
      comments: 17,
      nps: {
        responses: 42,
        promoters: 20,
        passives: 12,
        detractors: 10,
        nps: { value: 23.8, low: 4.6, high: 41.2 },
        finitePopulationCorrected: true,
        census: false,
        distribution: [1, 0, 1, 2, 1, 3, 2, 5, 7, 12, 8],
      },
    },
    {
      questionId: 'docs',
      type: 'csat',
      title: 'How satisfied are you with the platform documentation?',
      responses: 40,
      csat: {
        responses: 40,
        satisfied: 30,
        csat: { value: 75, low: 59.8, high: 85.8 },
        distribution: [2, 3, 5, 18, 12],
      },
    },
    {
      questionId: 'effort',
      type: 'rating',
      title: 'How easy is it to ship a change?',
      responses: 38,
      rating: {
        mean: 5.2,
        distribution: [
          { value: 1, count: 1 },
          { value: 2, count: 1 },
          { value: 3, count: 2 },
          { value: 4, count: 5 },
          { value: 5, count: 10 },
          { value: 6, count: 12 },
          { value: 7, count: 7 },
        ],
      },
    },
    {
      questionId: 'areas',
      type: 'multiple-choice',
      title: 'What should we improve first?',
      responses: 39,
      choices: [
        { option: 'CI speed', count: 25 },
        { option: 'Docs', count: 14 },
        { option: 'Templates', count: 6 },
      ],
    },
    {
      questionId: 'anything',
      type: 'text',
      title: 'Anything else?',
      responses: 11,
      comments: 11,
    },
  ],
  trend: [
    {
      waveId: 'w1',
      number: 1,
      opensAt: '2026-01-05T00:00:00Z',
      responses: 48,
      responseRate: 0.4,
      nps: { value: 8.3, low: -9.5, high: 25.6 },
      csat: { value: 70, low: 55, high: 81 },
    },
    {
      waveId: 'w2',
      number: 2,
      opensAt: '2026-04-06T00:00:00Z',
      responses: 51,
      responseRate: 0.41,
      nps: { value: 2, low: -15, high: 19 },
      csat: { value: 72, low: 58, high: 83 },
      change: { delta: -6.3, significant: false, pValue: 0.61 },
    },
    {
      waveId: 'w3',
      number: 3,
      opensAt: '2026-07-06T00:00:00Z',
      responses: 42,
      responseRate: 42 / 130,
      nps: { value: 23.8, low: 4.6, high: 41.2 },
      csat: { value: 75, low: 59.8, high: 85.8 },
      change: { delta: 21.8, significant: true, pValue: 0.03 },
    },
  ],
  teams: [
    {
      groupRef: 'group:default/engineering',
      depth: 0,
      audienceSize: 60,
      responses: 25,
      responseRate: 25 / 60,
      nps: { value: 28, low: 4, high: 48 },
      csat: { value: 80, low: 61, high: 91 },
    },
    {
      groupRef: 'group:default/platform',
      depth: 1,
      parentRef: 'group:default/engineering',
      audienceSize: 8,
      hidden: 'below-minimum',
    },
    {
      groupRef: 'group:default/commerce',
      depth: 0,
      audienceSize: 50,
      responses: 14,
      responseRate: 0.28,
      nps: { value: 14.3, low: -18, high: 43 },
    },
    {
      groupRef: 'group:default/checkout',
      depth: 1,
      parentRef: 'group:default/commerce',
      audienceSize: 30,
      hidden: 'protects-another-group',
    },
    {
      groupRef: 'group:default/payments-core',
      depth: 1,
      parentRef: 'group:default/commerce',
      audienceSize: 20,
      hidden: 'below-minimum',
    },
  ],
  thresholds: { minGroupSize: 5, minCommentGroupSize: 8 },
};

/** Results of a team below the minimum group size. */
export const hiddenScopeResults: SurveyResultsResponse = {
  surveyId: 'platform-nps',
  wave: waves[2],
  groupRef: 'group:default/platform',
  audienceSize: 8,
  responses: 0,
  hidden: 'below-minimum',
  questions: [],
  trend: [],
  teams: [],
  thresholds: { minGroupSize: 5, minCommentGroupSize: 8 },
};

export const comments: SurveyComment[] = [
  {
    id: 'c1',
    surveyId: 'platform-nps',
    waveId: 'w3',
    questionId: 'recommend',
    text: '<script>alert("x")</script> CI is <b>slow</b>',
    groupRef: 'group:default/engineering',
    submittedOn: '2026-07-08',
    tags: ['ci'],
    resolved: false,
  },
  {
    id: 'c2',
    surveyId: 'platform-nps',
    waveId: 'w3',
    questionId: 'anything',
    text: 'Templates are great.',
    submittedOn: '2026-07-09',
    tags: [],
    resolved: true,
    resolvedBy: 'user:default/pat',
    resolvedAt: '2026-07-10T09:00:00Z',
  },
];

export const commentsResponse: SurveyCommentsResponse = {
  items: comments,
  totalCount: 2,
  withheld: 0,
};

/** A FlywheelApi whose survey methods answer with the data above. */
export function mockSurveyApi(
  overrides: Partial<FlywheelApi> = {},
): jest.Mocked<FlywheelApi> {
  return mockFlywheelApi({
    listSurveys: jest
      .fn()
      .mockResolvedValue({ items: [platformNps, goldenPathCsat] }),
    getSurvey: jest
      .fn()
      .mockImplementation(async (id: string) =>
        [platformNps, goldenPathCsat, draftSurvey].find(s => s.id === id),
      ),
    createSurvey: jest.fn().mockImplementation(async definition => ({
      ...platformNps,
      ...definition,
      id: 'new-survey',
      questionsLocked: false,
      currentWave: undefined,
    })),
    updateSurvey: jest.fn().mockImplementation(async (id, definition) => ({
      ...draftSurvey,
      ...definition,
      id,
    })),
    archiveSurvey: jest
      .fn()
      .mockResolvedValue({ ...platformNps, status: 'archived' }),
    listSurveyWaves: jest.fn().mockResolvedValue({ items: waves }),
    getSurveyResults: jest.fn().mockResolvedValue(platformNpsResults),
    exportSurveyResultsCsv: jest
      .fn()
      .mockResolvedValue(new Blob(['team,nps\r\n'], { type: 'text/csv' })),
    getSurveyComments: jest.fn().mockResolvedValue(commentsResponse),
    updateSurveyComment: jest
      .fn()
      .mockImplementation(async (_surveyId, commentId, update) => ({
        ...comments.find(c => c.id === commentId),
        ...update,
      })),
    ...overrides,
  });
}
