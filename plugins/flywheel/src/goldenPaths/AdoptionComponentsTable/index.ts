export { AdoptionComponentsTable } from './AdoptionComponentsTable';
