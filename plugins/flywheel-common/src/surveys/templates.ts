import type { SurveyDefinition, SurveyTemplate } from './types';

/**
 * The ready-made surveys a platform PM can start from, opening their first
 * wave at `now`. Built fresh on every call so that editing one cannot change
 * the next.
 *
 * @public
 */
export function surveyTemplates(now: Date): SurveyTemplate[] {
  const opensAt = now.toISOString();
  return [
    template(
      'platform-nps',
      'Platform NPS',
      'Quarterly, anonymous Net Promoter Score of the internal developer platform, with the reason for each score and what to improve first.',
      {
        title: 'How likely are you to recommend our platform?',
        anonymous: true,
        questions: [
          {
            id: 'nps',
            type: 'nps',
            title:
              'How likely are you to recommend our internal developer platform to a colleague?',
            followUp: 'What is the main reason for your score?',
          },
          {
            id: 'improve-first',
            type: 'single-choice',
            title: 'What should the platform team improve first?',
            required: false,
            options: [
              'Documentation',
              'Creating new services (golden paths)',
              'Build and deployment speed',
              'Observability and on-call tooling',
              'Platform reliability',
            ],
          },
        ],
        audience: { type: 'everyone' },
        schedule: { opensAt, recurrence: 'quarterly', waveDays: 14 },
        triggers: [{ type: 'wave-open' }],
        samplingPercent: 100,
      },
    ),
    template(
      'golden-path-csat',
      'Golden path CSAT',
      'Asks half of the people who just created a service from a golden path how satisfied they are and what slowed them down.',
      {
        title: 'How did creating your service go?',
        // Not anonymous: the answer is about one scaffolder run, and
        // following up on what slowed someone down needs to know who.
        anonymous: false,
        questions: [
          {
            id: 'csat',
            type: 'csat',
            title:
              'How satisfied are you with creating a service from this golden path?',
          },
          {
            id: 'slowed-down',
            type: 'text',
            title: 'What slowed you down?',
            required: false,
          },
        ],
        audience: { type: 'everyone' },
        // 28 days, the shortest month, so that monthly waves never overlap.
        schedule: { opensAt, recurrence: 'monthly', waveDays: 28 },
        triggers: [{ type: 'event', event: 'scaffolder.run.completed' }],
        samplingPercent: 50,
      },
    ),
    template(
      'dx-pulse',
      'Developer experience pulse',
      'A one-minute monthly, anonymous check on focus time, tooling and documentation.',
      {
        title: 'Developer experience pulse',
        anonymous: true,
        questions: [
          {
            id: 'focus-time',
            type: 'rating',
            title:
              'How often did you get long enough stretches of uninterrupted focus time this month?',
            required: true,
            scale: {
              min: 1,
              max: 5,
              minLabel: 'Almost never',
              maxLabel: 'Almost always',
            },
          },
          {
            id: 'tooling',
            type: 'rating',
            title: 'How well do your tools support your daily work?',
            required: true,
            scale: {
              min: 1,
              max: 5,
              minLabel: 'They get in my way',
              maxLabel: 'They work great',
            },
          },
          {
            id: 'docs',
            type: 'rating',
            title: 'How easy is it to find the documentation you need?',
            required: true,
            scale: {
              min: 1,
              max: 5,
              minLabel: 'Very hard',
              maxLabel: 'Very easy',
            },
          },
          {
            id: 'one-change',
            type: 'text',
            title: 'What one change would make your work easier?',
            required: false,
          },
        ],
        audience: { type: 'everyone' },
        schedule: { opensAt, recurrence: 'monthly', waveDays: 7 },
        triggers: [{ type: 'wave-open' }],
        samplingPercent: 100,
      },
    ),
  ];
}

/**
 * One of {@link surveyTemplates} by id; undefined for an unknown id.
 *
 * @public
 */
export function surveyTemplate(
  id: string,
  now: Date,
): SurveyTemplate | undefined {
  return surveyTemplates(now).find(t => t.id === id);
}

function template(
  id: string,
  title: string,
  description: string,
  definition: Omit<SurveyDefinition, 'template'>,
): SurveyTemplate {
  return {
    id,
    title,
    description,
    definition: { ...definition, template: id },
  };
}
