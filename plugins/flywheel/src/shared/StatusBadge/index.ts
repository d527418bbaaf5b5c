export { StatusBadge, StatusIcon, STATUS_ICON_NAMES } from './StatusBadge';
export type { StatusIconName, StatusTone } from './StatusBadge';
