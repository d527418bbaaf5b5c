import { z } from 'zod';

/** Slugs: lowercase letters and digits in dash-separated words. */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A primitive a condition compares with. */
export type Primitive = string | number | boolean;

export const primitiveSchema = z.union([z.string(), z.number(), z.boolean()]);

const regexCache = new Map<string, RegExp | null>();

/**
 * Compiles a regular expression once per pattern; null when it is invalid.
 * Checks run for every entity on every evaluation, so compiling on each call
 * would be wasted work.
 */
export function compileRegex(pattern: string): RegExp | null {
  let regex = regexCache.get(pattern);
  if (regex === undefined) {
    try {
      regex = new RegExp(pattern);
    } catch {
      regex = null;
    }
    regexCache.set(pattern, regex);
  }
  return regex;
}

/** The problem with a regular expression, or undefined when it compiles. */
export function regexProblem(pattern: string): string | undefined {
  try {
    // eslint-disable-next-line no-new
    new RegExp(pattern);
    return undefined;
  } catch (e) {
    return `'${pattern}' is not a valid regular expression: ${
      (e as Error).message
    }`;
  }
}

/** A zod string that must be a valid regular expression. */
export const regexSchema = z.string().superRefine((pattern, ctx) => {
  const problem = regexProblem(pattern);
  if (problem) {
    ctx.addIssue({ code: 'custom', message: problem });
  }
});

const MAX_SHOWN = 60;

/** A value as a reason shows it: strings quoted, long ones shortened. */
export function show(value: unknown): string {
  if (value === undefined) {
    return 'not set';
  }
  let text: string;
  if (typeof value === 'string') {
    text = `'${value}'`;
  } else if (Array.isArray(value)) {
    text = `[${value.map(v => show(v)).join(', ')}]`;
  } else if (typeof value === 'object' && value !== null) {
    text = safeJson(value);
  } else {
    text = String(value);
  }
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/** A list of values for a reason: `'a', 'b' or 'c'`. */
export function showList(values: readonly unknown[]): string {
  const shown = values.map(v => show(v));
  if (shown.length <= 1) {
    return shown.join('');
  }
  return `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}`;
}

/** What a check outcome's `value` may hold: arrays and objects as text. */
export function outcomeValue(
  value: unknown,
): string | number | boolean | null | undefined {
  if (
    value === undefined ||
    value === null ||
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean'
  ) {
    return value;
  }
  if (Array.isArray(value)) {
    return value.map(v => (typeof v === 'string' ? v : safeJson(v))).join(', ');
  }
  return safeJson(value);
}

/** The type of a value in words, for reasons about a wrong type. */
export function typeName(value: unknown): string {
  if (value === null) {
    return 'empty (null)';
  }
  if (Array.isArray(value)) {
    return 'a list';
  }
  if (typeof value === 'object') {
    return 'an object';
  }
  if (typeof value === 'number') {
    return 'a number';
  }
  if (typeof value === 'boolean') {
    return 'a boolean';
  }
  return `a ${typeof value}`;
}

/** Numeric comparison operators shared by `metric` and `fact`. */
export type ComparisonOperator = '<' | '<=' | '>' | '>=';

export function compareNumbers(
  actual: number,
  operator: ComparisonOperator | '==' | '!=',
  threshold: number,
): boolean {
  switch (operator) {
    case '<':
      return actual < threshold;
    case '<=':
      return actual <= threshold;
    case '>':
      return actual > threshold;
    case '>=':
      return actual >= threshold;
    case '==':
      return actual === threshold;
    case '!=':
      return actual !== threshold;
    default:
      return false;
  }
}

/** A list of names for an error message, or `none`. */
export function listOrNone(names: Iterable<string>): string {
  const sorted = [...names].sort();
  return sorted.length ? sorted.join(', ') : 'none';
}
