export { NoCapabilities } from './NoCapabilities';
