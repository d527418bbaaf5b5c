export { ScorecardDetail } from './ScorecardDetail';
