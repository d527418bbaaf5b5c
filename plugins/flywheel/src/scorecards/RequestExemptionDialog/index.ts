export {
  MAX_EXEMPTION_DAYS,
  RequestExemptionDialog,
} from './RequestExemptionDialog';
