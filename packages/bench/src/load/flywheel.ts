/* eslint-disable @backstage/no-forbidden-package-imports --
 * The usage store and the usage-event parser are internals of the Flywheel
 * backend plugin (it exports only the plugin). The load benchmark seeds the
 * usage history into the plugin's own database with them, exactly as the
 * plugin stores a posted batch; every measured figure comes from the real
 * plugin's router in the replicas. */
export { UsageStore } from '@flywheel/plugin-flywheel-backend/src/metrics/usage/store/UsageStore';
export { parseUsageEvents } from '@flywheel/plugin-flywheel-backend/src/metrics/usage/parseUsageEvents';
