import { ConfigReader } from '@backstage/config';
import { JsonObject, JsonValue } from '@backstage/types';
import { InputError } from '@backstage/errors';
import { readSurveySettings } from './readSurveysConfig';

function read(surveys?: JsonObject) {
  return readSurveySettings(
    new ConfigReader(surveys === undefined ? {} : { flywheel: { surveys } }),
  );
}

function errorOf(surveys: JsonObject): Error {
  try {
    read(surveys);
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected readSurveySettings to throw');
}

function survey(id: JsonValue, fields: JsonObject = {}): JsonObject {
  return {
    id,
    title: `Survey ${id}`,
    anonymous: false,
    questions: [{ id: 'csat', type: 'csat', title: 'How satisfied are you?' }],
    audience: { type: 'groups', groupRefs: ['Group:default/Platform'] },
    schedule: { opensAt: '2026-02-01T10:00:00+01:00', recurrence: 'monthly' },
    ...fields,
  };
}

describe('readSurveySettings', () => {
  it('fills in defaults without a flywheel.surveys section', () => {
    const expected = {
      minGroupSize: 5,
      minCommentGroupSize: 10,
      throttle: {
        minDaysBetweenSurveys: 30,
        minDaysBetweenNps: 90,
        snoozeDays: 3,
      },
      notifyOnWaveOpen: true,
      definitions: [],
    };
    expect(read()).toEqual(expected);
    expect(readSurveySettings(new ConfigReader({ flywheel: {} }))).toEqual(
      expected,
    );
    expect(read({})).toEqual(expected);
  });

  it('reads every setting', () => {
    expect(
      read({
        minGroupSize: 7,
        minCommentGroupSize: 12,
        minDaysBetweenSurveys: 14,
        minDaysBetweenNps: 60,
        snoozeDays: 1,
        notifyOnWaveOpen: false,
      }),
    ).toEqual({
      minGroupSize: 7,
      minCommentGroupSize: 12,
      throttle: {
        minDaysBetweenSurveys: 14,
        minDaysBetweenNps: 60,
        snoozeDays: 1,
      },
      notifyOnWaveOpen: false,
      definitions: [],
    });
  });

  describe('group sizes', () => {
    it('raises minGroupSize below 3 to 3', () => {
      expect(read({ minGroupSize: 2 }).minGroupSize).toBe(3);
      expect(read({ minGroupSize: 0 }).minGroupSize).toBe(3);
      expect(read({ minGroupSize: 3 }).minGroupSize).toBe(3);
    });

    it('keeps minCommentGroupSize at least minGroupSize', () => {
      expect(read({ minGroupSize: 20 }).minCommentGroupSize).toBe(20);
      expect(
        read({ minGroupSize: 8, minCommentGroupSize: 4 }).minCommentGroupSize,
      ).toBe(8);
      expect(read({ minGroupSize: 2, minCommentGroupSize: 1 })).toMatchObject({
        minGroupSize: 3,
        minCommentGroupSize: 3,
      });
      expect(read({ minCommentGroupSize: 6 }).minCommentGroupSize).toBe(6);
    });
  });

  describe('days', () => {
    it('accepts 0', () => {
      expect(
        read({ minDaysBetweenSurveys: 0, minDaysBetweenNps: 0, snoozeDays: 0 })
          .throttle,
      ).toEqual({
        minDaysBetweenSurveys: 0,
        minDaysBetweenNps: 0,
        snoozeDays: 0,
      });
    });

    it('rejects negative or fractional days, naming the key', () => {
      for (const key of [
        'minDaysBetweenSurveys',
        'minDaysBetweenNps',
        'snoozeDays',
      ]) {
        for (const value of [-1, 1.5]) {
          const error = errorOf({ [key]: value });
          expect(error).toBeInstanceOf(InputError);
          expect(error.message).toBe(
            `flywheel.surveys.${key} must be a whole number of days, 0 or more`,
          );
        }
      }
    });

    it('rejects days that are not numbers', () => {
      expect(errorOf({ snoozeDays: 'soon' }).message).toContain('snoozeDays');
    });
  });

  describe('definitions', () => {
    it('parses each definition and keeps its id', () => {
      const settings = read({
        definitions: [
          survey('dev-experience'),
          survey('golden-path-csat', {
            audience: {
              type: 'golden-path-owners',
              templateRefs: ['Node-Service'],
            },
            triggers: [{ type: 'event', event: 'scaffolder.run.completed' }],
            samplingPercent: 50,
          }),
        ],
      });
      expect(settings.definitions).toEqual([
        {
          id: 'dev-experience',
          definition: {
            title: 'Survey dev-experience',
            description: undefined,
            anonymous: false,
            questions: [
              { id: 'csat', type: 'csat', title: 'How satisfied are you?' },
            ],
            audience: {
              type: 'groups',
              groupRefs: ['group:default/platform'],
            },
            schedule: {
              opensAt: '2026-02-01T09:00:00.000Z',
              closesAt: undefined,
              recurrence: 'monthly',
            },
            triggers: [{ type: 'wave-open' }],
            samplingPercent: 100,
          },
        },
        {
          id: 'golden-path-csat',
          definition: expect.objectContaining({
            audience: {
              type: 'golden-path-owners',
              templateRefs: ['template:default/node-service'],
            },
            triggers: [{ type: 'event', event: 'scaffolder.run.completed' }],
            samplingPercent: 50,
          }),
        },
      ]);
    });

    it('rejects duplicate ids, naming the index and id', () => {
      const error = errorOf({
        definitions: [survey('a'), survey('b'), survey('a')],
      });
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toBe(
        "flywheel.surveys.definitions[2] (survey 'a'): duplicate survey id 'a'",
      );
    });

    it('rejects bad ids, naming the index and id', () => {
      for (const id of ['Dev Experience', 'dev_experience', '-x', '']) {
        const error = errorOf({ definitions: [survey('ok'), survey(id)] });
        expect(error).toBeInstanceOf(InputError);
        expect(error.message).toBe(
          `flywheel.surveys.definitions[1] (survey '${id}'): id must be lowercase letters, digits and dashes`,
        );
      }
    });

    it('rejects a missing or non-text id, naming the index', () => {
      const { id: _, ...noId } = survey('x');
      expect(errorOf({ definitions: [noId] }).message).toBe(
        'flywheel.surveys.definitions[0]: id must be lowercase letters, digits and dashes',
      );
      expect(errorOf({ definitions: [survey(42)] }).message).toBe(
        'flywheel.surveys.definitions[0]: id must be lowercase letters, digits and dashes',
      );
    });

    it('names the survey and field of a bad definition', () => {
      const error = errorOf({
        definitions: [
          survey('fine'),
          survey('broken', {
            questions: [
              { id: 'csat', type: 'csat', title: 'OK?' },
              { id: 'rate', type: 'rating', title: 'Rate it' },
            ],
          }),
        ],
      });
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toBe(
        "flywheel.surveys.definitions[1] (survey 'broken'): questions[1].scale: a rating question needs a scale, e.g. { min: 1, max: 5 }",
      );
    });

    it('does not take the id as a definition field', () => {
      const [{ definition }] = read({ definitions: [survey('x')] }).definitions;
      expect(definition).not.toHaveProperty('id');
    });

    it('rejects unknown fields in a definition', () => {
      expect(
        errorOf({ definitions: [survey('x', { owner: 'me' })] }).message,
      ).toMatch(/^flywheel\.surveys\.definitions\[0\] \(survey 'x'\): .*owner/);
    });
  });
});
