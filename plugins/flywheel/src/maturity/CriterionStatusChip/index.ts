export { CriterionStatusChip } from './CriterionStatusChip';
