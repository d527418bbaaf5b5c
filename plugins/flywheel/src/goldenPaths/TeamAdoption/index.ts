export { TeamAdoption } from './TeamAdoption';
