export { MetricFilters } from './MetricFilters';
