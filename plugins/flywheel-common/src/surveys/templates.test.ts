import { surveyTemplate, surveyTemplates } from './templates';
import { SURVEY_QUESTION_TYPES, SurveyQuestion } from './types';

const now = new Date('2026-03-01T09:00:00.000Z');
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

// What the survey API accepts, per question type.
function problems(question: SurveyQuestion): string[] {
  const found: string[] = [];
  const choice =
    question.type === 'single-choice' || question.type === 'multiple-choice';
  if (!ID.test(question.id)) found.push('id');
  if (!SURVEY_QUESTION_TYPES.includes(question.type)) found.push('type');
  if (!question.title.trim()) found.push('title');
  if (choice) {
    const options = question.options ?? [];
    if (options.length < 2 || options.length > 20) found.push('options');
    if (new Set(options).size !== options.length) found.push('duplicates');
  } else if (question.options) {
    found.push('options on a non-choice question');
  }
  if (question.type === 'rating') {
    const { min, max } = question.scale ?? { min: NaN, max: NaN };
    if (!(Number.isInteger(min) && Number.isInteger(max))) found.push('scale');
    if (!(min >= 0 && max <= 10 && min < max)) found.push('scale bounds');
  } else if (question.scale) {
    found.push('scale on a non-rating question');
  }
  if (question.followUp !== undefined && question.type !== 'nps') {
    found.push('followUp on a non-nps question');
  }
  return found;
}

describe('surveyTemplates', () => {
  const templates = surveyTemplates(now);

  it('offers the three templates with unique ids', () => {
    expect(templates.map(t => t.id)).toEqual([
      'platform-nps',
      'golden-path-csat',
      'dx-pulse',
    ]);
  });

  it.each(templates.map(t => [t.id, t] as const))(
    '%s has valid, uniquely named questions',
    (id, t) => {
      const ids = t.definition.questions.map(q => q.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(
        t.definition.questions
          .map(q => ({ id: q.id, problems: problems(q) }))
          .filter(q => q.problems.length > 0),
      ).toEqual([]);
      expect(t.definition.template).toBe(id);
      expect(t.definition.schedule.opensAt).toBe('2026-03-01T09:00:00.000Z');
      expect(t.definition.triggers.length).toBeGreaterThan(0);
      expect(t.definition.samplingPercent).toBeGreaterThanOrEqual(1);
      expect(t.definition.samplingPercent).toBeLessThanOrEqual(100);
      expect(t.title.trim()).not.toBe('');
      expect(t.description.trim()).not.toBe('');
    },
  );

  it('asks platform NPS anonymously every quarter', () => {
    const { definition } = surveyTemplate('platform-nps', now)!;
    expect(definition).toMatchObject({
      anonymous: true,
      schedule: { recurrence: 'quarterly' },
      triggers: [{ type: 'wave-open' }],
    });
    expect(definition.questions[0]).toMatchObject({
      id: 'nps',
      type: 'nps',
      followUp: 'What is the main reason for your score?',
    });
    expect(definition.questions[1]).toMatchObject({
      type: 'single-choice',
      title: 'What should the platform team improve first?',
    });
  });

  it('asks golden-path CSAT of half the people after a scaffolder run', () => {
    const { definition } = surveyTemplate('golden-path-csat', now)!;
    expect(definition).toMatchObject({
      anonymous: false,
      triggers: [{ type: 'event', event: 'scaffolder.run.completed' }],
      samplingPercent: 50,
      schedule: { recurrence: 'monthly' },
    });
    expect(definition.questions.map(q => [q.id, q.type, q.title])).toEqual([
      [
        'csat',
        'csat',
        'How satisfied are you with creating a service from this golden path?',
      ],
      ['slowed-down', 'text', 'What slowed you down?'],
    ]);
    // Monthly waves must not overlap, even from January into February.
    expect(definition.schedule.waveDays).toBeLessThanOrEqual(28);
  });

  it('rates focus time, tooling and docs in the monthly pulse', () => {
    const { definition } = surveyTemplate('dx-pulse', now)!;
    expect(definition.anonymous).toBe(true);
    expect(definition.schedule.recurrence).toBe('monthly');
    expect(
      definition.questions.filter(q => q.type === 'rating').map(q => q.id),
    ).toEqual(['focus-time', 'tooling', 'docs']);
    for (const q of definition.questions.filter(r => r.type === 'rating')) {
      expect(q.scale).toMatchObject({ min: 1, max: 5 });
      expect(q.scale?.minLabel).toBeTruthy();
      expect(q.scale?.maxLabel).toBeTruthy();
    }
    expect(definition.questions.some(q => q.type === 'text')).toBe(true);
  });

  it('builds fresh objects on every call', () => {
    const first = surveyTemplate('platform-nps', now)!;
    first.definition.questions[1].options!.push('Something else');
    first.definition.questions.pop();
    const second = surveyTemplate('platform-nps', now)!;
    expect(second.definition.questions).toHaveLength(2);
    expect(second.definition.questions[1].options).toHaveLength(5);
  });

  it('returns undefined for an unknown id', () => {
    expect(surveyTemplate('nope', now)).toBeUndefined();
  });
});
