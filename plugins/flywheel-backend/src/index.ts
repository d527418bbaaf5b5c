/**
 * The Flywheel backend plugin.
 *
 * @packageDocumentation
 */
export { flywheelPlugin as default } from './plugin';
