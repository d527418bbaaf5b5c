export { AdoptionTotals } from './AdoptionTotals';
