import type { Estimate, NpsSummary } from '../surveys/types';

/** How an NPS answer counts. @public */
export type NpsCategory = 'promoter' | 'passive' | 'detractor';

/** Answers of one NPS question by category. @public */
export interface NpsCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

/** {@link npsEstimate}'s result. @public */
export interface NpsEstimate {
  /** Observed NPS with its 95% interval, one decimal. */
  nps: Estimate;
  /**
   * Var/n' of the adjusted-Wald estimate in proportion units, without the
   * finite-population correction: what a comparison of two waves adds up.
   */
  variance: number;
  /** Whether the finite-population correction narrowed (or collapsed) the interval. */
  finitePopulationCorrected: boolean;
  /** Everyone in the population answered (n = N): the NPS is exact. */
  census: boolean;
}

/**
 * The category of a 0–10 answer: promoters 9–10, passives 7–8, detractors 0–6.
 *
 * @public
 */
export function npsCategory(score: number): NpsCategory {
  if (!Number.isInteger(score) || score < 0 || score > 10) {
    throw new RangeError(`NPS score must be a whole number 0–10, got ${score}`);
  }
  if (score >= 9) {
    return 'promoter';
  }
  return score >= 7 ? 'passive' : 'detractor';
}

/**
 * NPS = 100·(P−D)/n with an adjusted-Wald 95% interval: n' = n+3,
 * p' = (P+¾)/n', d' = (D+¾)/n', Var = p'+d'−(p'−d')², MoE = 1.96·100·√(Var/n'),
 * centred on 100·(p'−d'). With the eligible population N known, the margin is
 * multiplied by √((N−n)/(N−1)); a census (n = N) has no sampling error, so the
 * interval collapses onto the observed NPS. More answers than N means N is
 * not the population the answers came from (people joined since it was
 * counted): the correction is then left out rather than claim a census. Bounds are clamped to ±100 and
 * widened to include the observed NPS, because the adjusted centre is pulled
 * towards 0 and a narrow (corrected) interval could otherwise exclude the
 * number shown beside it. Undefined when there are no answers.
 *
 * @public
 */
export function npsEstimate(
  counts: NpsCounts,
  populationSize?: number,
): NpsEstimate | undefined {
  const { promoters, passives, detractors } = counts;
  const n = promoters + passives + detractors;
  if (n <= 0) {
    return undefined;
  }
  const value = (100 * (promoters - detractors)) / n;
  const adjustedN = n + 3;
  const p = (promoters + 0.75) / adjustedN;
  const d = (detractors + 0.75) / adjustedN;
  const variance = (p + d - (p - d) ** 2) / adjustedN;

  const known =
    populationSize !== undefined &&
    Number.isFinite(populationSize) &&
    populationSize >= n;
  if (known && n === populationSize) {
    const exact = round1(value);
    return {
      nps: { value: exact, low: exact, high: exact },
      variance,
      finitePopulationCorrected: true,
      census: true,
    };
  }
  const corrected = known && populationSize > 1;
  const correction = corrected
    ? Math.sqrt((populationSize - n) / (populationSize - 1))
    : 1;
  const margin = 1.96 * 100 * Math.sqrt(variance) * correction;
  const centre = 100 * (p - d);
  return {
    nps: {
      value: round1(value),
      low: round1(Math.min(Math.max(centre - margin, -100), value)),
      high: round1(Math.max(Math.min(centre + margin, 100), value)),
    },
    variance,
    finitePopulationCorrected: corrected,
    census: false,
  };
}

/**
 * NPS of the answers per score (`distribution[s]` answers of score s, 0–10),
 * see {@link npsEstimate}; undefined when there are no answers.
 *
 * @public
 */
export function summarizeNps(
  distribution: number[],
  options?: { populationSize?: number },
): NpsSummary | undefined {
  if (distribution.length !== 11) {
    throw new RangeError(
      `NPS distribution needs 11 counts (scores 0–10), got ${distribution.length}`,
    );
  }
  const counts: NpsCounts = { promoters: 0, passives: 0, detractors: 0 };
  distribution.forEach((count, score) => {
    counts[`${npsCategory(score)}s`] += count;
  });
  const estimate = npsEstimate(counts, options?.populationSize);
  if (!estimate) {
    return undefined;
  }
  return {
    responses: counts.promoters + counts.passives + counts.detractors,
    ...counts,
    nps: estimate.nps,
    finitePopulationCorrected: estimate.finitePopulationCorrected,
    census: estimate.census,
    distribution: [...distribution],
  };
}

// `+ 0` turns −0 into 0 so that it neither prints nor compares as "-0".
function round1(value: number): number {
  return Math.round(value * 10) / 10 + 0;
}
