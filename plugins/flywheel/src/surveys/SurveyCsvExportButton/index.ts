export { SurveyCsvExportButton } from './SurveyCsvExportButton';
