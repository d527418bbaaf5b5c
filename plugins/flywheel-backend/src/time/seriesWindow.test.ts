import { seriesWindow } from './seriesWindow';

const NOW = new Date('2026-12-06T12:00:00Z');

describe('seriesWindow', () => {
  it('splits a window into ISO weeks, clipping the first and last to it', () => {
    const { from, to, buckets } = seriesWindow(
      { window: '14d', interval: 'week' },
      NOW,
    );
    expect(from.toISOString()).toBe('2026-11-22T12:00:00.000Z');
    expect(to.toISOString()).toBe('2026-12-06T12:00:00.000Z');
    // 22 Nov 2026 is a Sunday: its week started Monday 16 Nov.
    expect(
      buckets.map(b => [b.start.toISOString(), b.end.toISOString()]),
    ).toEqual([
      ['2026-11-22T12:00:00.000Z', '2026-11-23T00:00:00.000Z'],
      ['2026-11-23T00:00:00.000Z', '2026-11-30T00:00:00.000Z'],
      ['2026-11-30T00:00:00.000Z', '2026-12-06T12:00:00.000Z'],
    ]);
  });

  it('takes explicit from and to, and months as intervals', () => {
    const { buckets } = seriesWindow(
      { from: '2026-01-15', to: '2026-04-01', interval: 'month' },
      NOW,
    );
    expect(buckets.map(b => b.start.toISOString().slice(0, 10))).toEqual([
      '2026-01-15',
      '2026-02-01',
      '2026-03-01',
    ]);
    expect(buckets[2].end.toISOString().slice(0, 10)).toBe('2026-04-01');
  });

  it('defaults to 26 weeks by week', () => {
    const { interval, buckets } = seriesWindow({}, NOW);
    expect(interval).toBe('week');
    expect(buckets).toHaveLength(27); // 26 whole weeks, clipped at both ends
  });

  it.each([
    [{ interval: 'year' }, /interval must be day, week or month/],
    [{ window: '3q' }, /window must be a number and d, w, m or y/],
    [{ window: '0d' }, /window must be/],
    [{ window: '2w', from: '2026-01-01' }, /either window or from/],
    [{ from: 'yesterday' }, /from must be an ISO 8601/],
    [{ from: '2026-12-07', to: '2026-12-01' }, /must be before/],
    [{ window: '2y', interval: 'day' }, /more than 400 days/],
  ])('refuses %p', (query, message) => {
    expect(() => seriesWindow(query, NOW)).toThrow(message);
  });
});
