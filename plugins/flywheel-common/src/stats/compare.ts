import { NpsCounts, npsEstimate } from './nps';

/** A change between two waves and whether it is significant at 95%. @public */
export interface WaveComparison {
  /** current − previous: NPS points or percentage points, one decimal. */
  delta: number;
  z: number;
  /** Two-sided. */
  pValue: number;
  /** pValue < 0.05. */
  significant: boolean;
}

/**
 * The standard normal cumulative distribution function Φ(x), from the
 * Abramowitz–Stegun 7.1.26 approximation of erfc (absolute error below 1e-7).
 * The tail is computed directly rather than as 1 − Φ, so small p-values keep
 * their precision.
 *
 * @public
 */
export function normalCdf(x: number): number {
  const tail = upperTail(Math.abs(x));
  return x >= 0 ? 1 - tail : tail;
}

/**
 * Compares the NPS of two waves with a two-sample z test on the adjusted-Wald
 * variances (Var/n') of each; the finite-population correction is left out,
 * which errs on the side of calling a change not significant. Undefined when
 * either wave has no answers.
 *
 * @public
 */
export function compareNps(
  previous: NpsCounts,
  current: NpsCounts,
): WaveComparison | undefined {
  const before = npsEstimate(previous);
  const after = npsEstimate(current);
  if (!before || !after) {
    return undefined;
  }
  const difference = observedNps(current) - observedNps(previous);
  const standardError = 100 * Math.sqrt(before.variance + after.variance);
  return comparison(
    before.nps.value,
    after.nps.value,
    difference / standardError,
  );
}

/**
 * Compares two proportions, s1 of n1 (previous) and s2 of n2 (current), with
 * the pooled two-proportion z test; delta in percentage points. Undefined
 * when either side has no observations.
 *
 * @public
 */
export function compareProportions(
  s1: number,
  n1: number,
  s2: number,
  n2: number,
): WaveComparison | undefined {
  if (n1 <= 0 || n2 <= 0) {
    return undefined;
  }
  const p1 = s1 / n1;
  const p2 = s2 / n2;
  const pooled = (s1 + s2) / (n1 + n2);
  const standardError = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  // All successes or none on both sides: identical, nothing to test.
  const z = standardError > 0 ? (p2 - p1) / standardError : 0;
  return comparison(round1(100 * p1), round1(100 * p2), z);
}

// The delta is taken between the rounded values so that it matches the two
// numbers shown side by side.
function comparison(before: number, after: number, z: number): WaveComparison {
  // The approximation is 1e-9 short of the exact 1 at z = 0.
  const pValue = z === 0 ? 1 : Math.min(1, 2 * upperTail(Math.abs(z)));
  return {
    delta: round1(after - before),
    z,
    pValue,
    significant: pValue < 0.05,
  };
}

function observedNps({ promoters, passives, detractors }: NpsCounts): number {
  return (100 * (promoters - detractors)) / (promoters + passives + detractors);
}

// 1 − Φ(x) for x ≥ 0, i.e. erfc(x/√2)/2 by Abramowitz–Stegun 7.1.26.
function upperTail(x: number): number {
  const u = x / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * u);
  const poly =
    t *
    (0.254829592 +
      t *
        (-0.284496736 +
          t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return (poly * Math.exp(-u * u)) / 2;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10 + 0;
}
