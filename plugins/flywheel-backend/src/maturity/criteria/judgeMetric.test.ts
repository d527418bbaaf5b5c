import { combine, reduceValues } from './judgeMetric';

const v = (value: number | null, sampleSize: number) => ({ value, sampleSize });

describe('reduceValues', () => {
  const weeks = [v(6, 4), v(5, 3), v(null, 0), v(7, 5)];
  const whole = v(6.5, 12);

  it('takes the window value, or the latest interval with data', () => {
    expect(reduceValues(weeks, whole, 'window')).toEqual(whole);
    expect(reduceValues(weeks, whole, 'latest')).toEqual(v(7, 5));
    expect(reduceValues([v(null, 0)], whole, 'latest')).toEqual(v(null, 0));
  });

  it('takes the latest interval measured on enough samples: a wave that just opened does not hide the last one', () => {
    const waves = [v(31, 40), v(28, 35), v(-100, 1)];
    expect(reduceValues(waves, whole, 'latest', 10)).toEqual(v(28, 35));
    expect(reduceValues([v(5, 2), v(6, 1)], whole, 'latest', 10)).toEqual(
      v(6, 1),
    );
  });

  it('rests min, max and mean on the interval with the fewest samples: a week without data makes it unknown', () => {
    expect(reduceValues(weeks, whole, 'min')).toEqual(v(5, 0));
    const full = [v(6, 4), v(5, 3), v(7, 5)];
    expect(reduceValues(full, whole, 'min')).toEqual(v(5, 3));
    expect(reduceValues(full, whole, 'max')).toEqual(v(7, 3));
    expect(reduceValues(full, whole, 'mean')).toEqual(v(6, 3));
    expect(reduceValues([], whole, 'mean')).toEqual(v(null, 0));
  });
});

describe('combine', () => {
  it('needs all golden paths to meet it', () => {
    expect(combine(['met', 'unmet', 'unknown'], 'all')).toEqual({
      status: 'unmet',
      representative: 1,
    });
    expect(combine(['met', 'unknown'], 'all').status).toBe('unknown');
    expect(combine(['met', 'met'], 'all').status).toBe('met');
  });

  it('needs one team to meet it; a team without enough data might still', () => {
    expect(combine(['unmet', 'met'], 'any')).toEqual({
      status: 'met',
      representative: 1,
    });
    expect(combine(['unmet', 'unknown'], 'any')).toEqual({
      status: 'unknown',
      representative: 1,
    });
    expect(combine(['unmet', 'unmet'], 'any').status).toBe('unmet');
  });
});
