export { UsageBreakdown } from './UsageBreakdown';
