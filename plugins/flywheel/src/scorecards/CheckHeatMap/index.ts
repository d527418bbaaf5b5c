export { CheckHeatMap } from './CheckHeatMap';
