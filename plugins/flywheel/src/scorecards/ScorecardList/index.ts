export { ScorecardList } from './ScorecardList';
