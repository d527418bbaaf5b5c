export { flywheelApiRef } from './FlywheelApi';
export type { FlywheelApi } from './FlywheelApi';
export type {
  CampaignItemsQuery,
  CampaignListState,
  CampaignMembershipsQuery,
  CampaignsApi,
} from './CampaignsApi';
export type { GoldenPathsApi } from './GoldenPathsApi';
export type { MaturityApi, OutcomesQuery } from './MaturityApi';
export type {
  MetricQuery,
  MetricSeriesQuery,
  MetricsApi,
  UsageBreakdownQuery,
} from './MetricsApi';
export type {
  ScorecardEntitiesPage,
  ScorecardEntitiesQuery,
  ScorecardExemptionRequest,
  ScorecardExemptionsQuery,
  ScorecardHistoryQuery,
  ScorecardsApi,
} from './ScorecardsApi';
export type {
  SurveyCommentsQuery,
  SurveyResultsQuery,
  SurveysApi,
} from './SurveysApi';
export { FlywheelClient } from './FlywheelClient';
