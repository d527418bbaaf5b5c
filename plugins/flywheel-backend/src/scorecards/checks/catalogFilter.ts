import {
  evaluateFilterPredicate,
  FilterPredicate,
  getJsonValueAtPath,
  parseFilterPredicate,
} from '@backstage/filter-predicates';
import { JsonValue } from '@backstage/types';
import { z } from 'zod';
import { CheckType } from './CheckType';
import { show, showList } from './util';

/** A filter predicate, checked with `parseFilterPredicate`; an object at the root. */
export const filterPredicateSchema = z.unknown().transform((value, ctx) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    ctx.addIssue({
      code: 'custom',
      message: `must be a filter predicate object like { kind: Component, spec.type: service }, got ${show(
        value,
      )}`,
    });
    return z.NEVER;
  }
  try {
    return parseFilterPredicate(value);
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: (e as Error).message });
    return z.NEVER;
  }
});

const params = z.strictObject({
  /** The entity passes when it matches, e.g. `{ metadata.tags: { $contains: java } }`. */
  filter: filterPredicateSchema,
});

/** Parameters of `catalog.filter`. */
export interface CatalogFilterParams {
  filter: FilterPredicate;
}

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value matcher in words: `'production'`, `one of 'a' or 'b'`, `set`. */
function describeValueMatcher(matcher: unknown): string {
  if (!isObject(matcher)) {
    return show(matcher);
  }
  if ('$exists' in matcher) {
    return matcher.$exists ? 'set' : 'not set';
  }
  if ('$in' in matcher && Array.isArray(matcher.$in)) {
    return `one of ${showList(matcher.$in)}`;
  }
  if ('$hasPrefix' in matcher) {
    return `starting with ${show(matcher.$hasPrefix)}`;
  }
  if ('$contains' in matcher) {
    return `a list containing ${describePredicate(matcher.$contains)}`;
  }
  return show(matcher);
}

/** A predicate in words, for reasons. */
export function describePredicate(predicate: unknown): string {
  if (!isObject(predicate)) {
    return show(predicate);
  }
  if (Array.isArray(predicate.$all)) {
    return `all of (${predicate.$all.map(describePredicate).join('; ')})`;
  }
  if (Array.isArray(predicate.$any)) {
    return `any of (${predicate.$any.map(describePredicate).join('; ')})`;
  }
  if ('$not' in predicate) {
    return `not (${describePredicate(predicate.$not)})`;
  }
  return Object.entries(predicate)
    .map(([path, matcher]) => `${path} ${describeValueMatcher(matcher)}`)
    .join(', ');
}

/**
 * Why an entity does not match: the failing parts of the predicate with the
 * entity's values, e.g. `spec.lifecycle is 'experimental', expected
 * 'production'`.
 */
function explainMismatch(predicate: unknown, entity: unknown): string {
  if (!isObject(predicate)) {
    return `Does not match ${show(predicate)}`;
  }
  if (Array.isArray(predicate.$all)) {
    return (predicate.$all as FilterPredicate[])
      .filter(p => !safeEvaluate(p, entity))
      .map(p => explainMismatch(p, entity))
      .join('; ');
  }
  if ('$any' in predicate || '$not' in predicate) {
    return `Does not match ${describePredicate(predicate)}`;
  }
  const parts: string[] = [];
  for (const [path, matcher] of Object.entries(predicate)) {
    if (safeEvaluate({ [path]: matcher } as FilterPredicate, entity)) {
      continue;
    }
    const actual = getJsonValueAtPath(entity as JsonValue, path);
    const expected = describeValueMatcher(matcher);
    parts.push(
      actual === undefined
        ? `${path} is not set, expected ${expected}`
        : `${path} is ${show(actual)}, expected ${expected}`,
    );
  }
  return parts.join('; ');
}

function safeEvaluate(predicate: FilterPredicate, value: unknown): boolean {
  try {
    return evaluateFilterPredicate(predicate, value);
  } catch {
    return false;
  }
}

// A check's filter is the same for every entity, and describing it is most
// of the work of a passing check.
const descriptions = new WeakMap<object, string>();

function describeFilter(filter: FilterPredicate): string {
  if (typeof filter !== 'object' || filter === null) {
    return describePredicate(filter);
  }
  let description = descriptions.get(filter);
  if (description === undefined) {
    description = describePredicate(filter);
    descriptions.set(filter, description);
  }
  return description;
}

/**
 * `catalog.filter`: the entity matches a filter predicate
 * (`@backstage/filter-predicates`: case-insensitive equality, `$exists`,
 * `$in`, `$contains`, `$hasPrefix`, `$all`, `$any`, `$not`). Good for tags,
 * lifecycles, labels and combinations.
 */
export const catalogFilterCheck: CheckType<CatalogFilterParams> = {
  type: 'catalog.filter',
  description:
    'The entity matches a filter predicate (filter: { metadata.tags: { $contains: java } })',
  params,
  evaluate({ filter }, { entity }) {
    let matches: boolean;
    try {
      matches = evaluateFilterPredicate(filter, entity);
    } catch (e) {
      return {
        state: 'unknown',
        reason: `The filter could not be evaluated: ${(e as Error).message}`,
      };
    }
    if (matches) {
      return {
        state: 'pass',
        reason: `Matches ${describeFilter(filter)}`,
      };
    }
    const why = explainMismatch(filter, entity);
    return {
      state: 'fail',
      reason: why || `Does not match ${describeFilter(filter)}`,
    };
  },
};
