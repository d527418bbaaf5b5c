export { EntityLevelHistory } from './EntityLevelHistory';
