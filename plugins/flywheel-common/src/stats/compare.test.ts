import { compareNps, compareProportions, normalCdf } from './compare';

describe('normalCdf', () => {
  it('matches tabulated values to 1e-6', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 6);
    expect(normalCdf(1)).toBeCloseTo(0.8413447, 6);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021, 6);
    expect(normalCdf(-1.96)).toBeCloseTo(0.0249979, 6);
    expect(normalCdf(2.5758)).toBeCloseTo(0.9949996, 6);
    expect(normalCdf(3)).toBeCloseTo(0.9986501, 6);
    expect(normalCdf(-3)).toBeCloseTo(0.0013499, 6);
  });

  it('is symmetric', () => {
    for (const x of [0.1, 0.5, 1.3, 2.2, 4]) {
      expect(normalCdf(x) + normalCdf(-x)).toBeCloseTo(1, 12);
    }
  });
});

describe('compareNps', () => {
  it('does not call a large change on few answers significant', () => {
    // previous P=6, Pa=2, D=2: NPS 40, Var/n' = 107.5/2197 = 0.0489304
    // current P=18, Pa=1, D=1: NPS 85, n' = 23, p'−d' = 17/23,
    //   p'+d' = 20.5/23, Var = (20.5·23 − 17²)/23² = 182.5/529,
    //   Var/n' = 182.5/12167 = 0.0149996
    // SE = 100·√(0.0489304 + 0.0149996) = 100·√0.0639300 = 25.2844
    // z = 45/25.2844 = 1.77975, p = 2·(1 − Φ(1.77975)) = 0.07512
    const result = compareNps(
      { promoters: 6, passives: 2, detractors: 2 },
      { promoters: 18, passives: 1, detractors: 1 },
    );
    expect(result?.delta).toBe(45);
    expect(result?.z).toBeCloseTo(1.77975, 4);
    expect(result?.pValue).toBeCloseTo(0.07512, 4);
    expect(result?.significant).toBe(false);
  });

  it('calls a large change on many answers significant, in either direction', () => {
    // previous P=20, Pa=10, D=20: NPS 0, n' = 53, p' = d' = 20.75/53,
    //   Var = 41.5/53, Var/n' = 41.5/2809 = 0.0147739
    // current P=35, Pa=10, D=5: NPS 60, p'−d' = 30/53, p'+d' = 41.5/53,
    //   Var = (41.5·53 − 30²)/53² = 1299.5/2809, Var/n' = 1299.5/148877
    //   = 0.0087287
    // SE = 100·√0.0235026 = 15.3306, z = 60/15.3306 = 3.91375, p = 9.09e-5
    const low = { promoters: 20, passives: 10, detractors: 20 };
    const high = { promoters: 35, passives: 10, detractors: 5 };
    const up = compareNps(low, high);
    expect(up?.delta).toBe(60);
    expect(up?.z).toBeCloseTo(3.91375, 4);
    expect(up?.pValue).toBeCloseTo(9.09e-5, 6);
    expect(up?.significant).toBe(true);

    const down = compareNps(high, low);
    expect(down?.delta).toBe(-60);
    expect(down?.z).toBeCloseTo(-3.91375, 4);
    expect(down?.pValue).toBeCloseTo(up!.pValue, 12);
  });

  it('reports no change for identical waves', () => {
    const wave = { promoters: 5, passives: 3, detractors: 2 };
    expect(compareNps(wave, wave)).toEqual({
      delta: 0,
      z: 0,
      pValue: 1,
      significant: false,
    });
  });

  it('takes the delta between the NPS values as shown', () => {
    // 100/3 and 200/3 are shown as 33.3 and 66.7: the delta is 33.4, not
    // the 33.3 that the unrounded difference would round to.
    expect(
      compareNps(
        { promoters: 1, passives: 2, detractors: 0 },
        { promoters: 2, passives: 1, detractors: 0 },
      )?.delta,
    ).toBe(33.4);
  });

  it('returns undefined when a wave has no answers', () => {
    const none = { promoters: 0, passives: 0, detractors: 0 };
    const some = { promoters: 1, passives: 0, detractors: 0 };
    expect(compareNps(none, some)).toBeUndefined();
    expect(compareNps(some, none)).toBeUndefined();
  });
});

describe('compareProportions', () => {
  it('runs the pooled two-proportion z test', () => {
    // 30/50 → 40/50: pooled p = 70/100 = 0.7
    // SE = √(0.7·0.3·(1/50 + 1/50)) = √0.0084 = 0.0916515
    // z = 0.2/0.0916515 = 2.18218, p = 0.029096
    const result = compareProportions(30, 50, 40, 50);
    expect(result?.delta).toBe(20);
    expect(result?.z).toBeCloseTo(2.18218, 4);
    expect(result?.pValue).toBeCloseTo(0.029096, 5);
    expect(result?.significant).toBe(true);
  });

  it('does not call the same shares on fewer answers significant', () => {
    // 6/10 → 8/10: SE = √(0.21·0.2) = 0.204939, z = 0.97590, p = 0.32911
    const result = compareProportions(6, 10, 8, 10);
    expect(result?.delta).toBe(20);
    expect(result?.z).toBeCloseTo(0.9759, 4);
    expect(result?.pValue).toBeCloseTo(0.32911, 4);
    expect(result?.significant).toBe(false);
  });

  it('handles all or nothing on both sides', () => {
    expect(compareProportions(10, 10, 20, 20)).toEqual({
      delta: 0,
      z: 0,
      pValue: 1,
      significant: false,
    });
    expect(compareProportions(0, 10, 0, 20)?.pValue).toBe(1);
  });

  it('returns undefined when a side has no observations', () => {
    expect(compareProportions(0, 0, 5, 10)).toBeUndefined();
    expect(compareProportions(5, 10, 0, 0)).toBeUndefined();
  });
});
