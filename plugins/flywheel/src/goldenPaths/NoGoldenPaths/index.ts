export { NoGoldenPaths } from './NoGoldenPaths';
