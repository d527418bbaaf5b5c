export { NpsResult } from './NpsResult';
