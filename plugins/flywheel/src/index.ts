/**
 * The Flywheel frontend plugin: golden paths, adoption, scorecards, surveys
 * and the platform's product pages.
 *
 * The default export is the plugin for the new frontend system (what feature
 * discovery loads); the named exports serve apps on the legacy system.
 *
 * @packageDocumentation
 */
export { default } from './alpha';
export {
  flywheelPlugin,
  FlywheelPage,
  EntityGoldenPathCard,
  EntityGroupAdoptionCard,
  EntityValueStreamCard,
  EntityCampaignsCard,
  EntityGroupCampaignsCard,
  EntityScorecardsContent,
  EntityTeamScorecardContent,
  FlywheelSurveyPrompt,
  flywheelAnalyticsApiFactory,
} from './legacy';
export { FlywheelAnalytics } from './analytics';
export type {
  AnyAnalyticsEvent,
  FlywheelAnalyticsOptions,
  UsageEvent,
} from './analytics';
export { FlywheelClient, flywheelApiRef } from './api';
export type {
  CampaignItemsQuery,
  CampaignListState,
  CampaignMembershipsQuery,
  FlywheelApi,
  MetricQuery,
  MetricSeriesQuery,
  OutcomesQuery,
  ScorecardEntitiesPage,
  ScorecardEntitiesQuery,
  ScorecardExemptionRequest,
  ScorecardExemptionsQuery,
  ScorecardHistoryQuery,
  UsageBreakdownQuery,
} from './api';
