import { median, percent, quantile } from './quantile';

describe('quantile', () => {
  it('computes the median of odd and even lists', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('interpolates p90 between closest ranks', () => {
    // ranks 0..9 over 1..10: position 8.1 → 9 + 0.1 × (10 − 9)
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1);
  });

  it('returns null for no data', () => {
    expect(median([])).toBeNull();
  });

  it('rounds percentages to one decimal and guards division by zero', () => {
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(0, 0)).toBe(0);
  });
});
