export { CheckPassRates } from './CheckPassRates';
