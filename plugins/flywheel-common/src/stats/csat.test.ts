import { summarizeCsat, wilsonInterval } from './csat';

describe('wilsonInterval', () => {
  it('matches a hand-computed interval', () => {
    // 6 of 10, z = 1.96: z² = 3.8416, z²/n = 0.38416, denominator 1.38416
    // centre = (0.6 + 0.19208)/1.38416 = 0.572246
    // margin = 1.96/1.38416 · √(0.24/10 + 3.8416/400)
    //        = 1.416021 · √0.033604 = 1.416021 · 0.183314 = 0.259576
    // → [0.312670, 0.831822]
    const { low, high } = wilsonInterval(6, 10);
    expect(low).toBeCloseTo(0.31267, 5);
    expect(high).toBeCloseTo(0.831822, 5);
  });

  it('stays within 0–1 at the extremes', () => {
    // 10 of 10: centre + margin = (1 + z²/2n + z²/2n)/(1 + z²/n) = 1 exactly;
    // low = 1 − 2·0.19208/1.38416 = 0.722460
    expect(wilsonInterval(10, 10).high).toBe(1);
    expect(wilsonInterval(10, 10).low).toBeCloseTo(0.72246, 5);
    expect(wilsonInterval(0, 10).low).toBe(0);
    expect(wilsonInterval(0, 10).high).toBeCloseTo(0.27754, 5);
  });

  it('is all of 0–1 without observations', () => {
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
  });

  it('narrows with a smaller z', () => {
    const wide = wilsonInterval(6, 10);
    const narrow = wilsonInterval(6, 10, 1);
    expect(narrow.low).toBeGreaterThan(wide.low);
    expect(narrow.high).toBeLessThan(wide.high);
  });

  it('rejects impossible counts', () => {
    expect(() => wilsonInterval(11, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 10)).toThrow(RangeError);
  });
});

describe('summarizeCsat', () => {
  it('reports the top-two-box share with its Wilson interval in percent', () => {
    // Scores 1..5 answered 1, 1, 2, 3, 3 times: 3 + 3 = 6 satisfied of 10
    // → 60%, interval [31.267%, 83.182%] (see wilsonInterval above).
    expect(summarizeCsat([1, 1, 2, 3, 3])).toEqual({
      responses: 10,
      satisfied: 6,
      csat: { value: 60, low: 31.3, high: 83.2 },
      distribution: [1, 1, 2, 3, 3],
    });
  });

  it('rounds to one decimal', () => {
    // 45 of 60 = 75%: z²/n = 0.064027, denominator 1.064027
    // centre = (0.75 + 0.032013)/1.064027 = 0.734957
    // margin = 1.96/1.064027 · √(0.1875/60 + 3.8416/14400)
    //        = 1.842059 · √0.003392 = 1.842059 · 0.058239 = 0.107280
    // → [62.768%, 84.224%] → [62.8, 84.2]
    expect(summarizeCsat([5, 5, 5, 20, 25])?.csat).toEqual({
      value: 75,
      low: 62.8,
      high: 84.2,
    });
  });

  it('returns undefined without answers', () => {
    expect(summarizeCsat([0, 0, 0, 0, 0])).toBeUndefined();
  });

  it('rejects a distribution that is not 1–5', () => {
    expect(() => summarizeCsat([1, 2, 3])).toThrow(RangeError);
  });
});
