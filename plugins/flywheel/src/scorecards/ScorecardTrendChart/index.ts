export { ScorecardTrendChart } from './ScorecardTrendChart';
