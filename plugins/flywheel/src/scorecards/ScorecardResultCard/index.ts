export { ScorecardResultCard } from './ScorecardResultCard';
