export { ChoiceBars } from './ChoiceBars';
