export { GroupAdoptionDetails } from './GroupAdoptionDetails';
