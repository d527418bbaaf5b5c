export { GoldenPathPicker } from './GoldenPathPicker';
