/**
 * Flywheel's scaffolder actions: provenance stamp, run record, and offline
 * local publish and fetch.
 *
 * @packageDocumentation
 */
export { scaffolderModuleFlywheel as default } from './module';
export {
  createProvenanceStampAction,
  type TemplateReader,
} from './actions/provenanceStamp';
export {
  createFetchLocalAction,
  type EntityReader,
} from './actions/fetchLocal';
export { createRecordRunAction } from './actions/recordRun';
export {
  createPublishLocalAction,
  type LocalPublishCatalog,
  type LocationRegistrar,
} from './actions/publishLocal';
export {
  HttpFlywheelRunRecorder,
  type FlywheelRunRecorder,
} from './FlywheelClient';
