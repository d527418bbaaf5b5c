export { DriftedServices } from './DriftedServices';
