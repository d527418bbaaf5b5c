import { SurveyAnswer, SurveyQuestion } from '@flywheel/plugin-flywheel-common';

/** The longest free-text answer (text questions and nps follow-ups). */
export const MAX_TEXT_LENGTH = 5000;

/** What the form holds for one question while it is being answered. */
export interface DraftAnswer {
  value?: number | string | string[];
  comment?: string;
}

/** The form's answers by question id. */
export type Draft = Record<string, DraftAnswer>;

/** One step of a scale question, with its label if it has one. */
export interface ScalePoint {
  value: number;
  label?: string;
}

const NPS_LABELS: Record<number, string> = {
  0: 'Not at all likely',
  10: 'Extremely likely',
};

const CSAT_LABELS = [
  'Very dissatisfied',
  'Dissatisfied',
  'Neither satisfied nor dissatisfied',
  'Satisfied',
  'Very satisfied',
];

/** nps and csat questions are required unless they say otherwise. */
export function isRequired(question: SurveyQuestion): boolean {
  return question.required ?? ['nps', 'csat'].includes(question.type);
}

/** Whether the question is answered; blank text counts as no answer. */
export function hasValue(answer: DraftAnswer | undefined): boolean {
  const value = answer?.value;
  if (value === undefined || value === null) {
    return false;
  }
  if (Array.isArray(value)) {
    return value.length > 0;
  }
  if (typeof value === 'string') {
    return value.trim().length > 0;
  }
  return Number.isFinite(value);
}

/** The steps of an nps, csat or rating question. */
export function scaleOf(question: SurveyQuestion): ScalePoint[] {
  const range = (min: number, max: number) =>
    Array.from({ length: Math.max(0, max - min + 1) }, (_, i) => min + i);
  switch (question.type) {
    case 'nps':
      return range(0, 10).map(value => ({ value, label: NPS_LABELS[value] }));
    case 'csat':
      return range(1, 5).map(value => ({
        value,
        label: CSAT_LABELS[value - 1],
      }));
    case 'rating': {
      const min = question.scale?.min ?? 1;
      const max = question.scale?.max ?? 5;
      return range(min, max).map(value => {
        let label: string | undefined;
        if (value === min) {
          label = question.scale?.minLabel;
        } else if (value === max) {
          label = question.scale?.maxLabel;
        }
        return { value, label };
      });
    }
    default:
      return [];
  }
}

/** The form's starting point from answers given earlier (or a saved draft). */
export function toDraft(answers: SurveyAnswer[] | undefined): Draft {
  const draft: Draft = {};
  for (const answer of answers ?? []) {
    draft[answer.questionId] = {
      value: Array.isArray(answer.value) ? [...answer.value] : answer.value,
      comment: answer.comment,
    };
  }
  return draft;
}

/**
 * The answers in the `SurveyAnswer` shape, in question order, unanswered
 * questions left out. `trim` is for what is sent: text without surrounding
 * blanks and choices in the survey's order; a draft keeps what was typed.
 */
export function toAnswers(
  questions: SurveyQuestion[],
  draft: Draft,
  options: { trim: boolean },
): SurveyAnswer[] {
  const answers: SurveyAnswer[] = [];
  for (const question of questions) {
    const answer = draft[question.id];
    if (!answer || !hasValue(answer)) {
      continue;
    }
    let value = answer.value!;
    if (typeof value === 'string' && options.trim) {
      value = value.trim();
    } else if (Array.isArray(value) && options.trim && question.options) {
      const chosen = value;
      value = question.options.filter(option => chosen.includes(option));
    }
    const result: SurveyAnswer = { questionId: question.id, value };
    const comment = options.trim ? answer.comment?.trim() : answer.comment;
    if (question.type === 'nps' && comment) {
      result.comment = comment;
    }
    answers.push(result);
  }
  return answers;
}
