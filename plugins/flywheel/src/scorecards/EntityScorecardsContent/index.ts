export { EntityScorecardsContent } from './EntityScorecardsContent';
