export { AttestDialog, isEvidenceUrl } from './AttestDialog';
