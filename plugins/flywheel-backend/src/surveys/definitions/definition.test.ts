import { InputError } from '@backstage/errors';
import { SurveyQuestion } from '@flywheel/plugin-flywheel-common';
import {
  asksNps,
  isRequired,
  MAX_TEXT_LENGTH,
  parseSurveyDefinition,
  SURVEY_EVENT_PATTERN,
  SURVEY_ID_PATTERN,
} from './definition';

const WHERE = "Survey 'platform-nps'";

function valid(): Record<string, any> {
  return {
    title: 'Platform NPS',
    anonymous: true,
    questions: [
      { id: 'nps', type: 'nps', title: 'Would you recommend the platform?' },
    ],
    audience: { type: 'everyone' },
    schedule: { opensAt: '2026-01-05T09:00:00Z', recurrence: 'quarterly' },
  };
}

/** A valid definition with some top-level fields replaced. */
function withFields(fields: Record<string, unknown>): Record<string, any> {
  return { ...valid(), ...fields };
}

function withQuestion(question: Record<string, unknown>): Record<string, any> {
  return withFields({ questions: [question] });
}

function withSchedule(schedule: Record<string, unknown>): Record<string, any> {
  return withFields({ schedule });
}

/** The error message parsing `input` throws. */
function errorOf(input: unknown, where = WHERE): string {
  try {
    parseSurveyDefinition(input, where);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error('expected parseSurveyDefinition to throw');
}

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

  describe('rejects', () => {
    it('what is not an object', () => {
      expect(errorOf(undefined)).toMatch(/^Survey 'platform-nps': /);
      expect(errorOf('nps')).toMatch(/^Survey 'platform-nps': /);
    });

    it('with the where prefix and every problem', () => {
      const message = errorOf(
        withFields({ title: '', anonymous: 'yes' }),
        'flywheel.surveys.definitions[2]',
      );
      expect(message).toMatch(/^flywheel\.surveys\.definitions\[2\]: /);
      expect(message).toContain('title: ');
      expect(message).toContain('; anonymous: ');
    });

    it('missing required fields', () => {
      for (const field of [
        'title',
        'anonymous',
        'questions',
        'audience',
        'schedule',
      ]) {
        const input = valid();
        delete input[field];
        expect(errorOf(input)).toMatch(
          new RegExp(`^Survey 'platform-nps': ${field}: `),
        );
      }
    });

    it('unknown fields', () => {
      expect(errorOf(withFields({ colour: 'red' }))).toContain('colour');
      expect(
        errorOf(withQuestion({ id: 'nps', type: 'nps', title: 'x', hint: 1 })),
      ).toContain('questions[0]: ');
      expect(
        errorOf(
          withSchedule({
            opensAt: '2026-01-01T00:00:00Z',
            recurrence: 'monthly',
            timezone: 'UTC',
          }),
        ),
      ).toContain('schedule: ');
    });

    it('a blank or overlong title', () => {
      expect(errorOf(withFields({ title: '   ' }))).toContain('title: ');
      expect(errorOf(withFields({ title: 'x'.repeat(201) }))).toContain(
        'title: ',
      );
      expect(
        parseSurveyDefinition(withFields({ title: 'x'.repeat(200) }), WHERE)
          .title,
      ).toHaveLength(200);
    });

    it('an overlong description', () => {
      expect(errorOf(withFields({ description: 'x'.repeat(2001) }))).toContain(
        'description: ',
      );
    });

    it('a non-boolean anonymous', () => {
      expect(errorOf(withFields({ anonymous: 'true' }))).toContain(
        'anonymous: ',
      );
    });

    it('no questions or more than 30', () => {
      expect(errorOf(withFields({ questions: [] }))).toContain('questions: ');
      const many = Array.from({ length: 31 }, (_, i) => ({
        id: `q${i}`,
        type: 'text',
        title: `Question ${i}`,
      }));
      expect(errorOf(withFields({ questions: many }))).toContain('questions: ');
      expect(
        parseSurveyDefinition(withFields({ questions: many.slice(1) }), WHERE)
          .questions,
      ).toHaveLength(30);
    });

    it('bad question ids', () => {
      for (const id of ['NPS', 'has space', '-x', '', 'a'.repeat(101), 7]) {
        expect(errorOf(withQuestion({ id, type: 'text', title: 'x' }))).toMatch(
          /questions\[0\]\.id: /,
        );
      }
      expect(
        errorOf(withQuestion({ id: 'Bad', type: 'text', title: 'x' })),
      ).toContain('questions[0].id: use lowercase letters, digits and dashes');
    });

    it('duplicate question ids, naming the repeat', () => {
      expect(
        errorOf(
          withFields({
            questions: [
              { id: 'a', type: 'text', title: 'A' },
              { id: 'b', type: 'text', title: 'B' },
              { id: 'a', type: 'csat', title: 'A again' },
            ],
          }),
        ),
      ).toBe(
        "Survey 'platform-nps': questions[2].id: duplicate question id 'a'",
      );
    });

    it('an unknown question type', () => {
      expect(
        errorOf(withQuestion({ id: 'q', type: 'slider', title: 'x' })),
      ).toMatch(/questions\[0\]\.type: /);
    });

    it('a blank or overlong question title', () => {
      expect(
        errorOf(withQuestion({ id: 'q', type: 'text', title: ' ' })),
      ).toMatch(/questions\[0\]\.title: /);
      expect(
        errorOf(
          withQuestion({ id: 'q', type: 'text', title: 'x'.repeat(301) }),
        ),
      ).toMatch(/questions\[0\]\.title: /);
    });

    it('a non-boolean required', () => {
      expect(
        errorOf(
          withQuestion({ id: 'q', type: 'text', title: 'x', required: 'no' }),
        ),
      ).toMatch(/questions\[0\]\.required: /);
    });

    it('choice questions without 2–20 options', () => {
      for (const type of ['single-choice', 'multiple-choice']) {
        for (const options of [
          undefined,
          [],
          ['only'],
          Array.from({ length: 21 }, (_, i) => `o${i}`),
        ]) {
          expect(
            errorOf(withQuestion({ id: 'q', type, title: 'x', options })),
          ).toBe(
            `Survey 'platform-nps': questions[0].options: a ${type} question needs 2–20 options`,
          );
        }
      }
    });

    it('repeated options, also after trimming', () => {
      expect(
        errorOf(
          withQuestion({
            id: 'q',
            type: 'single-choice',
            title: 'x',
            options: ['a', 'b', ' a'],
          }),
        ),
      ).toBe(
        "Survey 'platform-nps': questions[0].options: options must be unique",
      );
    });

    it('blank or overlong options', () => {
      expect(
        errorOf(
          withQuestion({
            id: 'q',
            type: 'single-choice',
            title: 'x',
            options: ['a', ' '],
          }),
        ),
      ).toMatch(/questions\[0\]\.options\[1\]: /);
      expect(
        errorOf(
          withQuestion({
            id: 'q',
            type: 'multiple-choice',
            title: 'x',
            options: ['x'.repeat(201), 'b'],
          }),
        ),
      ).toMatch(/questions\[0\]\.options\[0\]: /);
    });

    it('options on other question types', () => {
      for (const type of ['nps', 'csat', 'text']) {
        expect(
          errorOf(
            withQuestion({ id: 'q', type, title: 'x', options: ['a', 'b'] }),
          ),
        ).toBe(
          `Survey 'platform-nps': questions[0].options: only choice questions have options, not ${type}`,
        );
      }
    });

    it('a rating question without a scale', () => {
      expect(
        errorOf(withQuestion({ id: 'q', type: 'rating', title: 'x' })),
      ).toBe(
        "Survey 'platform-nps': questions[0].scale: a rating question needs a scale, e.g. { min: 1, max: 5 }",
      );
    });

    it('a scale whose min is not below its max', () => {
      for (const scale of [
        { min: 5, max: 5 },
        { min: 6, max: 2 },
      ]) {
        expect(
          errorOf(withQuestion({ id: 'q', type: 'rating', title: 'x', scale })),
        ).toBe(
          "Survey 'platform-nps': questions[0].scale: scale.min must be below scale.max",
        );
      }
    });

    it('scale bounds outside 0–10 or not whole', () => {
      for (const [scale, field] of [
        [{ min: -1, max: 5 }, 'min'],
        [{ min: 0, max: 11 }, 'max'],
        [{ min: 0.5, max: 5 }, 'min'],
      ] as const) {
        expect(
          errorOf(withQuestion({ id: 'q', type: 'rating', title: 'x', scale })),
        ).toMatch(new RegExp(`questions\\[0\\]\\.scale\\.${field}: `));
      }
    });

    it('overlong scale labels and unknown scale fields', () => {
      expect(
        errorOf(
          withQuestion({
            id: 'q',
            type: 'rating',
            title: 'x',
            scale: { min: 1, max: 5, minLabel: 'x'.repeat(101) },
          }),
        ),
      ).toMatch(/questions\[0\]\.scale\.minLabel: /);
      expect(
        errorOf(
          withQuestion({
            id: 'q',
            type: 'rating',
            title: 'x',
            scale: { min: 1, max: 5, step: 1 },
          }),
        ),
      ).toMatch(/questions\[0\]\.scale: /);
    });

    it('a scale on other question types', () => {
      for (const type of ['nps', 'csat', 'text']) {
        expect(
          errorOf(
            withQuestion({
              id: 'q',
              type,
              title: 'x',
              scale: { min: 1, max: 5 },
            }),
          ),
        ).toBe(
          `Survey 'platform-nps': questions[0].scale: only rating questions have a scale, not ${type}`,
        );
      }
    });

    it('a follow-up on a non-nps question', () => {
      expect(
        errorOf(
          withQuestion({ id: 'q', type: 'csat', title: 'x', followUp: 'Why?' }),
        ),
      ).toBe(
        "Survey 'platform-nps': questions[0].followUp: only nps questions have a follow-up",
      );
    });

    it('a blank or overlong follow-up', () => {
      for (const followUp of ['  ', 'x'.repeat(301)]) {
        expect(
          errorOf(withQuestion({ id: 'q', type: 'nps', title: 'x', followUp })),
        ).toMatch(/questions\[0\]\.followUp: /);
      }
    });

    it('names the question index in nested problems', () => {
      expect(
        errorOf(
          withFields({
            questions: [
              { id: 'a', type: 'nps', title: 'A' },
              { id: 'b', type: 'rating', title: 'B' },
            ],
          }),
        ),
      ).toContain('questions[1].scale: ');
    });

    it('an unknown audience type', () => {
      expect(errorOf(withFields({ audience: { type: 'admins' } }))).toMatch(
        /audience\.type: |audience: /,
      );
    });

    it('audiences with no or too many refs', () => {
      expect(
        errorOf(withFields({ audience: { type: 'groups', groupRefs: [] } })),
      ).toMatch(/audience\.groupRefs: /);
      expect(errorOf(withFields({ audience: { type: 'groups' } }))).toMatch(
        /audience\.groupRefs: /,
      );
      expect(
        errorOf(
          withFields({
            audience: {
              type: 'golden-path-owners',
              templateRefs: Array.from({ length: 101 }, (_, i) => `t${i}`),
            },
          }),
        ),
      ).toMatch(/audience\.templateRefs: /);
    });

    it('refs of the wrong kind', () => {
      expect(
        errorOf(
          withFields({
            audience: {
              type: 'groups',
              groupRefs: ['group:default/a', 'user:default/jo'],
            },
          }),
        ),
      ).toBe(
        "Survey 'platform-nps': audience.groupRefs[1]: must be a group ref",
      );
      expect(
        errorOf(
          withFields({
            audience: {
              type: 'golden-path-owners',
              templateRefs: ['component:default/api'],
            },
          }),
        ),
      ).toBe(
        "Survey 'platform-nps': audience.templateRefs[0]: must be a template ref",
      );
    });

    it('refs that do not parse', () => {
      expect(
        errorOf(
          withFields({
            audience: { type: 'groups', groupRefs: ['team-a', 'group:'] },
          }),
        ),
      ).toBe(
        `Survey 'platform-nps': audience.groupRefs[1]: Entity reference "group:" was not on the form [<kind>:][<namespace>/]<name>`,
      );
      expect(
        errorOf(withFields({ audience: { type: 'groups', groupRefs: [''] } })),
      ).toMatch(/audience\.groupRefs\[0\]: /);
    });

    it('fields another audience type has', () => {
      expect(
        errorOf(
          withFields({ audience: { type: 'everyone', groupRefs: ['team-a'] } }),
        ),
      ).toMatch(/audience: /);
    });

    it('dates that are not ISO date-times', () => {
      for (const opensAt of ['next monday', '2026-13-01T00:00:00Z', '', 5]) {
        expect(
          errorOf(withSchedule({ opensAt, recurrence: 'monthly' })),
        ).toMatch(/schedule\.opensAt: /);
      }
      expect(
        errorOf(
          withSchedule({
            opensAt: '2026-01-01T00:00:00Z',
            closesAt: '31/01/2026',
            recurrence: 'none',
          }),
        ),
      ).toBe(
        "Survey 'platform-nps': schedule.closesAt: must be an ISO 8601 date-time, e.g. 2026-12-01T09:00:00Z",
      );
    });

    it('an unknown recurrence', () => {
      expect(
        errorOf(
          withSchedule({
            opensAt: '2026-01-01T00:00:00Z',
            recurrence: 'weekly',
          }),
        ),
      ).toMatch(/schedule\.recurrence: /);
    });

    it('a closing date on a recurring survey', () => {
      expect(
        errorOf(
          withSchedule({
            opensAt: '2026-01-01T00:00:00Z',
            closesAt: '2026-01-15T00:00:00Z',
            recurrence: 'monthly',
          }),
        ),
      ).toBe(
        "Survey 'platform-nps': schedule.closesAt: only one-off surveys (recurrence none) close on a date; recurring waves last waveDays",
      );
    });

    it('a one-off survey closing when or before it opens', () => {
      for (const closesAt of [
        '2026-01-01T00:00:00Z',
        '2025-12-31T00:00:00Z',
        // 08:00Z, an hour before it opens.
        '2026-01-01T10:00:00+02:00',
      ]) {
        expect(
          errorOf(
            withSchedule({
              opensAt: '2026-01-01T09:00:00Z',
              closesAt,
              recurrence: 'none',
            }),
          ),
        ).toBe(
          "Survey 'platform-nps': schedule.closesAt: must be after opensAt",
        );
      }
    });

    it('wave lengths that are not 1–90 whole days', () => {
      for (const waveDays of [0, 91, 2.5, '14']) {
        expect(
          errorOf(
            withSchedule({
              opensAt: '2026-01-01T00:00:00Z',
              recurrence: 'none',
              waveDays,
            }),
          ),
        ).toMatch(/schedule\.waveDays: /);
      }
    });

    it('recurring waves long enough to overlap the next one', () => {
      expect(
        errorOf(
          withSchedule({
            opensAt: '2026-01-01T00:00:00Z',
            recurrence: 'monthly',
            waveDays: 29,
          }),
        ),
      ).toBe(
        "Survey 'platform-nps': schedule.waveDays: monthly waves can stay open at most 28 days, so they do not overlap",
      );
      // Jan 31 → Apr 30 and Feb 1 → May 1 are only 89 days apart.
      expect(
        errorOf(
          withSchedule({
            opensAt: '2026-02-01T00:00:00Z',
            recurrence: 'quarterly',
            waveDays: 90,
          }),
        ),
      ).toBe(
        "Survey 'platform-nps': schedule.waveDays: quarterly waves can stay open at most 89 days, so they do not overlap",
      );
    });

    it('unknown trigger types and bad trigger fields', () => {
      expect(errorOf(withFields({ triggers: [{ type: 'cron' }] }))).toMatch(
        /triggers\[0\]/,
      );
      expect(
        errorOf(
          withFields({
            triggers: [
              { type: 'wave-open' },
              { type: 'event', event: 'Bad Event' },
            ],
          }),
        ),
      ).toBe(
        "Survey 'platform-nps': triggers[1].event: e.g. scaffolder.run.completed",
      );
      expect(errorOf(withFields({ triggers: [{ type: 'event' }] }))).toMatch(
        /triggers\[0\]\.event: /,
      );
      expect(
        errorOf(
          withFields({ triggers: [{ type: 'route', pathPrefix: 'create' }] }),
        ),
      ).toBe(
        "Survey 'platform-nps': triggers[0].pathPrefix: must start with '/'",
      );
      expect(
        errorOf(
          withFields({
            triggers: [{ type: 'route', pathPrefix: `/${'x'.repeat(500)}` }],
          }),
        ),
      ).toMatch(/triggers\[0\]\.pathPrefix: /);
      expect(
        errorOf(
          withFields({ triggers: [{ type: 'wave-open', event: 'x.y' }] }),
        ),
      ).toMatch(/triggers\[0\]/);
    });

    it('more than 10 triggers', () => {
      const triggers = Array.from({ length: 11 }, () => ({
        type: 'wave-open',
      }));
      expect(errorOf(withFields({ triggers }))).toMatch(/triggers: /);
      expect(
        parseSurveyDefinition(
          withFields({ triggers: triggers.slice(1) }),
          WHERE,
        ).triggers,
      ).toHaveLength(10);
    });

    it('sampling outside 1–100 or not whole', () => {
      for (const samplingPercent of [0, 101, 12.5, '50']) {
        expect(errorOf(withFields({ samplingPercent }))).toMatch(
          /samplingPercent: /,
        );
      }
      for (const samplingPercent of [1, 100]) {
        expect(
          parseSurveyDefinition(withFields({ samplingPercent }), WHERE)
            .samplingPercent,
        ).toBe(samplingPercent);
      }
    });

    it('an overlong template name', () => {
      expect(errorOf(withFields({ template: 'x'.repeat(101) }))).toMatch(
        /template: /,
      );
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
