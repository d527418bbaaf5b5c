export { flywheelApiRef } from './FlywheelApi';
export type {
  SurveyCommentsQuery,
  SurveyResultsQuery,
  FlywheelApi,
  ScorecardEntitiesPage,
  ScorecardEntitiesQuery,
  ScorecardExemptionRequest,
  ScorecardExemptionsQuery,
  ScorecardHistoryQuery,
} from './FlywheelApi';
export { FlywheelClient } from './FlywheelClient';
