import { HTMLAttributes } from 'react';
import { Badge } from '@backstage/ui';
import styles from './StatusBadge.module.css';

/** The colours of a status badge. */
export type StatusTone =
  | 'success'
  | 'warning'
  | 'danger'
  | 'info'
  | 'neutral'
  | 'muted';

// 16×16 outline icons, one shape per meaning so a status reads without colour.
const ICON_PATHS = {
  /** circle with a tick */
  tick: 'M8 1.5a6.5 6.5 0 1 1 0 13 6.5 6.5 0 0 1 0-13ZM5 8.2l2 2 4-4.2',
  /** triangle with an exclamation mark */
  warning: 'M8 2 14.5 13.5h-13L8 2ZM8 6.5v3.2M8 11.4v.1',
  /** circle with a cross */
  cross:
    'M8 1.5a6.5 6.5 0 1 1 0 13 6.5 6.5 0 0 1 0-13ZM5.7 5.7l4.6 4.6M10.3 5.7l-4.6 4.6',
  /** circle with a dash */
  dash: 'M8 1.5a6.5 6.5 0 1 1 0 13 6.5 6.5 0 0 1 0-13ZM5 8h6',
  /** circle with a question mark */
  question:
    'M8 1.5a6.5 6.5 0 1 1 0 13 6.5 6.5 0 0 1 0-13ZM6.2 6.3a1.9 1.9 0 1 1 2.6 1.8c-.5.2-.8.6-.8 1.1v.4M8 11.3v.1',
  /** shield with a tick */
  shield:
    'M8 1.5 13.5 3.5v4c0 3.3-2.3 5.9-5.5 7-3.2-1.1-5.5-3.7-5.5-7v-4L8 1.5ZM5.8 8l1.6 1.6 2.9-3',
} as const;

/** The icons a status badge can show. */
export type StatusIconName = keyof typeof ICON_PATHS;

/** The names of all status icons, for tests that every state has its own. */
export const STATUS_ICON_NAMES = Object.keys(ICON_PATHS) as StatusIconName[];

/** A status's icon; decorative, the label next to it carries the meaning. */
export function StatusIcon(props: { icon: StatusIconName }) {
  return (
    <svg
      className={styles.icon}
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={ICON_PATHS[props.icon]}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/**
 * A status as icon and text in a tone: never colour alone, the text says it
 * and the icon's shape repeats it. Further attributes (`data-*`) go to the
 * badge.
 */
export function StatusBadge(
  props: {
    tone: StatusTone;
    icon: StatusIconName;
    children: string;
  } & Omit<HTMLAttributes<HTMLSpanElement>, 'children' | 'className'>,
) {
  const { tone, icon, children, ...rest } = props;
  return (
    <Badge
      {...rest}
      size="small"
      className={`${styles.badge} ${styles[tone]}`}
      icon={<StatusIcon icon={icon} />}
    >
      {children}
    </Badge>
  );
}
