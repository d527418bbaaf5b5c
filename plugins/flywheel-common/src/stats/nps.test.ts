import { npsCategory, npsEstimate, summarizeNps } from './nps';

// Answers per score 0..10 from category counts: detractors score 0,
// passives 7, promoters 10 (only the category matters).
function distribution(promoters: number, passives: number, detractors: number) {
  const counts = new Array(11).fill(0);
  counts[0] = detractors;
  counts[7] = passives;
  counts[10] = promoters;
  return counts;
}

describe('npsCategory', () => {
  it('splits 0–6, 7–8 and 9–10', () => {
    expect([0, 6, 7, 8, 9, 10].map(npsCategory)).toEqual([
      'detractor',
      'detractor',
      'passive',
      'passive',
      'promoter',
      'promoter',
    ]);
  });

  it('rejects scores outside the scale', () => {
    expect(() => npsCategory(11)).toThrow(RangeError);
    expect(() => npsCategory(-1)).toThrow(RangeError);
    expect(() => npsCategory(7.5)).toThrow(RangeError);
  });
});

describe('summarizeNps', () => {
  it('computes the adjusted-Wald interval', () => {
    // P=6, Pa=2, D=2, n=10: NPS = 100·(6−2)/10 = 40.
    // n' = 13, p' = 6.75/13, d' = 2.75/13, p'−d' = 4/13, p'+d' = 9.5/13
    // Var = 9.5/13 − (4/13)² = (123.5 − 16)/169 = 107.5/169 = 0.636095
    // Var/n' = 107.5/2197 = 0.048930, √ = 0.221202
    // MoE = 196 · 0.221202 = 43.356; centre = 400/13 = 30.769
    // interval 30.769 ± 43.356 = [−12.586, 74.125] → [−12.6, 74.1]
    expect(summarizeNps(distribution(6, 2, 2))).toEqual({
      responses: 10,
      promoters: 6,
      passives: 2,
      detractors: 2,
      nps: { value: 40, low: -12.6, high: 74.1 },
      finitePopulationCorrected: false,
      census: false,
      distribution: [2, 0, 0, 0, 0, 0, 0, 2, 0, 0, 6],
    });
  });

  it('counts every score in its category', () => {
    // 0..10 once each: D = 7 (0–6), Pa = 2, P = 2 → 100·(2−7)/11 = −45.5
    const summary = summarizeNps(new Array(11).fill(1));
    expect(summary).toMatchObject({
      responses: 11,
      promoters: 2,
      passives: 2,
      detractors: 7,
    });
    expect(summary?.nps.value).toBe(-45.5);
  });

  it('narrows the interval with the finite-population correction', () => {
    // Same answers, N = 50: factor √((50−10)/(50−1)) = √(40/49) = 0.903508
    // MoE = 43.356 · 0.903508 = 39.172
    // interval 30.769 ± 39.172 = [−8.403, 69.941] → [−8.4, 69.9]
    expect(
      summarizeNps(distribution(6, 2, 2), { populationSize: 50 }),
    ).toMatchObject({
      nps: { value: 40, low: -8.4, high: 69.9 },
      finitePopulationCorrected: true,
      census: false,
    });
  });

  it('ignores an unknown or single-person population', () => {
    for (const populationSize of [undefined, 0, Number.NaN]) {
      expect(
        summarizeNps(distribution(6, 2, 2), { populationSize }),
      ).toMatchObject({
        nps: { low: -12.6, high: 74.1 },
        finitePopulationCorrected: false,
      });
    }
  });

  it('collapses the interval onto the observed NPS for a census', () => {
    // n = N = 10: everyone answered, there is no sampling error.
    expect(
      summarizeNps(distribution(6, 2, 2), { populationSize: 10 }),
    ).toMatchObject({
      nps: { value: 40, low: 40, high: 40 },
      finitePopulationCorrected: true,
      census: true,
    });
  });

  it('claims no census when there are more answers than the population counted', () => {
    // People joined after the audience was counted: N is not the population
    // these answers came from, so no correction, no zero-width interval.
    expect(
      summarizeNps(distribution(6, 2, 2), { populationSize: 8 }),
    ).toMatchObject({
      nps: { value: 40, low: -12.6, high: 74.1 },
      finitePopulationCorrected: false,
      census: false,
    });
  });

  it('clamps an all-promoter interval at 100', () => {
    // P=10, n=10: NPS 100. n' = 13, p' = 10.75/13, d' = 0.75/13,
    // p'−d' = 10/13, p'+d' = 11.5/13
    // Var = 11.5/13 − (10/13)² = (149.5 − 100)/169 = 49.5/169 = 0.292899
    // Var/n' = 49.5/2197 = 0.022531, √ = 0.150102, MoE = 29.420
    // centre = 1000/13 = 76.923 → [47.503, 106.343] → [47.5, 100]
    expect(summarizeNps(distribution(10, 0, 0))?.nps).toEqual({
      value: 100,
      low: 47.5,
      high: 100,
    });
    // Mirrored for all detractors.
    expect(summarizeNps(distribution(0, 0, 10))?.nps).toEqual({
      value: -100,
      low: -100,
      high: -47.5,
    });
  });

  it('widens a corrected interval that would exclude the observed NPS', () => {
    // P=10, n=10, N=11: factor √(1/10) = 0.316228, MoE = 29.420 · 0.316228
    // = 9.303 → 76.923 ± 9.303 = [67.620, 86.227], which misses the
    // observed 100; the high end is raised to 100.
    expect(
      summarizeNps(distribution(10, 0, 0), { populationSize: 11 })?.nps,
    ).toEqual({ value: 100, low: 67.6, high: 100 });
  });

  it('returns undefined without answers', () => {
    expect(summarizeNps(new Array(11).fill(0))).toBeUndefined();
  });

  it('rejects a distribution that is not 0–10', () => {
    expect(() => summarizeNps([1, 2, 3])).toThrow(RangeError);
  });

  it('never reports −0', () => {
    // P = D: NPS 0, centre 0.
    const nps = summarizeNps(distribution(3, 4, 3))?.nps;
    expect(Object.is(nps?.value, -0)).toBe(false);
    expect(nps?.low).toBe(-(nps?.high ?? 0));
  });
});

describe('npsEstimate', () => {
  it('returns the uncorrected variance for comparisons', () => {
    // 107.5/2197 from the first summarizeNps case, with or without N.
    expect(
      npsEstimate({ promoters: 6, passives: 2, detractors: 2 })?.variance,
    ).toBeCloseTo(107.5 / 2197, 12);
    expect(
      npsEstimate({ promoters: 6, passives: 2, detractors: 2 }, 50)?.variance,
    ).toBeCloseTo(107.5 / 2197, 12);
  });

  it('returns undefined without answers', () => {
    expect(
      npsEstimate({ promoters: 0, passives: 0, detractors: 0 }),
    ).toBeUndefined();
  });
});
