import { Settings } from 'luxon';
import {
  formatDate,
  formatDateTime,
  formatDay,
  formatDuration,
  formatMonth,
  formatPercent,
  formatRate,
} from './format';

describe('formatDuration', () => {
  it.each([
    [125, '2 min 5 s'],
    [125.4, '2 min 5 s'],
    [45, '45 s'],
    [120, '2 min'],
    [3725, '1 h 2 min'],
    [90061, '1 d 1 h'],
    [0.4, '< 1 s'],
  ])('formats %p seconds as %p', (seconds, expected) => {
    expect(formatDuration(seconds)).toBe(expected);
  });

  it('shows a dash when nothing was measured', () => {
    expect(formatDuration(null)).toBe('—');
  });
});

describe('formatPercent and formatRate', () => {
  it('keeps at most one decimal', () => {
    expect(formatPercent(42.857)).toBe('42.9%');
    expect(formatPercent(50)).toBe('50%');
  });

  it('turns a 0–1 rate into a percentage, or a dash without runs', () => {
    expect(formatRate(0.9286)).toBe('92.9%');
    expect(formatRate(null)).toBe('—');
  });
});

describe('formatDate and formatMonth', () => {
  afterEach(() => {
    Settings.defaultZone = 'system';
  });

  it("formats dates in the user's time zone", () => {
    Settings.defaultZone = 'Europe/Berlin';
    expect(formatDate('2026-03-09T23:30:00Z')).toBe('Mar 10, 2026');
    // What the exemption dialog sends for "expires on Jun 10" there.
    expect(formatDate('2026-06-09T22:00:00.000Z')).toBe('Jun 10, 2026');
    Settings.defaultZone = 'America/New_York';
    expect(formatDate('2026-03-09T23:30:00Z')).toBe('Mar 9, 2026');
    expect(formatDate(undefined)).toBe('—');
  });

  it('formats months for chart axes', () => {
    expect(formatMonth('2026-03')).toBe('Mar 26');
  });
});

describe('formatDay', () => {
  it('formats snapshot days for chart axes and tables', () => {
    expect(formatDay('2026-07-18')).toBe('Jul 18');
    expect(formatDay('2026-07-18', { withYear: true })).toBe('Jul 18, 2026');
    expect(formatDay('yesterday')).toBe('yesterday');
  });
});

describe('formatDateTime', () => {
  it('formats a timestamp with its time, in the local zone', () => {
    expect(formatDateTime('2026-03-09T23:30:00Z')).toMatch(/^Mar \d+, 2026, /);
    expect(formatDateTime(undefined)).toBe('—');
  });
});
