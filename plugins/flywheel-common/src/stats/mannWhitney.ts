import { normalCdf } from './compare';

/**
 * A Mann–Whitney U test of two independent samples (e.g. days to first
 * deploy of golden-path and hand-made services). @public
 */
export interface RankTest {
  /** U of sample a: how often a value of a exceeds one of b (ties count ½). */
  u: number;
  /**
   * U ÷ (na·nb): the chance that a random value of a exceeds a random value
   * of b; 0.5 means no difference.
   */
  probabilityAGreater: number;
  z: number;
  /** Two-sided, normal approximation with tie and continuity correction. */
  pValue: number;
  /** pValue < 0.05. */
  significant: boolean;
}

/**
 * The smallest sample on either side for which Flywheel reports a test: the
 * normal approximation is poor below it. @public
 */
export const MIN_TEST_SAMPLE = 5;

/**
 * Compares two samples without assuming a distribution (times are skewed:
 * a mean or a t-test would be led by a few slow services). Undefined when
 * either side has fewer than {@link MIN_TEST_SAMPLE} values.
 *
 * @public
 */
export function mannWhitney(a: number[], b: number[]): RankTest | undefined {
  const na = a.length;
  const nb = b.length;
  if (na < MIN_TEST_SAMPLE || nb < MIN_TEST_SAMPLE) {
    return undefined;
  }
  const all = [
    ...a.map(value => ({ value, fromA: true })),
    ...b.map(value => ({ value, fromA: false })),
  ].sort((x, y) => x.value - y.value);
  const n = na + nb;
  let rankSumA = 0;
  let tieTerm = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && all[j + 1].value === all[i].value) {
      j++;
    }
    const rank = (i + j + 2) / 2; // mean of ranks i+1 … j+1
    const ties = j - i + 1;
    tieTerm += ties ** 3 - ties;
    for (let k = i; k <= j; k++) {
      if (all[k].fromA) {
        rankSumA += rank;
      }
    }
    i = j + 1;
  }
  const u = rankSumA - (na * (na + 1)) / 2;
  const mean = (na * nb) / 2;
  const variance = ((na * nb) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  const deviation = Math.abs(u - mean);
  const z =
    variance > 0
      ? (Math.sign(u - mean) * Math.max(deviation - 0.5, 0)) /
        Math.sqrt(variance)
      : 0;
  const pValue = z === 0 ? 1 : Math.min(1, 2 * (1 - normalCdf(Math.abs(z))));
  return {
    u,
    probabilityAGreater: u / (na * nb),
    z,
    pValue,
    significant: pValue < 0.05,
  };
}
