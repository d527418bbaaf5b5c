export { StatList } from './StatList';
export type { Stat } from './StatList';
