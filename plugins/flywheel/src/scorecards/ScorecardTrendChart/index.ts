export { ScorecardTrendChart } from './ScorecardTrendChart';
export { ScorecardTrend, TREND_DAYS } from './ScorecardTrend';
