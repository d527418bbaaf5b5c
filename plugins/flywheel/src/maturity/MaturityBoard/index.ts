export { MaturityBoard } from './MaturityBoard';
