export { TeamBreakdown } from './TeamBreakdown';
