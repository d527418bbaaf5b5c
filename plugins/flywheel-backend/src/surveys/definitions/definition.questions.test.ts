import {
  WHERE,
  valid,
  withFields,
  withQuestion,
  withSchedule,
  errorOf,
} from '../__testUtils__/definitionFixtures';
import { parseSurveyDefinition } from './definition';

/**
 * What parseSurveyDefinition refuses in the definition's shape, its
 * top-level fields and its questions.
 */

describe('parseSurveyDefinition', () => {
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
  });
});
