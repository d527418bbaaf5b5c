import { z } from 'zod';
import { FactValue } from '../definitions';
import { CheckType } from './CheckType';
import {
  compareNumbers,
  ComparisonOperator,
  listOrNone,
  outcomeValue,
  primitiveSchema,
  show,
  showList,
  typeName,
} from './util';

const OPERATORS = [
  'exists',
  'truthy',
  'equals',
  'notEquals',
  'in',
  'contains',
  '<',
  '<=',
  '>',
  '>=',
] as const;

type FactOperator = (typeof OPERATORS)[number];

const NUMERIC: ReadonlySet<FactOperator> = new Set(['<', '<=', '>', '>=']);

const params = z
  .strictObject({
    /** Id of a fact provider a backend module registered. */
    provider: z.string().min(1),
    /** Name of the fact, e.g. `serviceId`. */
    fact: z.string().min(1),
    /** How the fact is tested; default `truthy`. */
    operator: z.enum(OPERATORS).optional(),
    /** What the fact is compared with; every operator but exists/truthy needs it. */
    value: z
      .union([primitiveSchema, z.null(), z.array(primitiveSchema)])
      .optional(),
  })
  .superRefine((p, ctx) => {
    const op = p.operator ?? 'truthy';
    if (op === 'exists' || op === 'truthy') {
      if (p.value !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['value'],
          message: `is not used by operator '${op}'; remove it`,
        });
      }
      return;
    }
    if (p.value === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: `is required for operator '${op}'`,
      });
      return;
    }
    if (NUMERIC.has(op) && typeof p.value !== 'number') {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: `must be a number for operator '${op}', got ${show(p.value)}`,
      });
    }
    if (op === 'in' && !Array.isArray(p.value)) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: `must be a list for operator 'in', got ${show(p.value)}`,
      });
    }
    if (op === 'contains' && (Array.isArray(p.value) || p.value === null)) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: `must be a single value for operator 'contains', got ${show(
          p.value,
        )}`,
      });
    }
  });

/** Parameters of `fact`. */
export type FactParams = z.infer<typeof params>;

function isTruthy(value: FactValue): boolean {
  if (Array.isArray(value)) {
    return value.length > 0;
  }
  return Boolean(value);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => v === b[i]);
  }
  return a === b;
}

/**
 * `fact`: a custom fact from a provider registered through
 * `flywheelScorecardsExtensionPoint`. A fact the provider does not know for
 * the entity, or of the wrong type for the operator, makes the check
 * `unknown`, never `fail`. Comparisons are exact (case-sensitive, no
 * conversion between strings and numbers).
 */
export const factCheck: CheckType<FactParams> = {
  type: 'fact',
  description:
    'A custom fact from a registered provider (provider, fact, operator: exists|truthy|equals|notEquals|in|contains|<|<=|>|>=, value)',
  params,
  validate({ provider }, { factProviders }) {
    if (factProviders.has(provider)) {
      return undefined;
    }
    return `provider '${provider}' is not a registered fact provider (registered: ${listOrNone(
      factProviders,
    )}; backend modules add them through flywheelScorecardsExtensionPoint)`;
  },
  evaluate(p, context) {
    const name = `${p.provider}.${p.fact}`;
    const op: FactOperator = p.operator ?? 'truthy';
    let fact: FactValue | undefined;
    try {
      fact = context.fact(p.provider, p.fact);
    } catch (e) {
      return {
        state: 'unknown',
        reason: `Fact ${name} could not be read: ${(e as Error).message}`,
      };
    }
    if (fact === undefined) {
      return {
        state: 'unknown',
        reason: `Fact ${name} is not known for this entity`,
      };
    }
    const value = outcomeValue(fact);
    const is = `${name} is ${show(fact)}`;
    const result = (ok: boolean, expected: string) =>
      ok
        ? { state: 'pass' as const, reason: is, value }
        : {
            state: 'fail' as const,
            reason: `${is}, expected ${expected}`,
            value,
          };
    const wrongType = (expected: string) => ({
      state: 'unknown' as const,
      reason: `${is}, which is ${typeName(
        fact,
      )}; operator '${op}' needs ${expected}`,
      value,
    });

    switch (op) {
      case 'exists':
        return fact === null
          ? { state: 'fail', reason: `Fact ${name} is empty`, value }
          : { state: 'pass', reason: is, value };
      case 'truthy':
        return result(isTruthy(fact), 'a value (not empty, false or 0)');
      case 'equals':
        return result(sameValue(fact, p.value), show(p.value));
      case 'notEquals':
        return result(
          !sameValue(fact, p.value),
          `anything but ${show(p.value)}`,
        );
      case 'in': {
        const options = Array.isArray(p.value) ? p.value : [];
        if (Array.isArray(fact)) {
          return wrongType('a single value');
        }
        return result(
          options.some(o => o === fact),
          `one of ${showList(options)}`,
        );
      }
      case 'contains':
        if (Array.isArray(fact)) {
          return result(
            fact.includes(p.value as string),
            `to contain ${show(p.value)}`,
          );
        }
        if (typeof fact === 'string') {
          return result(
            fact.includes(String(p.value)),
            `to contain ${show(String(p.value))}`,
          );
        }
        return wrongType('a list or text');
      default: {
        if (typeof fact !== 'number' || Number.isNaN(fact)) {
          return wrongType('a number');
        }
        const threshold = p.value as number;
        return result(
          compareNumbers(fact, op as ComparisonOperator, threshold),
          `${op} ${threshold}`,
        );
      }
    }
  },
};
