import { z } from 'zod';
import { CheckType } from '../checks/CheckType';
import {
  CheckOutcome,
  EvaluationContext,
  ScorecardDefinition,
} from '../definitions';
import type { EntityEvaluation } from '../store/ScorecardStore';
import {
  ActiveExemption,
  evaluateScorecard,
  exemptionKey,
  hashEvaluation,
} from './evaluateScorecard';

/** A check type that returns the outcome its parameters spell out. */
const fixed: CheckType<CheckOutcome> = {
  type: 'fixed',
  description: 'Returns its params',
  params: z.any(),
  evaluate: params => params,
};
const checkTypes = new Map<string, CheckType>([['fixed', fixed]]);

function scorecard(outcomes: CheckOutcome[]): ScorecardDefinition {
  return {
    id: 'ops',
    title: 'Ops',
    source: 'config',
    filter: { kind: 'Component' },
    levels: [
      { id: 'bronze', title: 'Bronze' },
      { id: 'silver', title: 'Silver' },
    ],
    checks: outcomes.map((outcome, i) => ({
      id: `c${i}`,
      title: `Check ${i}`,
      type: 'fixed',
      level: i === 0 ? 'bronze' : 'silver',
      weight: 1,
      severity: i === 2 ? 'warn' : 'error',
      params: { ...outcome },
    })),
  } as ScorecardDefinition;
}

const context: EvaluationContext = {
  entity: {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout' },
  },
  entityRef: 'component:default/checkout',
  fact: () => undefined,
  metric: () => undefined,
};

describe('evaluateScorecard', () => {
  const outcomes: CheckOutcome[] = [
    { state: 'pass', reason: 'Has an owner', value: 1 },
    { state: 'fail', reason: 'No docs' },
    { state: 'fail', reason: 'No alerts' },
    { state: 'unknown', reason: 'No facts' },
  ];

  it('applies severity and exemptions and counts every state', () => {
    const exemptions = new Map<string, ActiveExemption>([
      [
        exemptionKey('component:default/checkout', 'ops', 'c3'),
        { justification: 'Migrating', expiresAt: '2027-01-31T00:00:00Z' },
      ],
    ]);
    const evaluation = evaluateScorecard({
      scorecard: scorecard(outcomes),
      checkTypes,
      context,
      ownerRef: 'group:default/payments',
      exemptions,
    });
    expect(evaluation).toMatchObject({
      level: 'bronze',
      levelRank: 0,
      score: 33.3,
      counts: {
        pass: 1,
        warn: 1,
        fail: 1,
        'not-applicable': 0,
        unknown: 0,
        exempt: 1,
      },
    });
    expect(evaluation.checks).toEqual([
      { checkId: 'c0', state: 'pass', reason: 'Has an owner', value: 1 },
      { checkId: 'c1', state: 'fail', reason: 'No docs' },
      { checkId: 'c2', state: 'warn', reason: 'No alerts' },
      {
        checkId: 'c3',
        state: 'exempt',
        reason: 'Exempt until 2027-01-31: Migrating (No facts)',
      },
    ]);
    expect(evaluation.inputHash).toBe(hashEvaluation(evaluation));
    // The stored checks text is built once, and the hash covers that text.
    expect(JSON.parse(evaluation.checksJson!)).toEqual([
      ['c0', 'pass', 'Has an owner', 1],
      ['c1', 'fail', 'No docs', null],
      ['c2', 'warn', 'No alerts', null],
      ['c3', 'exempt', 'Exempt until 2027-01-31: Migrating (No facts)', null],
    ]);
    expect(hashEvaluation({ ...evaluation, checksJson: undefined })).toBe(
      evaluation.inputHash,
    );
  });
});

describe('hashEvaluation', () => {
  const base: EntityEvaluation = {
    entityRef: 'component:default/checkout',
    scorecardId: 'ops',
    ownerRef: 'group:default/payments',
    level: 'bronze',
    levelRank: 0,
    score: 33.3,
    counts: {
      pass: 1,
      warn: 0,
      fail: 1,
      'not-applicable': 0,
      unknown: 1,
      exempt: 0,
    },
    checks: [
      {
        checkId: 'owner',
        state: 'pass',
        reason: 'ownedBy group:default/payments',
        value: 1,
      },
      {
        checkId: 'docs',
        state: 'fail',
        reason: 'No backstage.io/techdocs-ref annotation',
      },
      {
        checkId: 'oncall',
        state: 'unknown',
        reason: 'Fact oncall.rotation is not known for this entity',
        value: null,
      },
    ],
  };

  it('is the fingerprint earlier versions stored, so warm runs stay warm after an upgrade', () => {
    expect(hashEvaluation(base)).toBe('V5lVBG788JGHZNohSDXyVDc9e/o=');
  });

  it('changes whenever anything stored changes', () => {
    const withCheck = (
      i: number,
      change: Partial<EntityEvaluation['checks'][number]>,
    ): EntityEvaluation => ({
      ...base,
      checks: base.checks.map((c, j) => (j === i ? { ...c, ...change } : c)),
    });
    const variants: EntityEvaluation[] = [
      { ...base, ownerRef: 'group:default/platform' },
      { ...base, ownerRef: undefined },
      { ...base, level: 'silver' },
      { ...base, level: undefined },
      { ...base, score: 33.4 },
      { ...base, score: null },
      withCheck(0, { checkId: 'owned' }),
      withCheck(0, { state: 'warn' }),
      withCheck(0, { reason: 'ownedBy group:default/platform' }),
      withCheck(0, { value: 2 }),
      withCheck(0, { value: '1' }),
      withCheck(0, { value: true }),
      withCheck(1, { value: 'dir:.' }),
      { ...base, checks: base.checks.slice(0, 2) },
      { ...base, checks: [base.checks[1], base.checks[0], base.checks[2]] },
    ];
    const hashes = variants.map(hashEvaluation);
    expect(new Set([hashEvaluation(base), ...hashes]).size).toBe(
      variants.length + 1,
    );
    expect(hashEvaluation({ ...base, checks: [...base.checks] })).toBe(
      hashEvaluation(base),
    );
  });
});
