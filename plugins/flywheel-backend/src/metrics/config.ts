import { Config } from '@backstage/config';

/** Default N of "new services deployed within N days". */
export const DEFAULT_FIRST_DEPLOY_WITHIN_DAYS = 14;

/** `flywheel.metrics.firstDeployWithinDays`, checked: a bad value stops the backend. */
export function readFirstDeployWithinDays(config: Config): number {
  const days =
    config.getOptionalNumber('flywheel.metrics.firstDeployWithinDays') ??
    DEFAULT_FIRST_DEPLOY_WITHIN_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > 365) {
    throw new Error(
      `flywheel.metrics.firstDeployWithinDays must be a whole number of days from 1 to 365, got ${days}`,
    );
  }
  return days;
}
