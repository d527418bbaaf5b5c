import { z } from 'zod';
import {
  CheckOutcome,
  EvaluationContext,
  ValidationContext,
} from '../definitions';

/**
 * A kind of check a scorecard can use (`type:` in config). Parameters are
 * validated at startup with `params`; `validate` adds checks that need to
 * know the installation (registered providers, known metrics).
 */
export interface CheckType<P = any> {
  type: string;
  /** One line for docs and error messages. */
  description: string;
  params: z.ZodType<P>;
  /** An error message when the parameters cannot work here, else undefined. */
  validate?(params: P, context: ValidationContext): string | undefined;
  /** Never throws for missing data: returns `unknown` with a reason instead. */
  evaluate(params: P, context: EvaluationContext): CheckOutcome;
}
