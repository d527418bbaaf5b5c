import { MaturityCriterionState } from '@flywheel/plugin-flywheel-common';
import {
  StatusBadge,
  StatusIconName,
  StatusTone,
} from '../../shared/StatusBadge';
import { CRITERION_STATE_LABELS } from '../maturityFormat';

const LOOKS: Record<
  MaturityCriterionState,
  { tone: StatusTone; icon: StatusIconName }
> = {
  met: { tone: 'success', icon: 'tick' },
  unmet: { tone: 'danger', icon: 'cross' },
  unknown: { tone: 'info', icon: 'question' },
  waived: { tone: 'neutral', icon: 'shield' },
};

/** A criterion's live status as icon and text: Met, Unmet, Unknown, Waived. */
export function CriterionStatusChip(props: { status: MaturityCriterionState }) {
  const { status } = props;
  const look = LOOKS[status] ?? LOOKS.unknown;
  return (
    <StatusBadge tone={look.tone} icon={look.icon} data-status={status}>
      {CRITERION_STATE_LABELS[status] ?? status}
    </StatusBadge>
  );
}
