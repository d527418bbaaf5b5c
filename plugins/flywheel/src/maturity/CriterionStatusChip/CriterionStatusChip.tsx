import { MaturityCriterionState } from '@flywheel/plugin-flywheel-common';
import { Badge } from '@backstage/ui';
import { CRITERION_STATE_LABELS } from '../maturityFormat';
import styles from './CriterionStatusChip.module.css';

// 16×16 outline icons, one shape per status so it reads without colour.
const ICON_PATHS: Record<MaturityCriterionState, string> = {
  // circle with a tick
  met: 'M8 1.5a6.5 6.5 0 1 1 0 13 6.5 6.5 0 0 1 0-13ZM5 8.2l2 2 4-4.2',
  // circle with a cross
  unmet:
    'M8 1.5a6.5 6.5 0 1 1 0 13 6.5 6.5 0 0 1 0-13ZM5.7 5.7l4.6 4.6M10.3 5.7l-4.6 4.6',
  // circle with a question mark
  unknown:
    'M8 1.5a6.5 6.5 0 1 1 0 13 6.5 6.5 0 0 1 0-13ZM6.2 6.3a1.9 1.9 0 1 1 2.6 1.8c-.5.2-.8.6-.8 1.1v.4M8 11.3v.1',
  // shield
  waived:
    'M8 1.5 13.5 3.5v4c0 3.3-2.3 5.9-5.5 7-3.2-1.1-5.5-3.7-5.5-7v-4L8 1.5ZM5.8 8l1.6 1.6 2.9-3',
};

/** The icon of a criterion's status; decorative, the label carries the meaning. */
export function CriterionStatusIcon(props: { status: MaturityCriterionState }) {
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
        d={ICON_PATHS[props.status]}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** A criterion's live status as icon and text: Met, Unmet, Unknown, Waived. */
export function CriterionStatusChip(props: { status: MaturityCriterionState }) {
  const { status } = props;
  return (
    <Badge
      size="small"
      className={`${styles.chip} ${styles[status] ?? ''}`}
      icon={<CriterionStatusIcon status={status} />}
      data-status={status}
    >
      {CRITERION_STATE_LABELS[status] ?? status}
    </Badge>
  );
}
