export { OutcomeCard, targetText } from './OutcomeCard';
