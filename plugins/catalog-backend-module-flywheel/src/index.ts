/**
 * Catalog module of Flywheel: entity change events for incremental scorecard
 * evaluation.
 *
 * @packageDocumentation
 */
export { catalogModuleFlywheel as default } from './module';
export { EntityChangeProcessor } from './EntityChangeProcessor';
