export { flywheelApiRef } from './FlywheelApi';
export type {
  FlywheelApi,
  ScorecardEntitiesPage,
  ScorecardExemptionRequest,
  ScorecardExemptionsQuery,
  ScorecardHistoryQuery,
} from './FlywheelApi';
export { FlywheelClient } from './FlywheelClient';
