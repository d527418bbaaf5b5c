import { CampaignDay } from '@flywheel/plugin-flywheel-common';
import { idealLine, projectCompletion } from './projection';

/** `n` days ending on `last`, met rising by `perDay` (plus noise) from `from`. */
function days(
  last: string,
  n: number,
  from: number,
  perDay: number,
  noise: number[] = [],
): CampaignDay[] {
  const end = Date.parse(`${last}T00:00:00Z`);
  return Array.from({ length: n }, (_, i) => ({
    day: new Date(end - (n - 1 - i) * 86_400_000).toISOString().slice(0, 10),
    cohort: 100,
    met: Math.round(from + perDay * i + (noise[i % noise.length] ?? 0)),
    exempt: 10,
  }));
}

describe('projectCompletion', () => {
  it('extends a steady pace to the target and is sure when the range sits on one side of the deadline', () => {
    // 30 met today, rising 2 a day: 60 left of 90 → 30 days → 2026-12-31.
    const p = projectCompletion({
      days: days('2026-12-01', 14, 4, 2),
      deadline: '2027-02-28',
      today: '2026-12-01',
    })!;
    expect(p.pacePerWeek).toBe(14);
    expect(p.basisDays).toBe(14);
    expect(p.date).toBe('2026-12-31');
    expect(p.onTrack).toBe(true);
    expect(p.confidence).toBe('high');
    expect(p.summary).toMatch(
      /^At 14 a week, the 60 entities left are done by 2026-12-31/,
    );
  });

  it('is of medium confidence when the likely range straddles the deadline', () => {
    const p = projectCompletion({
      days: days('2026-12-01', 14, 4, 2, [0, 6, -6, 3, -3]),
      deadline: '2027-01-01',
      today: '2026-12-01',
    })!;
    expect(p.earliest! <= '2027-01-01').toBe(true);
    expect(p.latest! > '2027-01-01').toBe(true);
    expect(p.confidence).toBe('medium');
  });

  it('has no date without progress, and says so', () => {
    const p = projectCompletion({
      days: days('2026-12-01', 10, 20, 0),
      deadline: '2027-01-01',
      today: '2026-12-01',
    })!;
    expect(p.date).toBeUndefined();
    expect(p.onTrack).toBe(false);
    expect(p.confidence).toBe('low');
    expect(p.summary).toBe(
      'No progress over the last 10 days: at this pace the 70 entities left are not done by the deadline.',
    );
  });

  it('is done when every entity not exempt meets the goal, and has nothing to say without days', () => {
    const done = days('2026-12-01', 3, 90, 0);
    expect(
      projectCompletion({
        days: done,
        deadline: '2027-01-01',
        today: '2026-12-01',
      }),
    ).toMatchObject({ date: '2026-12-01', onTrack: true, confidence: 'high' });
    expect(
      projectCompletion({
        days: [],
        deadline: '2027-01-01',
        today: '2026-12-01',
      }),
    ).toBeUndefined();
  });

  it('is of low confidence on two days of history', () => {
    const p = projectCompletion({
      days: days('2026-12-01', 2, 10, 5),
      deadline: '2027-01-01',
      today: '2026-12-01',
    })!;
    expect(p.confidence).toBe('low');
    expect(p.date).toBe('2026-12-16'); // 75 left at 5 a day
    expect(p.earliest).toBeUndefined();
  });
});

describe('idealLine', () => {
  it('runs from the baseline at the start to the target at the deadline', () => {
    expect(
      idealLine({
        startsAt: '2026-11-01T00:00:00.000Z',
        deadline: '2027-01-31T00:00:00.000Z',
        baselineMet: 4,
        target: 90,
      }),
    ).toEqual([
      { day: '2026-11-01', met: 4 },
      { day: '2027-01-31', met: 90 },
    ]);
  });
});
