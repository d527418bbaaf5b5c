export { ScorecardPicker } from './ScorecardPicker';
