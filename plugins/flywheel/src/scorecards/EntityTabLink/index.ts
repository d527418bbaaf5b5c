export { EntityTabLink } from './EntityTabLink';
