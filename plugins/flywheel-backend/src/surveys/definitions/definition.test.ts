import { SurveyQuestion } from '@flywheel/plugin-flywheel-common';
import {
  WHERE,
  valid,
  withFields,
  withSchedule,
} from '../__testUtils__/definitionFixtures';
import {
  asksNps,
  isRequired,
  MAX_TEXT_LENGTH,
  parseSurveyDefinition,
  SURVEY_EVENT_PATTERN,
  SURVEY_ID_PATTERN,
} from './definition';

describe('patterns', () => {
  it('accepts lowercase ids and event names', () => {
    expect(SURVEY_ID_PATTERN.test('platform-nps-2026')).toBe(true);
    expect(SURVEY_ID_PATTERN.test('Platform')).toBe(false);
    expect(SURVEY_ID_PATTERN.test('-nps')).toBe(false);
    expect(SURVEY_ID_PATTERN.test('a_b')).toBe(false);
    expect(SURVEY_ID_PATTERN.test('a'.repeat(100))).toBe(true);
    expect(SURVEY_ID_PATTERN.test('a'.repeat(101))).toBe(false);
    expect(SURVEY_EVENT_PATTERN.test('scaffolder.run.completed')).toBe(true);
    expect(SURVEY_EVENT_PATTERN.test('.run')).toBe(false);
    expect(SURVEY_EVENT_PATTERN.test('Run.Completed')).toBe(false);
  });
});

describe('parseSurveyDefinition', () => {
  describe('a valid definition', () => {
    it('fills in defaults and normalises the schedule to UTC', () => {
      const parsed = parseSurveyDefinition(valid(), WHERE);
      expect(parsed).toEqual({
        title: 'Platform NPS',
        description: undefined,
        anonymous: true,
        questions: [
          {
            id: 'nps',
            type: 'nps',
            title: 'Would you recommend the platform?',
          },
        ],
        audience: { type: 'everyone' },
        schedule: {
          opensAt: '2026-01-05T09:00:00.000Z',
          closesAt: undefined,
          recurrence: 'quarterly',
        },
        triggers: [{ type: 'wave-open' }],
        samplingPercent: 100,
      });
    });

    it('treats an empty trigger list as wave-open', () => {
      expect(
        parseSurveyDefinition(withFields({ triggers: [] }), WHERE).triggers,
      ).toEqual([{ type: 'wave-open' }]);
    });

    it('keeps given triggers, sampling, description and template', () => {
      const parsed = parseSurveyDefinition(
        withFields({
          description: 'Twice a year',
          triggers: [
            { type: 'event', event: 'scaffolder.run.completed' },
            { type: 'route', pathPrefix: '/create' },
            { type: 'wave-open' },
          ],
          samplingPercent: 30,
          template: 'platform-nps',
        }),
        WHERE,
      );
      expect(parsed.triggers).toEqual([
        { type: 'event', event: 'scaffolder.run.completed' },
        { type: 'route', pathPrefix: '/create' },
        { type: 'wave-open' },
      ]);
      expect(parsed.samplingPercent).toBe(30);
      expect(parsed.description).toBe('Twice a year');
      expect(parsed.template).toBe('platform-nps');
    });

    it('drops an empty description', () => {
      expect(
        parseSurveyDefinition(withFields({ description: '' }), WHERE)
          .description,
      ).toBeUndefined();
    });

    it('trims titles', () => {
      const parsed = parseSurveyDefinition(
        withFields({
          title: '  Platform NPS  ',
          questions: [
            {
              id: 'nps',
              type: 'nps',
              title: '  Recommend?  ',
              followUp: '  Why?  ',
            },
            {
              id: 'tools',
              type: 'single-choice',
              title: 'Tool',
              options: [' a ', 'b'],
            },
          ],
        }),
        WHERE,
      );
      expect(parsed.title).toBe('Platform NPS');
      expect(parsed.questions[0].title).toBe('Recommend?');
      expect(parsed.questions[0].followUp).toBe('Why?');
      expect(parsed.questions[1].options).toEqual(['a', 'b']);
    });

    it('normalises dates with offsets to UTC ISO', () => {
      const parsed = parseSurveyDefinition(
        withSchedule({
          opensAt: '2026-03-01T10:00:00+02:00',
          closesAt: '2026-03-15T18:30:00-05:00',
          recurrence: 'none',
        }),
        WHERE,
      );
      expect(parsed.schedule).toEqual({
        opensAt: '2026-03-01T08:00:00.000Z',
        closesAt: '2026-03-15T23:30:00.000Z',
        recurrence: 'none',
      });
    });

    it('accepts every question type', () => {
      const questions = [
        { id: 'nps', type: 'nps', title: 'NPS', followUp: 'Why?' },
        { id: 'csat', type: 'csat', title: 'CSAT', required: false },
        {
          id: 'rating',
          type: 'rating',
          title: 'Rating',
          scale: { min: 1, max: 7, minLabel: 'Bad', maxLabel: 'Good' },
        },
        {
          id: 'one',
          type: 'single-choice',
          title: 'One',
          options: ['a', 'b'],
        },
        {
          id: 'many',
          type: 'multiple-choice',
          title: 'Many',
          options: Array.from({ length: 20 }, (_, i) => `option ${i}`),
        },
        { id: 'text', type: 'text', title: 'Anything else?', required: true },
      ];
      expect(
        parseSurveyDefinition(withFields({ questions }), WHERE).questions,
      ).toEqual(questions);
    });

    it('lowercases group refs and fills in kind and namespace', () => {
      const parsed = parseSurveyDefinition(
        withFields({
          audience: {
            type: 'groups',
            groupRefs: ['Group:Default/Team-A', 'team-b', 'group:ops/SRE'],
          },
        }),
        WHERE,
      );
      expect(parsed.audience).toEqual({
        type: 'groups',
        groupRefs: [
          'group:default/team-a',
          'group:default/team-b',
          'group:ops/sre',
        ],
      });
    });

    it('lowercases template refs', () => {
      const parsed = parseSurveyDefinition(
        withFields({
          audience: {
            type: 'golden-path-owners',
            templateRefs: ['Template:default/Node-Service', 'react-app'],
          },
        }),
        WHERE,
      );
      expect(parsed.audience).toEqual({
        type: 'golden-path-owners',
        templateRefs: [
          'template:default/node-service',
          'template:default/react-app',
        ],
      });
    });

    it('accepts wave lengths up to what the recurrence allows', () => {
      for (const [recurrence, waveDays] of [
        ['monthly', 28],
        ['quarterly', 89],
        ['none', 90],
      ] as const) {
        expect(
          parseSurveyDefinition(
            withSchedule({
              opensAt: '2026-01-01T00:00:00Z',
              recurrence,
              waveDays,
            }),
            WHERE,
          ).schedule.waveDays,
        ).toBe(waveDays);
      }
    });
  });
});

describe('isRequired', () => {
  const q = (type: SurveyQuestion['type'], required?: boolean) =>
    ({ id: 'q', type, title: 'x', required } as SurveyQuestion);

  it('defaults to required for nps and csat only', () => {
    expect(isRequired(q('nps'))).toBe(true);
    expect(isRequired(q('csat'))).toBe(true);
    for (const type of [
      'rating',
      'single-choice',
      'multiple-choice',
      'text',
    ] as const) {
      expect(isRequired(q(type))).toBe(false);
    }
  });

  it('follows an explicit required', () => {
    expect(isRequired(q('nps', false))).toBe(false);
    expect(isRequired(q('text', true))).toBe(true);
  });
});

describe('asksNps', () => {
  it('is true when any question is nps', () => {
    const text = { id: 't', type: 'text', title: 'x' } as SurveyQuestion;
    const nps = { id: 'n', type: 'nps', title: 'x' } as SurveyQuestion;
    expect(asksNps([text, nps])).toBe(true);
    expect(asksNps([text])).toBe(false);
    expect(asksNps([])).toBe(false);
  });
});

describe('MAX_TEXT_LENGTH', () => {
  it('is 5000', () => {
    expect(MAX_TEXT_LENGTH).toBe(5000);
  });
});
