export { GoldenPathsOverview } from './GoldenPathsOverview';
