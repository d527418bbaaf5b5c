export { LoadErrorAlert } from './LoadErrorAlert';
