/* eslint-disable @backstage/no-forbidden-package-imports --
 * The deployment store, the catalog reader, the value-stream provider and
 * its window are internals of the Flywheel backend plugin (it exports only
 * the plugin). The benchmark seeds the plugin's own database with the
 * plugin's store, exactly as the plugin stores posted deployments, and reads
 * the catalog as the plugin does for reference; every figure of the full
 * benchmark comes from the real plugin's router in the same backend.
 * `bench:metrics:provider` runs the provider alone on the seeded store. */
export {
  DeploymentStore,
  type NewDeployment,
} from '@flywheel/plugin-flywheel-backend/src/metrics/store/DeploymentStore';
export { CatalogReader } from '@flywheel/plugin-flywheel-backend/src/catalog/CatalogReader';
export { connectDatabase } from '@flywheel/plugin-flywheel-backend/src/database/migrate';
export { seriesWindow } from '@flywheel/plugin-flywheel-backend/src/time/seriesWindow';
export { ValueStreamProvider } from '@flywheel/plugin-flywheel-backend/src/metrics/valueStream/ValueStreamProvider';
export { ValueStreamFacts } from '@flywheel/plugin-flywheel-backend/src/metrics/valueStream/ValueStreamFacts';
export type {
  Service,
  ServiceDirectory,
} from '@flywheel/plugin-flywheel-backend/src/metrics/services/ServiceDirectory';
export type { ResolvedScope } from '@flywheel/plugin-flywheel-backend/src/interfaces/metricRegistry';
