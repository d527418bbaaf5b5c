export { GroupPicker } from './GroupPicker';
