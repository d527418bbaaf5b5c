export { PathAdoptionList } from './PathAdoptionList';
