import { CheckState } from '@flywheel/plugin-flywheel-common';
import { Badge } from '@backstage/ui';
import { STATE_LABELS } from '../model';
import styles from './CheckStateBadge.module.css';

// 16×16 outline icons, one shape per state so the state reads without colour.
const ICON_PATHS: Record<CheckState, string> = {
  // circle with a tick
  pass: 'M8 1.5a6.5 6.5 0 1 1 0 13 6.5 6.5 0 0 1 0-13ZM5 8.2l2 2 4-4.2',
  // triangle with an exclamation mark
  warn: 'M8 2 14.5 13.5h-13L8 2ZM8 6.5v3.2M8 11.4v.1',
  // circle with a cross
  fail: 'M8 1.5a6.5 6.5 0 1 1 0 13 6.5 6.5 0 0 1 0-13ZM5.7 5.7l4.6 4.6M10.3 5.7l-4.6 4.6',
  // circle with a dash
  'not-applicable': 'M8 1.5a6.5 6.5 0 1 1 0 13 6.5 6.5 0 0 1 0-13ZM5 8h6',
  // circle with a question mark
  unknown:
    'M8 1.5a6.5 6.5 0 1 1 0 13 6.5 6.5 0 0 1 0-13ZM6.2 6.3a1.9 1.9 0 1 1 2.6 1.8c-.5.2-.8.6-.8 1.1v.4M8 11.3v.1',
  // shield
  exempt:
    'M8 1.5 13.5 3.5v4c0 3.3-2.3 5.9-5.5 7-3.2-1.1-5.5-3.7-5.5-7v-4L8 1.5ZM5.8 8l1.6 1.6 2.9-3',
};

/** The icon of a check state; decorative, the label carries the meaning. */
export function CheckStateIcon(props: { state: CheckState }) {
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
        d={ICON_PATHS[props.state]}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** A check's state as icon and text ("Pass", "Fail", "Exempt", …). */
export function CheckStateBadge(props: { state: CheckState }) {
  const { state } = props;
  return (
    <Badge
      size="small"
      className={`${styles.badge} ${styles[state] ?? ''}`}
      icon={<CheckStateIcon state={state} />}
      data-state={state}
    >
      {STATE_LABELS[state]}
    </Badge>
  );
}
