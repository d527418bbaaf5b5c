import {
  Survey,
  SurveyDefinition,
  SurveyQuestion,
  SurveyQuestionType,
} from '@flywheel/plugin-flywheel-common';

/** The most options a choice question may have; the backend enforces it too. */
export const MAX_OPTIONS = 20;

/** A survey nobody has written yet: one NPS question, everyone, once. */
export function blankDefinition(now: Date): SurveyDefinition {
  return {
    title: '',
    description: '',
    anonymous: true,
    questions: [
      {
        id: 'nps',
        type: 'nps',
        title: 'How likely are you to recommend our platform to a colleague?',
        followUp: 'What is the main reason for your score?',
      },
    ],
    audience: { type: 'everyone' },
    schedule: {
      opensAt: now.toISOString(),
      recurrence: 'quarterly',
      waveDays: 14,
    },
    triggers: [{ type: 'wave-open' }],
    samplingPercent: 100,
  };
}

/** The editable part of a survey the API returned. */
export function definitionOf(survey: Survey): SurveyDefinition {
  const definition: SurveyDefinition = {
    title: survey.title,
    description: survey.description ?? '',
    anonymous: survey.anonymous,
    questions: survey.questions,
    audience: survey.audience,
    schedule: survey.schedule,
    triggers: survey.triggers,
    samplingPercent: survey.samplingPercent,
  };
  if (survey.template) {
    definition.template = survey.template;
  }
  return definition;
}

/** A question id not used yet in the survey, e.g. `question-3`. */
export function newQuestionId(questions: SurveyQuestion[]): string {
  const ids = new Set(questions.map(q => q.id));
  let n = questions.length + 1;
  while (ids.has(`question-${n}`)) {
    n += 1;
  }
  return `question-${n}`;
}

/**
 * A question changed to another type: keeps id, title and whether it is
 * required, and gives the type the fields it needs.
 */
export function withType(
  question: SurveyQuestion,
  type: SurveyQuestionType,
): SurveyQuestion {
  const base: SurveyQuestion = { id: question.id, type, title: question.title };
  if (question.required !== undefined) {
    base.required = question.required;
  }
  switch (type) {
    case 'nps':
      return { ...base, followUp: question.followUp ?? '' };
    case 'rating':
      return { ...base, scale: question.scale ?? { min: 1, max: 5 } };
    case 'single-choice':
    case 'multiple-choice':
      return { ...base, options: question.options ?? ['', ''] };
    default:
      return base;
  }
}

/** A new question of a type. */
export function newQuestion(
  questions: SurveyQuestion[],
  type: SurveyQuestionType = 'csat',
): SurveyQuestion {
  return withType({ id: newQuestionId(questions), type, title: '' }, type);
}

/** Problems with a definition by field, e.g. `questions.0.title`. */
export type DefinitionErrors = Record<string, string>;

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function validateQuestion(
  question: SurveyQuestion,
  index: number,
  errors: DefinitionErrors,
  seen: Set<string>,
) {
  const at = `questions.${index}`;
  if (!ID_PATTERN.test(question.id)) {
    errors[`${at}.id`] = 'Use lowercase letters, digits and dashes.';
  } else if (seen.has(question.id)) {
    errors[`${at}.id`] = 'Another question has this id.';
  }
  seen.add(question.id);
  if (!question.title.trim()) {
    errors[`${at}.title`] = 'Write the question.';
  }
  if (question.type === 'rating') {
    const scale = question.scale;
    if (
      !scale ||
      !Number.isInteger(scale.min) ||
      !Number.isInteger(scale.max) ||
      scale.min < 0 ||
      scale.max > 10 ||
      scale.min >= scale.max
    ) {
      errors[`${at}.scale`] =
        'The scale runs between whole numbers from 0 to 10, the lowest first.';
    }
  }
  if (
    question.type === 'single-choice' ||
    question.type === 'multiple-choice'
  ) {
    const options = (question.options ?? []).map(o => o.trim());
    if (options.filter(Boolean).length < 2) {
      errors[`${at}.options`] = 'Give at least 2 options.';
    } else if (options.length > MAX_OPTIONS) {
      errors[`${at}.options`] = `Give at most ${MAX_OPTIONS} options.`;
    } else if (new Set(options).size !== options.length) {
      errors[`${at}.options`] = 'Each option must be different.';
    }
  }
}

/**
 * Checks what the form can check before sending; the backend checks it all
 * again and its answer is shown as is.
 */
export function validateDefinition(
  definition: SurveyDefinition,
): DefinitionErrors {
  const errors: DefinitionErrors = {};
  if (!definition.title.trim()) {
    errors.title = 'Give the survey a title.';
  }
  if (definition.questions.length === 0) {
    errors.questions = 'Add at least one question.';
  }
  const seen = new Set<string>();
  definition.questions.forEach((q, i) => validateQuestion(q, i, errors, seen));

  const audience = definition.audience;
  if (audience.type === 'groups' && audience.groupRefs.length === 0) {
    errors.audience = 'Choose at least one team.';
  }
  if (
    audience.type === 'golden-path-owners' &&
    audience.templateRefs.length === 0
  ) {
    errors.audience = 'Choose at least one template.';
  }

  const schedule = definition.schedule;
  if (!schedule.opensAt) {
    errors['schedule.opensAt'] = 'Choose when the survey opens.';
  }
  if (schedule.recurrence === 'none') {
    if (!schedule.closesAt) {
      errors['schedule.closesAt'] = 'Choose when the survey closes.';
    } else if (schedule.opensAt && schedule.closesAt <= schedule.opensAt) {
      errors['schedule.closesAt'] = 'The survey must close after it opens.';
    }
  } else {
    const days = schedule.waveDays ?? 14;
    if (!Number.isInteger(days) || days < 1) {
      errors['schedule.waveDays'] = 'A whole number of days, at least 1.';
    }
  }

  definition.triggers.forEach((trigger, i) => {
    if (trigger.type === 'event' && !trigger.event) {
      errors[`triggers.${i}`] = 'Choose the event.';
    }
    if (trigger.type === 'route' && !trigger.pathPrefix.startsWith('/')) {
      errors[`triggers.${i}`] = 'A path starts with /, e.g. /catalog.';
    }
  });

  const sampling = definition.samplingPercent;
  if (!Number.isInteger(sampling) || sampling < 1 || sampling > 100) {
    errors.samplingPercent = 'A whole number from 1 to 100.';
  }
  return errors;
}

/**
 * What is sent to the API: trimmed text, no empty optional fields, choice
 * options without blanks.
 */
export function cleanDefinition(
  definition: SurveyDefinition,
): SurveyDefinition {
  const questions = definition.questions.map(q => {
    const question: SurveyQuestion = { ...q, title: q.title.trim() };
    if (question.followUp !== undefined) {
      const followUp = question.followUp.trim();
      if (followUp) {
        question.followUp = followUp;
      } else {
        delete question.followUp;
      }
    }
    if (question.options) {
      question.options = question.options.map(o => o.trim()).filter(Boolean);
    }
    if (question.scale) {
      const scale = { ...question.scale };
      if (!scale.minLabel?.trim()) delete scale.minLabel;
      if (!scale.maxLabel?.trim()) delete scale.maxLabel;
      question.scale = scale;
    }
    return question;
  });
  const schedule = { ...definition.schedule };
  if (schedule.recurrence === 'none') {
    delete schedule.waveDays;
  } else {
    delete schedule.closesAt;
  }
  const cleaned: SurveyDefinition = {
    ...definition,
    title: definition.title.trim(),
    questions,
    schedule,
  };
  const description = definition.description?.trim();
  if (description) {
    cleaned.description = description;
  } else {
    delete cleaned.description;
  }
  return cleaned;
}
