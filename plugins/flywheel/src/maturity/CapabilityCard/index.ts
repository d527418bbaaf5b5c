export { CapabilityCard, progressText } from './CapabilityCard';
