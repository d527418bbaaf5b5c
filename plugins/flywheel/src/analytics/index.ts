export { FlywheelAnalytics } from './FlywheelAnalytics';
export type { FlywheelAnalyticsOptions } from './FlywheelAnalytics';
export { flywheelAnalyticsApiFactory } from './legacy';
export type { AnyAnalyticsEvent, UsageEvent } from './usageEvents';
