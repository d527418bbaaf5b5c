import { surveyTemplate } from '@flywheel/plugin-flywheel-common';
import {
  blankDefinition,
  cleanDefinition,
  definitionOf,
  newQuestion,
  validateDefinition,
  withType,
} from './surveyDefinition';
import { goldenPathCsat, platformNps } from './__testUtils__/surveyAdminData';

const now = new Date('2026-07-01T08:00:00Z');

describe('surveyDefinition', () => {
  it('accepts every template as it is', () => {
    for (const id of ['platform-nps', 'golden-path-csat', 'dx-pulse']) {
      expect(validateDefinition(surveyTemplate(id, now)!.definition)).toEqual(
        {},
      );
    }
  });

  it('names what is missing in a blank survey', () => {
    const blank = blankDefinition(now);
    expect(validateDefinition(blank)).toEqual({
      title: 'Give the survey a title.',
    });
    expect(
      validateDefinition({
        ...blank,
        title: 'x',
        questions: [
          { id: 'A b', type: 'rating', title: '', scale: { min: 5, max: 5 } },
          { id: 'c', type: 'single-choice', title: 'c', options: ['x', ''] },
        ],
        audience: { type: 'groups', groupRefs: [] },
        schedule: { opensAt: now.toISOString(), recurrence: 'none' },
        triggers: [
          { type: 'event', event: '' },
          { type: 'route', pathPrefix: 'create' },
        ],
        samplingPercent: 0,
      }),
    ).toEqual({
      'questions.0.id': 'Use lowercase letters, digits and dashes.',
      'questions.0.title': 'Write the question.',
      'questions.0.scale':
        'The scale runs between whole numbers from 0 to 10, the lowest first.',
      'questions.1.options': 'Give at least 2 options.',
      audience: 'Choose at least one team.',
      'schedule.closesAt': 'Choose when the survey closes.',
      'triggers.0': 'Choose the event.',
      'triggers.1': 'A path starts with /, e.g. /catalog.',
      samplingPercent: 'A whole number from 1 to 100.',
    });
  });

  it('finds duplicate question ids and a survey closing before it opens', () => {
    const errors = validateDefinition({
      ...blankDefinition(now),
      title: 't',
      questions: [
        { id: 'q', type: 'text', title: 'a' },
        { id: 'q', type: 'text', title: 'b' },
      ],
      schedule: {
        opensAt: '2026-07-10T00:00:00.000Z',
        closesAt: '2026-07-09T00:00:00.000Z',
        recurrence: 'none',
      },
    });
    expect(errors['questions.1.id']).toBe('Another question has this id.');
    expect(errors['schedule.closesAt']).toBe(
      'The survey must close after it opens.',
    );
  });

  it('gives a question the fields of its new type', () => {
    const question = {
      id: 'q',
      type: 'nps' as const,
      title: 'Q',
      followUp: 'Why?',
    };
    expect(withType(question, 'rating')).toEqual({
      id: 'q',
      type: 'rating',
      title: 'Q',
      scale: { min: 1, max: 5 },
    });
    expect(withType(question, 'multiple-choice')).toEqual({
      id: 'q',
      type: 'multiple-choice',
      title: 'Q',
      options: ['', ''],
    });
    expect(newQuestion(platformNps.questions).id).toBe('question-6');
  });

  it('sends trimmed text without empty optional fields', () => {
    expect(
      cleanDefinition({
        ...blankDefinition(now),
        title: '  Pulse ',
        description: '  ',
        questions: [
          { id: 'n', type: 'nps', title: ' Q ', followUp: ' ' },
          {
            id: 'c',
            type: 'single-choice',
            title: 'C',
            options: [' a', '', 'b '],
          },
          {
            id: 'r',
            type: 'rating',
            title: 'R',
            scale: { min: 1, max: 5, minLabel: '', maxLabel: 'Great' },
          },
        ],
        schedule: {
          opensAt: now.toISOString(),
          closesAt: '2026-08-01T00:00:00.000Z',
          recurrence: 'monthly',
          waveDays: 7,
        },
      }),
    ).toEqual({
      title: 'Pulse',
      anonymous: true,
      questions: [
        { id: 'n', type: 'nps', title: 'Q' },
        { id: 'c', type: 'single-choice', title: 'C', options: ['a', 'b'] },
        {
          id: 'r',
          type: 'rating',
          title: 'R',
          scale: { min: 1, max: 5, maxLabel: 'Great' },
        },
      ],
      audience: { type: 'everyone' },
      schedule: {
        opensAt: now.toISOString(),
        recurrence: 'monthly',
        waveDays: 7,
      },
      triggers: [{ type: 'wave-open' }],
      samplingPercent: 100,
    });
  });

  it('takes the definition out of a survey', () => {
    expect(definitionOf(goldenPathCsat)).toEqual({
      title: 'Golden path CSAT',
      description: '',
      anonymous: false,
      questions: goldenPathCsat.questions,
      audience: goldenPathCsat.audience,
      schedule: goldenPathCsat.schedule,
      triggers: goldenPathCsat.triggers,
      samplingPercent: 50,
    });
    expect(definitionOf(platformNps).template).toBe('platform-nps');
  });
});
