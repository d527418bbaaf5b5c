export { CriterionDetails } from './CriterionDetails';
