export { MetricComparison } from './MetricComparison';
