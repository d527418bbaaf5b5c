export { LevelLadder } from './LevelLadder';
