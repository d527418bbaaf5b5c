export { GroupAdoptionCard } from './GroupAdoptionCard';
