export { TeamProgressTable, teamTree } from './TeamProgressTable';
export type { TeamNode } from './TeamProgressTable';
