export { METRICS_DOCS_URL, NoMetricData } from './NoMetricData';
