export {
  CriterionStatusChip,
  CriterionStatusIcon,
} from './CriterionStatusChip';
