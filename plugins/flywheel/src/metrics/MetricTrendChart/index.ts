export { MetricTrendChart } from './MetricTrendChart';
