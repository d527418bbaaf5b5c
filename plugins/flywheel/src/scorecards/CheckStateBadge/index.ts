export { CheckStateBadge } from './CheckStateBadge';
