export { EditTargetDialog, targetInputUnit } from './EditTargetDialog';
