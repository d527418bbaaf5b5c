// Surveys as respondents see them, and a Flywheel API mock for the prompt,
// the respond page and the submit hook.
import {
  SubmitSurveyResponseResult,
  SurveyPrompt,
} from '@flywheel/plugin-flywheel-common';
import { FlywheelApi } from '../../api';
import { mockFlywheelApi } from '../../__testUtils__/testData';

/** A survey with one question of every type. */
export const everyTypePrompt: SurveyPrompt = {
  surveyId: 'platform-pulse',
  waveId: 'wave-7',
  title: 'Platform pulse',
  description: 'Five minutes on how the platform works for you.',
  anonymous: false,
  closesAt: '2026-12-15T17:00:00Z',
  questions: [
    {
      id: 'recommend',
      type: 'nps',
      title: 'How likely are you to recommend the platform to a colleague?',
      followUp: 'What is the main reason for your score?',
    },
    {
      id: 'satisfaction',
      type: 'csat',
      title: 'How satisfied are you with the golden paths?',
    },
    {
      id: 'docs',
      type: 'rating',
      title: 'How easy is it to find documentation?',
      required: false,
      scale: { min: 1, max: 7, minLabel: 'Very hard', maxLabel: 'Very easy' },
    },
    {
      id: 'role',
      type: 'single-choice',
      title: 'What is your role?',
      required: true,
      options: ['Backend', 'Frontend', 'SRE'],
    },
    {
      id: 'tools',
      type: 'multiple-choice',
      title: 'Which tools do you use every week?',
      options: ['Catalog', 'Scaffolder', 'TechDocs', 'Search'],
    },
    {
      id: 'improve',
      type: 'text',
      title: 'What should we improve first?',
    },
  ],
};

/** A short NPS survey, as the in-app prompt shows it. */
export const npsPrompt: SurveyPrompt = {
  surveyId: 'dx-nps',
  waveId: 'wave-3',
  title: 'Developer experience',
  anonymous: false,
  closesAt: '2026-12-01T17:00:00Z',
  questions: [
    {
      id: 'recommend',
      type: 'nps',
      title: 'How likely are you to recommend Backstage to a colleague?',
      followUp: 'Why?',
    },
    {
      id: 'improve',
      type: 'text',
      title: 'Anything else?',
    },
  ],
};

/** The same survey when it is anonymous. */
export const anonymousPrompt: SurveyPrompt = {
  ...npsPrompt,
  surveyId: 'dx-anonymous',
  waveId: 'wave-1',
  title: 'Anonymous developer experience',
  anonymous: true,
};

export const createdResult: SubmitSurveyResponseResult = {
  surveyId: npsPrompt.surveyId,
  waveId: npsPrompt.waveId,
  status: 'created',
  submittedAt: '2026-11-20T09:30:00Z',
};

export const updatedResult: SubmitSurveyResponseResult = {
  ...createdResult,
  status: 'updated',
  submittedAt: '2026-11-21T10:15:00Z',
};

/** The Flywheel API mock with the respondent's survey calls. */
export function mockRespondApi(
  overrides: Partial<FlywheelApi> = {},
): jest.Mocked<FlywheelApi> {
  return mockFlywheelApi({
    getSurveyPrompts: jest.fn().mockResolvedValue({ items: [npsPrompt] }),
    getSurveyForm: jest.fn().mockResolvedValue(npsPrompt),
    previewSurvey: jest
      .fn()
      .mockResolvedValue({ ...npsPrompt, waveId: 'preview', preview: true }),
    submitSurveyResponse: jest.fn().mockResolvedValue(createdResult),
    actOnSurveyPrompt: jest.fn().mockResolvedValue(undefined),
    ...overrides,
  });
}
