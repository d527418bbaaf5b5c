export { MetricCsvExportButton } from './MetricCsvExportButton';
