import { SurveySchedule } from '@flywheel/plugin-flywheel-common';
import { StoredWave } from '../store/SurveyStore';
import {
  isOpen,
  latestWaveWindow,
  toApiWave,
  waveWindow,
  WaveWindow,
} from './waves';

const d = (text: string) => new Date(text);

/** A window as ISO strings, easier to read in expectations. */
function iso(w: WaveWindow | undefined) {
  return (
    w && {
      number: w.number,
      opensAt: w.opensAt.toISOString(),
      closesAt: w.closesAt.toISOString(),
    }
  );
}

const monthly: SurveySchedule = {
  opensAt: '2026-01-05T09:00:00.000Z',
  recurrence: 'monthly',
};
const quarterly: SurveySchedule = {
  opensAt: '2026-01-05T09:00:00.000Z',
  recurrence: 'quarterly',
  waveDays: 21,
};

describe('waveWindow', () => {
  it('gives a one-off survey its closing date', () => {
    const schedule: SurveySchedule = {
      opensAt: '2026-03-01T08:00:00.000Z',
      closesAt: '2026-03-15T23:30:00.000Z',
      recurrence: 'none',
    };
    expect(iso(waveWindow(schedule, 1))).toEqual({
      number: 1,
      opensAt: '2026-03-01T08:00:00.000Z',
      closesAt: '2026-03-15T23:30:00.000Z',
    });
  });

  it('keeps a one-off survey open for waveDays, 14 by default, without a closing date', () => {
    expect(
      iso(
        waveWindow(
          { opensAt: '2026-03-01T08:00:00.000Z', recurrence: 'none' },
          1,
        ),
      ),
    ).toEqual({
      number: 1,
      opensAt: '2026-03-01T08:00:00.000Z',
      closesAt: '2026-03-15T08:00:00.000Z',
    });
    expect(
      waveWindow(
        {
          opensAt: '2026-03-01T08:00:00.000Z',
          recurrence: 'none',
          waveDays: 3,
        },
        1,
      ).closesAt.toISOString(),
    ).toBe('2026-03-04T08:00:00.000Z');
  });

  it('opens monthly waves a month apart, each open 14 days by default', () => {
    expect(iso(waveWindow(monthly, 1))).toEqual({
      number: 1,
      opensAt: '2026-01-05T09:00:00.000Z',
      closesAt: '2026-01-19T09:00:00.000Z',
    });
    expect(iso(waveWindow(monthly, 2))).toEqual({
      number: 2,
      opensAt: '2026-02-05T09:00:00.000Z',
      closesAt: '2026-02-19T09:00:00.000Z',
    });
    expect(iso(waveWindow(monthly, 13))).toEqual({
      number: 13,
      opensAt: '2027-01-05T09:00:00.000Z',
      closesAt: '2027-01-19T09:00:00.000Z',
    });
  });

  it('opens quarterly waves three months apart, each open waveDays', () => {
    expect([1, 2, 3, 4, 5].map(n => iso(waveWindow(quarterly, n)))).toEqual([
      {
        number: 1,
        opensAt: '2026-01-05T09:00:00.000Z',
        closesAt: '2026-01-26T09:00:00.000Z',
      },
      {
        number: 2,
        opensAt: '2026-04-05T09:00:00.000Z',
        closesAt: '2026-04-26T09:00:00.000Z',
      },
      {
        number: 3,
        opensAt: '2026-07-05T09:00:00.000Z',
        closesAt: '2026-07-26T09:00:00.000Z',
      },
      {
        number: 4,
        opensAt: '2026-10-05T09:00:00.000Z',
        closesAt: '2026-10-26T09:00:00.000Z',
      },
      {
        number: 5,
        opensAt: '2027-01-05T09:00:00.000Z',
        closesAt: '2027-01-26T09:00:00.000Z',
      },
    ]);
  });

  it('clamps month-end dates to shorter months, counting from the first wave', () => {
    const jan31 = (year: number): SurveySchedule => ({
      opensAt: `${year}-01-31T12:00:00.000Z`,
      recurrence: 'monthly',
    });
    const opens = (schedule: SurveySchedule, n: number) =>
      waveWindow(schedule, n).opensAt.toISOString();
    expect(opens(jan31(2026), 2)).toBe('2026-02-28T12:00:00.000Z');
    expect(opens(jan31(2028), 2)).toBe('2028-02-29T12:00:00.000Z');
    // Not drifting to the 28th after February.
    expect(opens(jan31(2026), 3)).toBe('2026-03-31T12:00:00.000Z');
    expect(opens(jan31(2026), 4)).toBe('2026-04-30T12:00:00.000Z');
    expect(opens(jan31(2026), 5)).toBe('2026-05-31T12:00:00.000Z');
    expect(waveWindow(jan31(2026), 2).closesAt.toISOString()).toBe(
      '2026-03-14T12:00:00.000Z',
    );

    const nov30: SurveySchedule = {
      opensAt: '2027-11-30T00:00:00.000Z',
      recurrence: 'quarterly',
    };
    expect(opens(nov30, 2)).toBe('2028-02-29T00:00:00.000Z');
    expect(opens(nov30, 3)).toBe('2028-05-30T00:00:00.000Z');
  });

  it('reads dates with offsets in UTC', () => {
    expect(
      waveWindow(
        { opensAt: '2026-01-31T23:30:00-05:00', recurrence: 'monthly' },
        2,
      ).opensAt.toISOString(),
    ).toBe('2026-03-01T04:30:00.000Z');
  });

  it('never overlaps the next wave at the longest allowed waveDays', () => {
    const overlaps: string[] = [];
    for (const [recurrence, waveDays] of [
      ['monthly', 28],
      ['quarterly', 89],
    ] as const) {
      // Every start day of a year, with a leap February among the waves.
      for (let day = 0; day < 366; day++) {
        const schedule: SurveySchedule = {
          opensAt: new Date(Date.UTC(2027, 2, 1 + day)).toISOString(),
          recurrence,
          waveDays,
        };
        for (let n = 1; n <= 4; n++) {
          if (
            waveWindow(schedule, n).closesAt >
            waveWindow(schedule, n + 1).opensAt
          ) {
            overlaps.push(`${recurrence} from ${schedule.opensAt}, wave ${n}`);
          }
        }
      }
    }
    expect(overlaps).toEqual([]);
  });

  it('overlaps with 90-day quarterly waves, since Feb 1 → May 1 is 89 days', () => {
    const schedule: SurveySchedule = {
      opensAt: '2027-02-01T00:00:00.000Z',
      recurrence: 'quarterly',
      waveDays: 90,
    };
    expect(waveWindow(schedule, 1).closesAt.toISOString()).toBe(
      '2027-05-02T00:00:00.000Z',
    );
    expect(waveWindow(schedule, 2).opensAt.toISOString()).toBe(
      '2027-05-01T00:00:00.000Z',
    );
  });
});

describe('latestWaveWindow', () => {
  it('is undefined before the first wave opens', () => {
    expect(
      latestWaveWindow(monthly, d('2026-01-05T08:59:59.999Z')),
    ).toBeUndefined();
    expect(
      latestWaveWindow(monthly, d('2025-06-01T00:00:00Z')),
    ).toBeUndefined();
    expect(
      latestWaveWindow(
        { ...monthly, recurrence: 'none' },
        d('2026-01-01T00:00:00Z'),
      ),
    ).toBeUndefined();
  });

  it('is the first wave from the moment it opens', () => {
    expect(iso(latestWaveWindow(monthly, d('2026-01-05T09:00:00Z')))).toEqual(
      iso(waveWindow(monthly, 1)),
    );
  });

  it('is the wave open now', () => {
    expect(latestWaveWindow(monthly, d('2026-02-10T00:00:00Z'))?.number).toBe(
      2,
    );
    expect(latestWaveWindow(quarterly, d('2026-07-20T00:00:00Z'))?.number).toBe(
      3,
    );
  });

  it('is the last wave that opened, between waves', () => {
    expect(iso(latestWaveWindow(monthly, d('2026-02-25T00:00:00Z')))).toEqual({
      number: 2,
      opensAt: '2026-02-05T09:00:00.000Z',
      closesAt: '2026-02-19T09:00:00.000Z',
    });
    expect(
      latestWaveWindow(monthly, d('2026-03-05T08:59:59.999Z'))?.number,
    ).toBe(2);
    expect(latestWaveWindow(monthly, d('2026-03-05T09:00:00Z'))?.number).toBe(
      3,
    );
    expect(latestWaveWindow(quarterly, d('2026-06-30T00:00:00Z'))?.number).toBe(
      2,
    );
  });

  it('finds the right wave years later', () => {
    expect(iso(latestWaveWindow(monthly, d('2031-07-20T00:00:00Z')))).toEqual({
      number: 67,
      opensAt: '2031-07-05T09:00:00.000Z',
      closesAt: '2031-07-19T09:00:00.000Z',
    });
    expect(iso(latestWaveWindow(quarterly, d('2036-01-04T00:00:00Z')))).toEqual(
      {
        number: 40,
        opensAt: '2035-10-05T09:00:00.000Z',
        closesAt: '2035-10-26T09:00:00.000Z',
      },
    );
  });

  it('handles month-end starts', () => {
    const jan31: SurveySchedule = {
      opensAt: '2026-01-31T12:00:00.000Z',
      recurrence: 'monthly',
    };
    expect(latestWaveWindow(jan31, d('2026-02-28T11:59:59Z'))?.number).toBe(1);
    expect(latestWaveWindow(jan31, d('2026-02-28T12:00:00Z'))?.number).toBe(2);
    expect(latestWaveWindow(jan31, d('2026-03-30T00:00:00Z'))?.number).toBe(2);
    expect(latestWaveWindow(jan31, d('2026-03-31T12:00:00Z'))?.number).toBe(3);
  });

  it('agrees with walking wave by wave', () => {
    const wrong: string[] = [];
    for (const opensAt of [
      '2026-01-31T12:00:00.000Z',
      '2026-01-29T00:00:00.000Z',
      '2026-08-31T23:59:00.000Z',
      '2027-11-30T06:00:00.000Z',
      '2026-03-15T00:00:00.000Z',
    ]) {
      for (const recurrence of ['monthly', 'quarterly'] as const) {
        const schedule: SurveySchedule = { opensAt, recurrence };
        let expected = 1;
        const start = Date.parse(opensAt);
        for (let hours = 0; hours < 24 * 365 * 3; hours += 61) {
          const now = new Date(start + hours * 3600_000);
          while (waveWindow(schedule, expected + 1).opensAt <= now) {
            expected++;
          }
          const actual = latestWaveWindow(schedule, now)?.number;
          if (actual !== expected) {
            wrong.push(
              `${recurrence} from ${opensAt} at ${now.toISOString()}: ${actual}, not ${expected}`,
            );
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('is the only wave of a one-off survey, even long after it closed', () => {
    const schedule: SurveySchedule = {
      opensAt: '2026-03-01T08:00:00.000Z',
      closesAt: '2026-03-15T08:00:00.000Z',
      recurrence: 'none',
    };
    expect(iso(latestWaveWindow(schedule, d('2026-03-02T00:00:00Z')))).toEqual(
      iso(waveWindow(schedule, 1)),
    );
    expect(iso(latestWaveWindow(schedule, d('2030-01-01T00:00:00Z')))).toEqual(
      iso(waveWindow(schedule, 1)),
    );
  });
});

describe('isOpen', () => {
  const wave = {
    opensAt: d('2026-01-05T09:00:00Z'),
    closesAt: d('2026-01-19T09:00:00Z'),
  };

  it('includes the opening moment and excludes the closing one', () => {
    expect(isOpen(wave, d('2026-01-05T08:59:59.999Z'))).toBe(false);
    expect(isOpen(wave, d('2026-01-05T09:00:00Z'))).toBe(true);
    expect(isOpen(wave, d('2026-01-19T08:59:59.999Z'))).toBe(true);
    expect(isOpen(wave, d('2026-01-19T09:00:00Z'))).toBe(false);
  });
});

describe('toApiWave', () => {
  const stored: StoredWave = {
    id: 'wave-1',
    surveyId: 'platform-nps',
    number: 3,
    opensAt: d('2026-01-05T09:00:00Z'),
    closesAt: d('2026-01-19T09:00:00Z'),
    questions: [{ id: 'nps', type: 'nps', title: 'Recommend?' }],
    audienceSize: 120,
    notifiedAt: d('2026-01-05T09:01:00Z'),
  };

  it('shows the wave without its questions or notification time', () => {
    expect(toApiWave(stored, d('2026-01-10T00:00:00Z'), 42)).toEqual({
      id: 'wave-1',
      surveyId: 'platform-nps',
      number: 3,
      opensAt: '2026-01-05T09:00:00.000Z',
      closesAt: '2026-01-19T09:00:00.000Z',
      status: 'open',
      audienceSize: 120,
      responseCount: 42,
    });
  });

  it('is scheduled before it opens, open while open and closed after', () => {
    const status = (now: string) => toApiWave(stored, d(now), 0).status;
    expect(status('2026-01-01T00:00:00Z')).toBe('scheduled');
    expect(status('2026-01-05T08:59:59.999Z')).toBe('scheduled');
    expect(status('2026-01-05T09:00:00Z')).toBe('open');
    expect(status('2026-01-19T08:59:59.999Z')).toBe('open');
    expect(status('2026-01-19T09:00:00Z')).toBe('closed');
    expect(status('2027-01-01T00:00:00Z')).toBe('closed');
  });

  it('leaves out an unknown audience size', () => {
    const api = toApiWave(
      { ...stored, audienceSize: undefined },
      d('2026-01-10T00:00:00Z'),
      0,
    );
    expect(api.audienceSize).toBeUndefined();
  });
});
