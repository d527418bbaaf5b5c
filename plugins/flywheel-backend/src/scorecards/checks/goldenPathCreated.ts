import { z } from 'zod';
import { CheckType } from './CheckType';

const params = z.strictObject({});

/**
 * `goldenPath.created`: the entity was created from a template that is a
 * golden path (provenance from `flywheel.dev/template-ref` or
 * `backstage.io/source-template`).
 */
export const goldenPathCreatedCheck: CheckType<Record<string, never>> = {
  type: 'goldenPath.created',
  description: 'Created from a golden-path template (no params)',
  params: params as z.ZodType<Record<string, never>>,
  evaluate(_params, { goldenPath }) {
    if (!goldenPath) {
      return { state: 'fail', reason: 'Not created from a golden path' };
    }
    if (!goldenPath.isGoldenPath) {
      return {
        state: 'fail',
        reason: `Created from template ${goldenPath.templateRef}, which is not a golden path`,
        value: goldenPath.templateRef,
      };
    }
    return {
      state: 'pass',
      reason: `Created from the golden path ${goldenPath.templateRef}`,
      value: goldenPath.templateRef,
    };
  },
};
