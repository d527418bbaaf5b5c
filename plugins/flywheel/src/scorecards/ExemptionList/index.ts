export { ExemptionList, exemptionStatusLabel } from './ExemptionList';
