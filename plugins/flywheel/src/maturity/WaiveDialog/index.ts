export { WaiveDialog } from './WaiveDialog';
