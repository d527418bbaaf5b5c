import { InputError } from '@backstage/errors';
import { SurveyAnswer, SurveyQuestion } from '@flywheel/plugin-flywheel-common';
import { checkAnswers } from './answers';

const nps: SurveyQuestion = {
  id: 'nps',
  type: 'nps',
  title: 'How likely are you to recommend the platform?',
  followUp: 'Why?',
};
const csat: SurveyQuestion = {
  id: 'csat',
  type: 'csat',
  title: 'How satisfied are you?',
  required: false,
};
const rating: SurveyQuestion = {
  id: 'docs',
  type: 'rating',
  title: 'Rate the docs',
  scale: { min: 1, max: 7 },
};
const single: SurveyQuestion = {
  id: 'tool',
  type: 'single-choice',
  title: 'Favourite tool',
  options: ['catalog', 'scaffolder', 'techdocs'],
};
const multiple: SurveyQuestion = {
  id: 'uses',
  type: 'multiple-choice',
  title: 'What do you use?',
  options: ['catalog', 'scaffolder', 'techdocs'],
};
const text: SurveyQuestion = {
  id: 'else',
  type: 'text',
  title: 'Anything else?',
};

/** Only the nps question is required. */
const questions = [nps, csat, rating, single, multiple, text];

function errorOf(qs: SurveyQuestion[], given: unknown[]): string {
  try {
    checkAnswers(qs, given as SurveyAnswer[]);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error('expected checkAnswers to throw');
}

describe('checkAnswers', () => {
  describe('accepts', () => {
    it('every question type and splits the answers for storage', () => {
      expect(
        checkAnswers(questions, [
          { questionId: 'nps', value: 9, comment: '  Fast builds  ' },
          { questionId: 'csat', value: 4 },
          { questionId: 'docs', value: 7 },
          { questionId: 'tool', value: 'scaffolder' },
          { questionId: 'uses', value: ['techdocs', 'catalog'] },
          { questionId: 'else', value: '  More templates  ' },
        ]),
      ).toEqual({
        answers: [
          { questionId: 'nps', value: 9, comment: 'Fast builds' },
          { questionId: 'csat', value: 4 },
          { questionId: 'docs', value: 7 },
          { questionId: 'tool', value: 'scaffolder' },
          { questionId: 'uses', value: ['techdocs', 'catalog'] },
          { questionId: 'else', value: 'More templates' },
        ],
        scored: [
          { questionId: 'nps', valueNum: 9 },
          { questionId: 'csat', valueNum: 4 },
          { questionId: 'docs', valueNum: 7 },
          { questionId: 'tool', valueText: 'scaffolder' },
          { questionId: 'uses', valueText: 'techdocs' },
          { questionId: 'uses', valueText: 'catalog' },
        ],
        comments: [
          { questionId: 'nps', text: 'Fast builds' },
          { questionId: 'else', text: 'More templates' },
        ],
      });
    });

    it('the ends of each scale', () => {
      for (const [q, value] of [
        [nps, 0],
        [nps, 10],
        [csat, 1],
        [csat, 5],
        [rating, 1],
        [rating, 7],
      ] as const) {
        expect(checkAnswers([q], [{ questionId: q.id, value }]).scored).toEqual(
          [{ questionId: q.id, valueNum: value }],
        );
      }
    });

    it('a rating without a scale as 0–10', () => {
      const bare: SurveyQuestion = { id: 'r', type: 'rating', title: 'R' };
      expect(checkAnswers([bare], [{ questionId: 'r', value: 0 }])).toEqual(
        expect.objectContaining({ scored: [{ questionId: 'r', valueNum: 0 }] }),
      );
      expect(checkAnswers([bare], [{ questionId: 'r', value: 10 }])).toEqual(
        expect.objectContaining({
          scored: [{ questionId: 'r', valueNum: 10 }],
        }),
      );
      expect(errorOf([bare], [{ questionId: 'r', value: 11 }])).toBe(
        "The answer to 'r' must be a whole number from 0 to 10, not 11",
      );
    });

    it('answers in any order, leaving optional questions out', () => {
      const checked = checkAnswers(questions, [
        { questionId: 'tool', value: 'catalog' },
        { questionId: 'nps', value: 3 },
      ]);
      expect(checked.answers).toEqual([
        { questionId: 'tool', value: 'catalog' },
        { questionId: 'nps', value: 3 },
      ]);
      expect(checked.comments).toEqual([]);
    });

    it('an nps answer without a comment, or an empty one, as just a score', () => {
      for (const comment of [undefined, '', '   ']) {
        expect(
          checkAnswers([nps], [{ questionId: 'nps', value: 6, comment }]),
        ).toEqual({
          answers: [{ questionId: 'nps', value: 6 }],
          scored: [{ questionId: 'nps', valueNum: 6 }],
          comments: [],
        });
      }
    });

    it('a comment on an nps question without a follow-up prompt', () => {
      const plain: SurveyQuestion = { id: 'n', type: 'nps', title: 'NPS' };
      expect(
        checkAnswers([plain], [{ questionId: 'n', value: 10, comment: 'Yes' }])
          .comments,
      ).toEqual([{ questionId: 'n', text: 'Yes' }]);
    });

    it('text up to 5000 characters, measured after trimming', () => {
      const long = 'x'.repeat(5000);
      expect(
        checkAnswers(
          [nps, text],
          [
            { questionId: 'nps', value: 8, comment: `  ${long}  ` },
            { questionId: 'else', value: `\n${long}\n` },
          ],
        ).comments,
      ).toEqual([
        { questionId: 'nps', text: long },
        { questionId: 'else', text: long },
      ]);
    });

    it('a single multiple-choice option, and all of them', () => {
      expect(
        checkAnswers([multiple], [{ questionId: 'uses', value: ['catalog'] }])
          .scored,
      ).toEqual([{ questionId: 'uses', valueText: 'catalog' }]);
      expect(
        checkAnswers(
          [multiple],
          [
            {
              questionId: 'uses',
              value: ['catalog', 'scaffolder', 'techdocs'],
            },
          ],
        ).scored,
      ).toHaveLength(3);
    });

    it('copies the chosen options', () => {
      const chosen = ['catalog'];
      const checked = checkAnswers(
        [multiple],
        [{ questionId: 'uses', value: chosen }],
      );
      chosen.push('techdocs');
      expect(checked.answers).toEqual([
        { questionId: 'uses', value: ['catalog'] },
      ]);
    });
  });

  describe('drops', () => {
    it('empty text answers', () => {
      expect(
        checkAnswers(questions, [
          { questionId: 'nps', value: 10 },
          { questionId: 'else', value: '   ' },
        ]),
      ).toEqual({
        answers: [{ questionId: 'nps', value: 10 }],
        scored: [{ questionId: 'nps', valueNum: 10 }],
        comments: [],
      });
    });

    it('but an empty required text answer is missing', () => {
      const why: SurveyQuestion = { ...text, required: true };
      expect(
        errorOf(
          [nps, why],
          [
            { questionId: 'nps', value: 10 },
            { questionId: 'else', value: '' },
          ],
        ),
      ).toBe("Please answer 'else' (Anything else?)");
    });
  });

  describe('rejects', () => {
    it('scores out of range', () => {
      for (const [q, value, range] of [
        [nps, -1, '0 to 10'],
        [nps, 11, '0 to 10'],
        [csat, 0, '1 to 5'],
        [csat, 6, '1 to 5'],
        [rating, 0, '1 to 7'],
        [rating, 8, '1 to 7'],
      ] as const) {
        expect(errorOf([q], [{ questionId: q.id, value }])).toBe(
          `The answer to '${q.id}' must be a whole number from ${range}, not ${value}`,
        );
      }
    });

    it('scores that are not whole numbers', () => {
      for (const value of [7.5, '7', null, NaN, Infinity, [7]]) {
        expect(errorOf([nps], [{ questionId: 'nps', value }])).toMatch(
          /^The answer to 'nps' must be a whole number from 0 to 10, not /,
        );
      }
      expect(errorOf([csat], [{ questionId: 'csat', value: '4' }])).toBe(
        `The answer to 'csat' must be a whole number from 1 to 5, not "4"`,
      );
      expect(errorOf([rating], [{ questionId: 'docs', value: 2.5 }])).toBe(
        "The answer to 'docs' must be a whole number from 1 to 7, not 2.5",
      );
    });

    it('unknown questions, listing the ones asked', () => {
      expect(errorOf([nps, csat], [{ questionId: 'ease', value: 3 }])).toBe(
        "Unknown question 'ease'; this wave asks 'nps', 'csat'",
      );
    });

    it('a question answered twice', () => {
      expect(
        errorOf(
          [nps],
          [
            { questionId: 'nps', value: 3 },
            { questionId: 'nps', value: 4 },
          ],
        ),
      ).toBe("Question 'nps' is answered twice");
      expect(
        errorOf(
          [nps, text],
          [
            { questionId: 'nps', value: 3 },
            { questionId: 'else', value: 'a' },
            { questionId: 'else', value: 'b' },
          ],
        ),
      ).toBe("Question 'else' is answered twice");
    });

    it('a single-choice option not offered, or not text', () => {
      for (const value of ['jenkins', 'Catalog', ['catalog'], 1]) {
        expect(errorOf([single], [{ questionId: 'tool', value }])).toBe(
          "The answer to 'tool' must be one of 'catalog', 'scaffolder', 'techdocs'",
        );
      }
    });

    it('multiple-choice answers that are empty, not a list or not offered', () => {
      for (const value of [[], 'catalog', ['catalog', 'jenkins'], [1], null]) {
        expect(errorOf([multiple], [{ questionId: 'uses', value }])).toBe(
          "The answer to 'uses' must be a list of one or more of 'catalog', 'scaffolder', 'techdocs'",
        );
      }
    });

    it('a multiple-choice option chosen twice', () => {
      expect(
        errorOf(
          [multiple],
          [{ questionId: 'uses', value: ['catalog', 'techdocs', 'catalog'] }],
        ),
      ).toBe("The answer to 'uses' lists an option twice");
    });

    it('a comment on a non-nps question', () => {
      for (const [q, value] of [
        [csat, 4],
        [rating, 3],
        [single, 'catalog'],
        [multiple, ['catalog']],
        [text, 'hi'],
      ] as const) {
        expect(
          errorOf([q], [{ questionId: q.id, value, comment: 'because' }]),
        ).toBe(
          `Question '${q.id}' has no follow-up; only nps questions take a comment`,
        );
      }
      // Even an empty one.
      expect(
        errorOf([csat], [{ questionId: 'csat', value: 4, comment: '' }]),
      ).toBe(
        "Question 'csat' has no follow-up; only nps questions take a comment",
      );
    });

    it('text over 5000 characters', () => {
      expect(
        errorOf([text], [{ questionId: 'else', value: 'x'.repeat(5001) }]),
      ).toBe(
        "The answer to 'else' is 5001 characters long; at most 5000 are allowed",
      );
      expect(
        errorOf(
          [nps],
          [{ questionId: 'nps', value: 1, comment: 'y'.repeat(6000) }],
        ),
      ).toBe(
        "The follow-up to 'nps' is 6000 characters long; at most 5000 are allowed",
      );
    });

    it('text answers and comments that are not text', () => {
      expect(errorOf([text], [{ questionId: 'else', value: 5 }])).toBe(
        "The answer to 'else' must be text",
      );
      expect(errorOf([text], [{ questionId: 'else', value: ['a'] }])).toBe(
        "The answer to 'else' must be text",
      );
      expect(
        errorOf([nps], [{ questionId: 'nps', value: 1, comment: 42 }]),
      ).toBe("The follow-up to 'nps' must be text");
    });

    it('required questions left out, naming each', () => {
      expect(
        errorOf(questions, [{ questionId: 'tool', value: 'catalog' }]),
      ).toBe(
        "Please answer 'nps' (How likely are you to recommend the platform?)",
      );
      const requiredCsat: SurveyQuestion = { ...csat, required: undefined };
      const requiredText: SurveyQuestion = { ...text, required: true };
      expect(
        errorOf(
          [nps, requiredCsat, single, requiredText],
          [{ questionId: 'tool', value: 'catalog' }],
        ),
      ).toBe(
        "Please answer 'nps' (How likely are you to recommend the platform?), 'csat' (How satisfied are you?), 'else' (Anything else?)",
      );
    });

    it('nps and csat questions marked optional are not required', () => {
      const optionalNps: SurveyQuestion = { ...nps, required: false };
      expect(
        checkAnswers([optionalNps, csat], [{ questionId: 'csat', value: 5 }])
          .answers,
      ).toEqual([{ questionId: 'csat', value: 5 }]);
    });

    it('a response that answers nothing', () => {
      const optional: SurveyQuestion[] = [{ ...nps, required: false }, text];
      expect(errorOf(optional, [])).toBe('The response answers no question');
      expect(errorOf(optional, [{ questionId: 'else', value: '  ' }])).toBe(
        'The response answers no question',
      );
    });

    it('a question of an unknown type', () => {
      const odd = { id: 'odd', type: 'slider', title: 'Odd' } as any;
      expect(errorOf([odd], [{ questionId: 'odd', value: 1 }])).toBe(
        "Question 'odd' has an unknown type",
      );
    });
  });
});
