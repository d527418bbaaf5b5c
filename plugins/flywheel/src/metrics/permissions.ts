import { flywheelMetricsReadPermission } from '@flywheel/plugin-flywheel-common';
import { isForbidden, serverMessage } from '../shared/errors';

/** What reading metrics needs, to name it when the backend refuses (403). */
export const METRICS_READ = {
  doing: 'see metrics',
  permission: flywheelMetricsReadPermission.name,
};

/**
 * The permission a refused metrics read lacked, for `LoadErrorAlert`. The
 * backend names it ("Not allowed: flywheel.scorecards.read": a scorecard or
 * survey metric needs its domain's read permission too); a bare refusal is
 * the metrics permission. A refusal with a reason of its own (a scorecard
 * series withheld because the scope holds entities the reader may not see)
 * names none, so the reason is shown as the server gives it.
 */
export function refusedPermission(
  error: Error,
): { doing: string; permission: string } | undefined {
  if (!isForbidden(error)) {
    return undefined;
  }
  const message = serverMessage(error);
  const named = /^Not allowed: ([\w.-]+)$/.exec(message);
  if (named) {
    return named[1] === METRICS_READ.permission
      ? METRICS_READ
      : { doing: 'see this metric', permission: named[1] };
  }
  return message === 'Unauthorized' || message === ''
    ? METRICS_READ
    : undefined;
}
