export { LevelBadge } from './LevelBadge';
