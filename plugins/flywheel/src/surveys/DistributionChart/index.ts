export { DistributionChart } from './DistributionChart';
export type { DistributionBar } from './DistributionChart';
