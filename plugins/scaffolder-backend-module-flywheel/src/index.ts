/**
 * Flywheel's scaffolder actions: provenance stamp, run record and offline
 * local publish.
 *
 * @packageDocumentation
 */
export { scaffolderModuleFlywheel as default } from './module';
export { createProvenanceStampAction } from './actions/provenanceStamp';
export { createRecordRunAction } from './actions/recordRun';
export {
  createPublishLocalAction,
  type LocationRegistrar,
} from './actions/publishLocal';
export {
  HttpFlywheelRunRecorder,
  type FlywheelRunRecorder,
} from './FlywheelClient';
