export { ChartDataTable } from './ChartDataTable';
export type { ChartDataRow } from './ChartDataTable';
