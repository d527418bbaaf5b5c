export { MetricDetail } from './MetricDetail';
