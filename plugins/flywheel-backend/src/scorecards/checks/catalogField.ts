import { getJsonValueAtPath } from '@backstage/filter-predicates';
import { JsonValue } from '@backstage/types';
import { z } from 'zod';
import { CheckType } from './CheckType';
import {
  compileRegex,
  outcomeValue,
  primitiveSchema,
  regexSchema,
  show,
  showList,
  typeName,
} from './util';

const CONDITIONS = ['exists', 'equals', 'in', 'matches'] as const;

const params = z
  .strictObject({
    /** Dot path into the entity, e.g. `spec.lifecycle` or `metadata.description`. */
    path: z.string().min(1),
    exists: z.boolean().optional(),
    equals: primitiveSchema.optional(),
    in: z.array(primitiveSchema).min(1).optional(),
    matches: regexSchema.optional(),
  })
  .refine(p => CONDITIONS.filter(c => p[c] !== undefined).length <= 1, {
    message: `give at most one of ${CONDITIONS.join(
      ', ',
    )} (default: exists: true)`,
  });

/** Parameters of `catalog.field`. */
export type CatalogFieldParams = z.infer<typeof params>;

/** Whether a field counts as set: not missing, null, blank or an empty list. */
function isSet(value: JsonValue | undefined): boolean {
  if (value === undefined || value === null) {
    return false;
  }
  if (typeof value === 'string') {
    return value.trim() !== '';
  }
  if (Array.isArray(value)) {
    return value.length > 0;
  }
  return true;
}

function isPrimitive(value: unknown): value is string | number | boolean {
  return (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean'
  );
}

/**
 * `catalog.field`: a field of the entity, found by dot path with
 * `getJsonValueAtPath` (keys containing dots such as annotation names work;
 * lists are not traversed), exists, equals a value, is one of some values or
 * matches a regular expression. Exactly one condition; `exists: true` when
 * none is given. Comparisons are exact: case-sensitive, and `3` does not
 * equal `'3'`. A blank string or an empty list counts as not set.
 */
export const catalogFieldCheck: CheckType<CatalogFieldParams> = {
  type: 'catalog.field',
  description:
    'A field of the entity (path: spec.lifecycle) exists, equals, is in a list or matches a regular expression',
  params,
  evaluate(p, { entity }) {
    const { path } = p;
    const value = getJsonValueAtPath(entity as unknown as JsonValue, path);
    const set = isSet(value);
    const shown = outcomeValue(value);

    if (p.exists === false) {
      return set
        ? {
            state: 'fail',
            reason: `${path} is set (${show(value)}) but should not be`,
            value: shown,
          }
        : { state: 'pass', reason: `${path} is not set` };
    }

    let condition:
      | { op: 'equals' | 'in' | 'matches'; expected: string }
      | undefined;
    if (p.equals !== undefined) {
      condition = { op: 'equals', expected: show(p.equals) };
    } else if (p.in !== undefined) {
      condition = { op: 'in', expected: `one of ${showList(p.in)}` };
    } else if (p.matches !== undefined) {
      condition = {
        op: 'matches',
        expected: `matching the pattern ${show(p.matches)}`,
      };
    }

    if (!set) {
      return {
        state: 'fail',
        reason: condition
          ? `${path} is not set, expected ${condition.expected}`
          : `${path} is not set`,
      };
    }
    if (!condition) {
      return {
        state: 'pass',
        reason: `${path} is ${show(value)}`,
        value: shown,
      };
    }
    if (!isPrimitive(value)) {
      return {
        state: 'fail',
        reason: `${path} is ${typeName(value)}, expected ${condition.expected}`,
        value: shown,
      };
    }

    let ok: boolean;
    if (condition.op === 'equals') {
      ok = value === p.equals;
    } else if (condition.op === 'in') {
      ok = p.in!.includes(value);
    } else {
      const regex = compileRegex(p.matches!);
      if (!regex) {
        return {
          state: 'unknown',
          reason: `'${p.matches}' is not a valid regular expression`,
          value: shown,
        };
      }
      ok = regex.test(String(value));
    }
    return ok
      ? { state: 'pass', reason: `${path} is ${show(value)}`, value: shown }
      : {
          state: 'fail',
          reason: `${path} is ${show(value)}, expected ${condition.expected}`,
          value: shown,
        };
  },
};
