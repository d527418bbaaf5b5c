import {
  CheckState,
  CheckStateCounts,
  levelReached,
  scorePercent,
} from '@flywheel/plugin-flywheel-common';
import { hash } from 'crypto';
import { CheckType } from '../checks/CheckType';
import {
  CheckOutcome,
  EvaluationContext,
  ScorecardDefinition,
} from '../definitions';
import {
  checksJson,
  type EntityEvaluation,
  type StoredCheckResult,
} from '../store/ScorecardStore';

/** An approved, unexpired exemption as the evaluation needs it. */
export interface ActiveExemption {
  justification: string;
  expiresAt: string;
}

/** Key of an exemption: entity, scorecard and check. */
export function exemptionKey(
  entityRef: string,
  scorecardId: string,
  checkId: string,
) {
  return `${entityRef}\u0000${scorecardId}\u0000${checkId}`;
}

function runCheck(
  checkType: CheckType | undefined,
  params: unknown,
  context: EvaluationContext,
): CheckOutcome {
  if (!checkType) {
    return { state: 'unknown', reason: 'The check type is not installed' };
  }
  try {
    return checkType.evaluate(params, context);
  } catch (error) {
    // A check type bug must not stop the other checks or entities.
    return {
      state: 'unknown',
      reason: `The check could not be evaluated: ${(error as Error).message}`,
    };
  }
}

/**
 * Evaluates one scorecard for one entity: runs the checks, applies severity
 * and exemptions, and derives level, score and counts. Pure apart from the
 * check types, so the same inputs always give the same result and hash.
 */
export function evaluateScorecard(options: {
  scorecard: ScorecardDefinition;
  checkTypes: Map<string, CheckType>;
  context: EvaluationContext;
  ownerRef?: string;
  exemptions: Map<string, ActiveExemption>;
}): EntityEvaluation {
  const { scorecard, checkTypes, context, ownerRef, exemptions } = options;
  const checks: StoredCheckResult[] = [];
  const levelInputs: { level: string; weight: number; state: CheckState }[] =
    [];
  // Counted here rather than with countStates, whose Object.fromEntries
  // showed up in profiles of full runs (this runs per entity and scorecard).
  const counts: CheckStateCounts = {
    pass: 0,
    warn: 0,
    fail: 0,
    'not-applicable': 0,
    unknown: 0,
    exempt: 0,
  };
  for (const check of scorecard.checks) {
    const outcome = runCheck(checkTypes.get(check.type), check.params, context);
    let state: CheckState = outcome.state;
    let reason = outcome.reason;
    if (state === 'fail' && check.severity === 'warn') {
      state = 'warn';
    }
    if (exemptions.size > 0 && state !== 'pass' && state !== 'not-applicable') {
      const exemption = exemptions.get(
        exemptionKey(context.entityRef, scorecard.id, check.id),
      );
      if (exemption) {
        reason = `Exempt until ${exemption.expiresAt.slice(0, 10)}: ${
          exemption.justification
        } (${reason})`;
        state = 'exempt';
      }
    }
    const result: StoredCheckResult = { checkId: check.id, state, reason };
    if (outcome.value !== undefined) {
      result.value = outcome.value;
    }
    checks.push(result);
    counts[state] += 1;
    levelInputs.push({ level: check.level, weight: check.weight, state });
  }
  const level = levelReached(scorecard.levels, levelInputs);
  const evaluation: EntityEvaluation = {
    entityRef: context.entityRef,
    scorecardId: scorecard.id,
    ownerRef,
    level,
    levelRank: level ? scorecard.levels.findIndex(l => l.id === level) : -1,
    score: scorePercent(levelInputs),
    counts,
    checks,
    checksJson: checksJson(checks),
  };
  evaluation.inputHash = hashEvaluation(evaluation);
  return evaluation;
}

/**
 * A fingerprint of everything stored for an (entity, scorecard): when it
 * matches the stored one the engine skips the write entirely.
 */
export function hashEvaluation(evaluation: EntityEvaluation): string {
  // One-shot `hash` skips the Hash object of `createHash` and gives the same
  // digest, so fingerprints stored by earlier versions still match. Faster
  // fingerprints were measured and were not: hashing the ~900 characters in
  // JavaScript is slower than native SHA-1. The text is
  // JSON.stringify([owner, level, score, checks]) with the checks as stored,
  // reusing the stored JSON rather than serialising the checks twice.
  return hash(
    'sha1',
    `[${JSON.stringify(evaluation.ownerRef ?? null)},${JSON.stringify(
      evaluation.level ?? null,
    )},${JSON.stringify(evaluation.score ?? null)},${
      evaluation.checksJson ?? checksJson(evaluation.checks)
    }]`,
    'base64',
  );
}
