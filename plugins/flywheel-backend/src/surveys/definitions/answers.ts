import { InputError } from '@backstage/errors';
import { SurveyAnswer, SurveyQuestion } from '@flywheel/plugin-flywheel-common';
import { ScoredAnswer } from '../store/SurveyStore';
import { isRequired, MAX_TEXT_LENGTH } from './definition';

/** Answers checked against a wave's questions, split for storage. */
export interface CheckedAnswers {
  /** The answers as given, text trimmed and empty ones dropped. */
  answers: SurveyAnswer[];
  scored: ScoredAnswer[];
  comments: { questionId: string; text: string }[];
}

function scaleOf(q: SurveyQuestion): { min: number; max: number } {
  switch (q.type) {
    case 'nps':
      return { min: 0, max: 10 };
    case 'csat':
      return { min: 1, max: 5 };
    default:
      return q.scale ?? { min: 0, max: 10 };
  }
}

function text(value: unknown, what: string): string {
  if (typeof value !== 'string') {
    throw new InputError(`${what} must be text`);
  }
  const trimmed = value.trim();
  if (trimmed.length > MAX_TEXT_LENGTH) {
    throw new InputError(
      `${what} is ${trimmed.length} characters long; at most ${MAX_TEXT_LENGTH} are allowed`,
    );
  }
  return trimmed;
}

/**
 * Validates answers against the questions a wave asks. Any problem — an
 * unknown or repeated question, a score out of range, an option the question
 * does not offer, oversized text, a required question left out — is an
 * InputError naming the question, so nothing is stored.
 */
export function checkAnswers(
  questions: SurveyQuestion[],
  given: SurveyAnswer[],
): CheckedAnswers {
  const byId = new Map(questions.map(q => [q.id, q]));
  const seen = new Set<string>();
  const result: CheckedAnswers = { answers: [], scored: [], comments: [] };

  for (const answer of given) {
    const q = byId.get(answer.questionId);
    if (!q) {
      throw new InputError(
        `Unknown question '${answer.questionId}'; this wave asks ${questions
          .map(x => `'${x.id}'`)
          .join(', ')}`,
      );
    }
    if (seen.has(q.id)) {
      throw new InputError(`Question '${q.id}' is answered twice`);
    }
    seen.add(q.id);
    const what = `The answer to '${q.id}'`;
    if (answer.comment !== undefined && q.type !== 'nps') {
      throw new InputError(
        `Question '${q.id}' has no follow-up; only nps questions take a comment`,
      );
    }

    switch (q.type) {
      case 'nps':
      case 'csat':
      case 'rating': {
        const { min, max } = scaleOf(q);
        const v = answer.value;
        if (
          typeof v !== 'number' ||
          !Number.isInteger(v) ||
          v < min ||
          v > max
        ) {
          throw new InputError(
            `${what} must be a whole number from ${min} to ${max}, not ${JSON.stringify(
              v,
            )}`,
          );
        }
        result.scored.push({ questionId: q.id, valueNum: v });
        const comment =
          answer.comment !== undefined
            ? text(answer.comment, `The follow-up to '${q.id}'`)
            : '';
        if (comment) {
          result.comments.push({ questionId: q.id, text: comment });
        }
        result.answers.push({
          questionId: q.id,
          value: v,
          ...(comment ? { comment } : {}),
        });
        break;
      }
      case 'single-choice': {
        const v = answer.value;
        if (typeof v !== 'string' || !q.options?.includes(v)) {
          throw new InputError(
            `${what} must be one of ${(q.options ?? [])
              .map(o => `'${o}'`)
              .join(', ')}`,
          );
        }
        result.scored.push({ questionId: q.id, valueText: v });
        result.answers.push({ questionId: q.id, value: v });
        break;
      }
      case 'multiple-choice': {
        const v = answer.value;
        if (
          !Array.isArray(v) ||
          v.length === 0 ||
          v.some(o => typeof o !== 'string' || !q.options?.includes(o))
        ) {
          throw new InputError(
            `${what} must be a list of one or more of ${(q.options ?? [])
              .map(o => `'${o}'`)
              .join(', ')}`,
          );
        }
        if (new Set(v).size !== v.length) {
          throw new InputError(`${what} lists an option twice`);
        }
        for (const option of v) {
          result.scored.push({ questionId: q.id, valueText: option });
        }
        result.answers.push({ questionId: q.id, value: [...v] });
        break;
      }
      case 'text': {
        const v = text(answer.value, what);
        if (v) {
          result.comments.push({ questionId: q.id, text: v });
          result.answers.push({ questionId: q.id, value: v });
        } else {
          seen.delete(q.id);
        }
        break;
      }
      default:
        throw new InputError(`Question '${q.id}' has an unknown type`);
    }
  }

  const missing = questions.filter(q => isRequired(q) && !seen.has(q.id));
  if (missing.length > 0) {
    throw new InputError(
      `Please answer ${missing.map(q => `'${q.id}' (${q.title})`).join(', ')}`,
    );
  }
  if (result.answers.length === 0) {
    throw new InputError('The response answers no question');
  }
  return result;
}
