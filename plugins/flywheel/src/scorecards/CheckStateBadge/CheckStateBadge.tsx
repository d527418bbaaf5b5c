import { CheckState } from '@flywheel/plugin-flywheel-common';
import {
  StatusBadge,
  StatusIconName,
  StatusTone,
} from '../../shared/StatusBadge';
import { STATE_LABELS } from '../model';

const LOOKS: Record<CheckState, { tone: StatusTone; icon: StatusIconName }> = {
  pass: { tone: 'success', icon: 'tick' },
  warn: { tone: 'warning', icon: 'warning' },
  fail: { tone: 'danger', icon: 'cross' },
  'not-applicable': { tone: 'muted', icon: 'dash' },
  unknown: { tone: 'info', icon: 'question' },
  exempt: { tone: 'neutral', icon: 'shield' },
};

/** A check's state as icon and text ("Pass", "Fail", "Exempt", …). */
export function CheckStateBadge(props: { state: CheckState }) {
  const { state } = props;
  const look = LOOKS[state] ?? LOOKS.unknown;
  return (
    <StatusBadge tone={look.tone} icon={look.icon} data-state={state}>
      {STATE_LABELS[state] ?? state}
    </StatusBadge>
  );
}
