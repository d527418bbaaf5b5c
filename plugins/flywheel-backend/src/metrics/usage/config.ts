import { Config } from '@backstage/config';

/** Default days usage events are kept: thirteen months, for a year-on-year month. */
export const DEFAULT_USAGE_RETENTION_DAYS = 395;

/** `flywheel.metrics.usage.retentionDays`, checked: a bad value stops the backend. */
export function readUsageRetentionDays(config: Config): number {
  const days =
    config.getOptionalNumber('flywheel.metrics.usage.retentionDays') ??
    DEFAULT_USAGE_RETENTION_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > 3660) {
    throw new Error(
      `flywheel.metrics.usage.retentionDays must be a whole number of days from 1 to 3660, got ${days}`,
    );
  }
  return days;
}
