export { SubmitStatusAlert } from './SubmitStatusAlert';
