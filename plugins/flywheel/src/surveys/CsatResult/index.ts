export { CsatResult } from './CsatResult';
