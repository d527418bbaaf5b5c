import { SurveySchedule, SurveyWave } from '@flywheel/plugin-flywheel-common';
import { DateTime } from 'luxon';
import { DEFAULT_WAVE_DAYS } from '../definitions/definition';
import { StoredWave } from '../store/SurveyStore';

/** When a wave of a schedule opens and closes. */
export interface WaveWindow {
  number: number;
  opensAt: Date;
  closesAt: Date;
}

const MONTHS = { none: 0, monthly: 1, quarterly: 3 } as const;

/** The window of wave `number` (1-based) of a schedule. */
export function waveWindow(
  schedule: SurveySchedule,
  number: number,
): WaveWindow {
  const first = DateTime.fromISO(schedule.opensAt, { zone: 'utc' });
  const opens =
    schedule.recurrence === 'none'
      ? first
      : first.plus({ months: MONTHS[schedule.recurrence] * (number - 1) });
  const closes =
    schedule.recurrence === 'none' && schedule.closesAt
      ? DateTime.fromISO(schedule.closesAt, { zone: 'utc' })
      : opens.plus({ days: schedule.waveDays ?? DEFAULT_WAVE_DAYS });
  return { number, opensAt: opens.toJSDate(), closesAt: closes.toJSDate() };
}

/**
 * The latest wave that has opened by `now` (it may have closed since), or
 * undefined before the first opens. Waves before it are history: a survey
 * created with a start date in the past does not invent empty old waves.
 */
export function latestWaveWindow(
  schedule: SurveySchedule,
  now: Date,
): WaveWindow | undefined {
  const first = waveWindow(schedule, 1);
  if (first.opensAt > now) {
    return undefined;
  }
  if (schedule.recurrence === 'none') {
    return first;
  }
  const months = DateTime.fromJSDate(now, { zone: 'utc' }).diff(
    DateTime.fromJSDate(first.opensAt, { zone: 'utc' }),
    'months',
  ).months;
  let number = Math.floor(months / MONTHS[schedule.recurrence]) + 1;
  // Month lengths differ: step back if the estimate overshoots.
  while (number > 1 && waveWindow(schedule, number).opensAt > now) {
    number--;
  }
  while (waveWindow(schedule, number + 1).opensAt <= now) {
    number++;
  }
  return waveWindow(schedule, number);
}

/** Whether a stored wave is open at `now`. */
export function isOpen(wave: { opensAt: Date; closesAt: Date }, now: Date) {
  return wave.opensAt <= now && now < wave.closesAt;
}

/** A stored wave as the API shows it. */
export function toApiWave(
  wave: StoredWave,
  now: Date,
  responseCount: number,
): SurveyWave {
  let status: SurveyWave['status'] = 'closed';
  if (wave.opensAt > now) {
    status = 'scheduled';
  } else if (isOpen(wave, now)) {
    status = 'open';
  }
  return {
    id: wave.id,
    surveyId: wave.surveyId,
    number: wave.number,
    opensAt: wave.opensAt.toISOString(),
    closesAt: wave.closesAt.toISOString(),
    status,
    audienceSize: wave.audienceSize,
    invitedSize: wave.invitedSize,
    responseCount,
  };
}
