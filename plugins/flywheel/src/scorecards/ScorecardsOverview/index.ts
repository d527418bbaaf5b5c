export { ScorecardsOverview } from './ScorecardsOverview';
