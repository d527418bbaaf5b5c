export { EstimateValue } from './EstimateValue';
