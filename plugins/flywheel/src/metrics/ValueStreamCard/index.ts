export { HEADLINE_METRICS, ValueStreamCard } from './ValueStreamCard';
