import { mannWhitney } from './mannWhitney';

describe('mannWhitney', () => {
  it('matches a hand-computed U, z and p without ties', () => {
    // a ranks 1..5, b ranks 6..10: U_a = 15 − 15 = 0.
    // mean 12.5, variance 5·5·11/12 = 22.9167, z = −(12.5 − 0.5)/4.7871
    const test = mannWhitney([1, 2, 3, 4, 5], [6, 7, 8, 9, 10])!;
    expect(test.u).toBe(0);
    expect(test.probabilityAGreater).toBe(0);
    expect(test.z).toBeCloseTo(-2.5067, 3);
    expect(test.pValue).toBeCloseTo(0.0122, 3);
    expect(test.significant).toBe(true);
  });

  it('gives ties half a win and corrects the variance for them', () => {
    // Every value tied: U = na·nb/2, variance 0 → no evidence of a difference.
    const flat = mannWhitney([3, 3, 3, 3, 3], [3, 3, 3, 3, 3])!;
    expect(flat.u).toBe(12.5);
    expect(flat.pValue).toBe(1);
    expect(flat.significant).toBe(false);

    // a = [1,2,2,3,4], b = [2,3,5,6,7]; ranks of the pooled sample:
    // 1→1, 2→3 (×3), 3→5.5 (×2), 4→7, 5→8, 6→9, 7→10
    // R_a = 1 + 3 + 3 + 5.5 + 7 = 19.5, U_a = 19.5 − 15 = 4.5
    const test = mannWhitney([1, 2, 2, 3, 4], [2, 3, 5, 6, 7])!;
    expect(test.u).toBe(4.5);
    // ties: one group of 3, one of 2 → Σ(t³−t) = 24 + 6 = 30
    // variance = 25/12 · (11 − 30/90) = 22.2222, z = −(8 − 0.5)/4.714
    expect(test.z).toBeCloseTo(-1.591, 2);
    expect(test.significant).toBe(false);
  });

  it('reports no test below five values on either side', () => {
    expect(mannWhitney([1, 2, 3, 4], [5, 6, 7, 8, 9])).toBeUndefined();
    expect(mannWhitney([], [])).toBeUndefined();
  });

  it('is symmetric: swapping the samples mirrors U and keeps p', () => {
    const a = [12, 15, 9, 30, 22, 18];
    const b = [40, 35, 28, 50, 33, 45, 29];
    const ab = mannWhitney(a, b)!;
    const ba = mannWhitney(b, a)!;
    expect(ab.u + ba.u).toBe(a.length * b.length);
    expect(ab.pValue).toBeCloseTo(ba.pValue, 12);
  });
});
