export { flywheelPlugin as default } from './plugin';
