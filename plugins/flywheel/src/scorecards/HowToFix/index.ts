export { HowToFix } from './HowToFix';
