export { OutcomeTrendChart } from './OutcomeTrendChart';
