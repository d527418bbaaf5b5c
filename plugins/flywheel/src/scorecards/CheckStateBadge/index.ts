export { CheckStateBadge, CheckStateIcon } from './CheckStateBadge';
