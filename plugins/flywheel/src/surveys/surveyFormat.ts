import {
  Estimate,
  Survey,
  SurveyAudience,
  SurveyHiddenReason,
  SurveyQuestionType,
  SurveySchedule,
  SurveyTrigger,
  SurveyWave,
} from '@flywheel/plugin-flywheel-common';
import { formatDate } from '../shared/format';
import { groupTitle, GroupTitles } from '../shared/groupTitles';

/** Question types in words. */
export const QUESTION_TYPE_LABELS: Record<SurveyQuestionType, string> = {
  nps: 'NPS (0–10)',
  csat: 'CSAT (1–5)',
  rating: 'Rating scale',
  'single-choice': 'Single choice',
  'multiple-choice': 'Multiple choice',
  text: 'Free text',
};

/** Short names of the question types, for lists. */
export const QUESTION_TYPE_SHORT: Record<SurveyQuestionType, string> = {
  nps: 'NPS',
  csat: 'CSAT',
  rating: 'Rating',
  'single-choice': 'Single choice',
  'multiple-choice': 'Multiple choice',
  text: 'Text',
};

/** The backend events a survey can be triggered by. */
export const KNOWN_TRIGGER_EVENTS: { id: string; label: string }[] = [
  {
    id: 'scaffolder.run.completed',
    label: 'A golden-path template run completed',
  },
  {
    id: 'deployment.first-production',
    label: 'The first production deployment of a new service',
  },
];

/** The kinds of a survey's questions, e.g. "NPS, CSAT, Text". */
export function questionKinds(survey: Pick<Survey, 'questions'>): string {
  const kinds = [...new Set(survey.questions.map(q => q.type))];
  return kinds.map(k => QUESTION_TYPE_SHORT[k]).join(', ');
}

function refName(ref: string): string {
  const name = ref.split('/').pop() ?? ref;
  return name;
}

/** Who a survey asks, in words. */
export function audienceSummary(
  audience: SurveyAudience,
  titles?: GroupTitles,
): string {
  switch (audience.type) {
    case 'everyone':
      return 'Everyone';
    case 'groups': {
      const names = audience.groupRefs.map(r => groupTitle(r, titles));
      return `Teams: ${names.join(', ')} (with sub-teams)`;
    }
    case 'golden-path-owners':
      return `Owners of services from ${audience.templateRefs
        .map(refName)
        .join(', ')}`;
    default:
      return '—';
  }
}

/** When a survey's waves open, in words. */
export function scheduleSummary(schedule: SurveySchedule): string {
  const from = formatDate(schedule.opensAt);
  if (schedule.recurrence === 'none') {
    return schedule.closesAt
      ? `Once, ${from} – ${formatDate(schedule.closesAt)}`
      : `Once, from ${from}`;
  }
  const every = schedule.recurrence === 'monthly' ? 'Monthly' : 'Quarterly';
  return `${every} from ${from}, ${schedule.waveDays ?? 14} days a wave`;
}

/** What makes a survey prompt someone, in words. */
export function triggerSummary(trigger: SurveyTrigger): string {
  switch (trigger.type) {
    case 'wave-open':
      return 'When a wave opens';
    case 'event':
      return `After the event ${trigger.event}`;
    case 'route':
      return `On pages under ${trigger.pathPrefix}`;
    default:
      return '—';
  }
}

const WAVE_STATUS: Record<SurveyWave['status'], string> = {
  scheduled: 'Scheduled',
  open: 'Open',
  closed: 'Closed',
};

/** A wave's status in words, e.g. "Open". */
export function waveStatusLabel(wave: SurveyWave): string {
  return WAVE_STATUS[wave.status];
}

/** A wave for a picker, e.g. "Wave 3 · Mar 1 – Mar 15, 2026 · open". */
export function waveLabel(wave: SurveyWave): string {
  return `Wave ${wave.number} · ${formatDate(wave.opensAt)} – ${formatDate(
    wave.closesAt,
  )} · ${waveStatusLabel(wave).toLocaleLowerCase('en-US')}`;
}

/** An NPS with its sign, e.g. "+32", "−8", "0". */
export function formatNps(value: number): string {
  const rounded = Math.round(value);
  if (rounded > 0) {
    return `+${rounded}`;
  }
  if (rounded < 0) {
    return `−${Math.abs(rounded)}`;
  }
  return '0';
}

/** A percentage rounded to a whole number, e.g. "78%". */
export function formatWholePercent(value: number): string {
  return `${Math.round(value)}%`;
}

/** Half the width of an interval, rounded: what "±" means. */
export function marginOfError(estimate: Estimate): number {
  return Math.round((estimate.high - estimate.low) / 2);
}

/** An estimate as "+32 ± 14" (NPS) or "78% ± 9" (CSAT). */
export function formatEstimate(
  estimate: Estimate,
  kind: 'nps' | 'csat',
): string {
  const value =
    kind === 'nps'
      ? formatNps(estimate.value)
      : formatWholePercent(estimate.value);
  return `${value} ± ${marginOfError(estimate)}`;
}

/** The 95% interval in words, e.g. "+18 to +45". */
export function formatInterval(
  estimate: Estimate,
  kind: 'nps' | 'csat',
): string {
  const format = kind === 'nps' ? formatNps : formatWholePercent;
  return `${format(estimate.low)} to ${format(estimate.high)}`;
}

/** Why a segment's numbers are not shown, in words. */
export function hiddenReasonText(
  reason: SurveyHiddenReason,
  minGroupSize: number,
): string {
  return reason === 'below-minimum'
    ? `Hidden: fewer than ${minGroupSize} responses`
    : 'Hidden to protect a smaller team';
}
