import { z } from 'zod';
import { CheckType } from './CheckType';
import { compileRegex, regexSchema, show } from './util';

const params = z
  .strictObject({
    /** The annotation key, e.g. `backstage.io/techdocs-ref`. */
    annotation: z.string().min(1),
    /** The value must equal this (case-sensitive). */
    equals: z.string().optional(),
    /** The value must match this regular expression. */
    matches: regexSchema.optional(),
  })
  .refine(p => p.equals === undefined || p.matches === undefined, {
    message: 'give either equals or matches, not both',
  });

/** Parameters of `catalog.annotation`. */
export type CatalogAnnotationParams = z.infer<typeof params>;

/**
 * `catalog.annotation`: the entity has an annotation, optionally with a given
 * value or one matching a regular expression. An empty value counts as
 * missing.
 */
export const catalogAnnotationCheck: CheckType<CatalogAnnotationParams> = {
  type: 'catalog.annotation',
  description:
    'An annotation is present (params: annotation; optionally equals or matches, a regular expression)',
  params,
  evaluate({ annotation, equals, matches }, { entity }) {
    const annotations = entity?.metadata?.annotations;
    const value =
      annotations && typeof annotations === 'object'
        ? annotations[annotation]
        : undefined;
    if (value === undefined || value === null) {
      return { state: 'fail', reason: `No ${annotation} annotation` };
    }
    if (typeof value !== 'string') {
      return {
        state: 'fail',
        reason: `${annotation} is ${show(value)}, not text`,
      };
    }
    if (value.trim() === '') {
      return { state: 'fail', reason: `${annotation} annotation is empty` };
    }
    if (equals !== undefined) {
      return value === equals
        ? { state: 'pass', reason: `${annotation} is ${show(value)}`, value }
        : {
            state: 'fail',
            reason: `${annotation} is ${show(value)}, expected ${show(equals)}`,
            value,
          };
    }
    if (matches !== undefined) {
      const regex = compileRegex(matches);
      if (!regex) {
        return {
          state: 'unknown',
          reason: `'${matches}' is not a valid regular expression`,
          value,
        };
      }
      return regex.test(value)
        ? {
            state: 'pass',
            reason: `${annotation} is ${show(
              value,
            )}, which matches the pattern ${show(matches)}`,
            value,
          }
        : {
            state: 'fail',
            reason: `${annotation} is ${show(
              value,
            )}, which does not match the pattern ${show(matches)}`,
            value,
          };
    }
    return {
      state: 'pass',
      reason: `Has ${annotation} annotation (${show(value)})`,
      value,
    };
  },
};
