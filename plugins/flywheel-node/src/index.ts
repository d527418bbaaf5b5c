/**
 * Service APIs and extension points for backend plugins and modules that
 * work with Flywheel.
 *
 * @packageDocumentation
 */
export {
  DefaultFlywheelService,
  flywheelServiceRef,
  type FlywheelService,
} from './FlywheelService';
export {
  FLYWHEEL_ENTITY_CHANGED_TOPIC,
  type FlywheelEntityChangedEvent,
  flywheelScorecardsExtensionPoint,
  type FlywheelFactProvider,
  type FlywheelFactValue,
  type FlywheelScorecardsExtensionPoint,
} from './scorecardFacts';
export {
  flywheelMetricsExtensionPoint,
  type FlywheelDeploymentSource,
  type FlywheelMetricsExtensionPoint,
} from './metricSources';
