import type { CsatSummary } from '../surveys/types';

/**
 * Wilson score interval of a proportion (0–1) for `successes` out of `n`.
 * Unlike the plain Wald interval it stays within 0–1 and keeps its coverage
 * for small n and shares near 0 or 1; with no observations it is all of 0–1.
 *
 * @public
 */
export function wilsonInterval(
  successes: number,
  n: number,
  z: number = 1.96,
): { low: number; high: number } {
  if (successes < 0 || successes > n) {
    throw new RangeError(`Cannot have ${successes} successes out of ${n}`);
  }
  if (n === 0) {
    return { low: 0, high: 1 };
  }
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const margin =
    (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // Rounding error can otherwise leave 1 − 1e-16 or −3e-17 at the ends.
  return {
    low: Math.max(0, centre - margin),
    high: Math.min(1, centre + margin),
  };
}

/**
 * CSAT of the answers per score (`distribution[i]` answers of score i+1,
 * 1–5): the share of 4s and 5s (top two box) in percent with its Wilson 95%
 * interval, one decimal; undefined when there are no answers.
 *
 * @public
 */
export function summarizeCsat(distribution: number[]): CsatSummary | undefined {
  if (distribution.length !== 5) {
    throw new RangeError(
      `CSAT distribution needs 5 counts (scores 1–5), got ${distribution.length}`,
    );
  }
  const responses = distribution.reduce((sum, count) => sum + count, 0);
  if (responses === 0) {
    return undefined;
  }
  const satisfied = distribution[3] + distribution[4];
  const { low, high } = wilsonInterval(satisfied, responses);
  return {
    responses,
    satisfied,
    csat: {
      value: round1((100 * satisfied) / responses),
      low: round1(100 * low),
      high: round1(100 * high),
    },
    distribution: [...distribution],
  };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
