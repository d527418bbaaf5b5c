export { groupByDomain, MetricTiles } from './MetricTiles';
