import { InputError } from '@backstage/errors';
import { parseSurveyDefinition } from '../definitions/definition';

export const WHERE = "Survey 'platform-nps'";

export function valid(): Record<string, any> {
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
export function withFields(
  fields: Record<string, unknown>,
): Record<string, any> {
  return { ...valid(), ...fields };
}

export function withQuestion(
  question: Record<string, unknown>,
): Record<string, any> {
  return withFields({ questions: [question] });
}

export function withSchedule(
  schedule: Record<string, unknown>,
): Record<string, any> {
  return withFields({ schedule });
}

/** The error message parsing `input` throws. */
export function errorOf(input: unknown, where = WHERE): string {
  try {
    parseSurveyDefinition(input, where);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error('expected parseSurveyDefinition to throw');
}
