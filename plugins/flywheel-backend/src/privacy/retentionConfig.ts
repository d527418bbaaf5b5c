import { Config } from '@backstage/config';

/** How long Flywheel keeps people on its records (`flywheel.retention`). */
export type RetentionSettings = {
  /** After a wave closes: who answered it, snoozes and dismissals, the person on identified answers; and trigger events. */
  surveyParticipationDays: number;
  /** The person on maturity attestations and waivers. */
  attestationDays: number;
  /** The person on golden-path runs. */
  goldenPathRunDays: number;
};

const SETTINGS: Record<
  keyof RetentionSettings,
  { fallback: number; min: number; why?: string }
> = {
  surveyParticipationDays: {
    fallback: 395,
    min: 90,
    why: 'surveys space NPS questions 90 days apart by default',
  },
  attestationDays: { fallback: 1095, min: 1 },
  goldenPathRunDays: { fallback: 395, min: 1 },
};

/** Reads `flywheel.retention`; a bad value stops the backend with its name. */
export function readRetentionSettings(config: Config): RetentionSettings {
  const read = (key: keyof RetentionSettings) => {
    const { fallback, min, why } = SETTINGS[key];
    const days =
      config.getOptionalNumber(`flywheel.retention.${key}`) ?? fallback;
    if (!Number.isInteger(days) || days < min || days > 3660) {
      throw new Error(
        `flywheel.retention.${key} must be a whole number of days from ${min} to 3660${
          why ? ` (${why})` : ''
        }, got ${days}`,
      );
    }
    return days;
  };
  return {
    surveyParticipationDays: read('surveyParticipationDays'),
    attestationDays: read('attestationDays'),
    goldenPathRunDays: read('goldenPathRunDays'),
  };
}
