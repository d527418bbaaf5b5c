import { flywheelMetricsReadPermission } from '@flywheel/plugin-flywheel-common';

/** What reading metrics needs, to name it when the backend refuses (403). */
export const METRICS_READ = {
  doing: 'see metrics',
  permission: flywheelMetricsReadPermission.name,
};
