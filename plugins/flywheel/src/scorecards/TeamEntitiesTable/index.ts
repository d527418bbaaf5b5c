export { TeamEntitiesTable } from './TeamEntitiesTable';
