export { flywheelApiRef } from './FlywheelApi';
export type { FlywheelApi } from './FlywheelApi';
export { FlywheelClient } from './FlywheelClient';
