import {
  CampaignDay,
  CampaignProjection,
} from '@flywheel/plugin-flywheel-common';

const DAY_MS = 86_400_000;
/** Days of recent history the pace is measured over. */
export const PACE_DAYS = 14;

/** Two-sided 80 % quantiles of Student's t by degrees of freedom. */
const T80 = [
  3.078, 1.886, 1.638, 1.533, 1.476, 1.44, 1.415, 1.397, 1.383, 1.372, 1.363,
  1.356,
];
const t80 = (df: number) => T80[df - 1] ?? 1.35;

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
const dayString = (n: number) =>
  new Date(Math.round(n) * DAY_MS).toISOString().slice(0, 10);

/**
 * When the campaign finishes at its recent pace: a least-squares line
 * through the met counts of the last `PACE_DAYS` recorded days, extended to
 * the target (every entity not exempt). The range comes from the slope's
 * 80 % interval; with fewer than three days, or no positive pace, the
 * projection is of low confidence and may have no date.
 */
export function projectCompletion(options: {
  days: readonly CampaignDay[];
  deadline: string;
  today: string;
}): CampaignProjection | undefined {
  const { days, deadline, today } = options;
  const last = days[days.length - 1];
  if (!last) {
    return undefined;
  }
  const target = last.cohort - last.exempt;
  const remaining = target - last.met;
  const deadlineDay = dayNumber(deadline.slice(0, 10));
  const todayN = dayNumber(today);
  if (remaining <= 0) {
    return {
      pacePerWeek: 0,
      basisDays: 0,
      date: last.day,
      earliest: last.day,
      latest: last.day,
      confidence: 'high',
      onTrack: true,
      summary: 'Every entity not exempt meets the goal.',
    };
  }
  const from = todayN - PACE_DAYS;
  const basis = days.filter(d => dayNumber(d.day) > from);
  const n = basis.length;
  const xs = basis.map(d => dayNumber(d.day));
  const ys = basis.map(d => d.met);
  const mx = xs.reduce((a, b) => a + b, 0) / Math.max(n, 1);
  const my = ys.reduce((a, b) => a + b, 0) / Math.max(n, 1);
  const sxx = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  const slope =
    n >= 2 && sxx > 0
      ? xs.reduce((a, x, i) => a + (x - mx) * (ys[i] - my), 0) / sxx
      : 0;
  const basisDays = n >= 2 ? Math.round(xs[n - 1] - xs[0]) + 1 : n;
  const pacePerWeek = Math.round(slope * 7 * 10) / 10;
  if (slope <= 0) {
    return {
      pacePerWeek: Math.max(0, pacePerWeek),
      basisDays,
      confidence: 'low',
      onTrack: false,
      summary: `No progress over the last ${basisDays} day${
        basisDays === 1 ? '' : 's'
      }: at this pace the ${remaining} entit${
        remaining === 1 ? 'y' : 'ies'
      } left are not done by the deadline.`,
    };
  }
  const projected = todayN + remaining / slope;
  let earliest: number | undefined;
  let latest: number | undefined;
  if (n >= 3) {
    const residuals = xs.reduce(
      (a, x, i) => a + (ys[i] - (my + slope * (x - mx))) ** 2,
      0,
    );
    const se = Math.sqrt(residuals / (n - 2) / sxx);
    const spread = t80(n - 2) * se;
    earliest = todayN + remaining / (slope + spread);
    latest =
      slope - spread > 0 ? todayN + remaining / (slope - spread) : undefined;
  }
  const onTrack = projected <= deadlineDay;
  let confidence: CampaignProjection['confidence'] = 'low';
  if (n >= 5 && earliest !== undefined && latest !== undefined) {
    const sameSide = earliest <= deadlineDay === latest <= deadlineDay;
    confidence = sameSide ? 'high' : 'medium';
  } else if (n >= 3) {
    confidence = 'medium';
  }
  const date = dayString(Math.ceil(projected));
  let range = '';
  if (earliest !== undefined && latest !== undefined) {
    range = ` (likely between ${dayString(Math.ceil(earliest))} and ${dayString(
      Math.ceil(latest),
    )})`;
  } else if (earliest !== undefined) {
    range = ` (not before ${dayString(
      Math.ceil(earliest),
    )}; the pace varies too much to say how late)`;
  }
  return {
    pacePerWeek,
    basisDays,
    date,
    ...(earliest !== undefined
      ? { earliest: dayString(Math.ceil(earliest)) }
      : {}),
    ...(latest !== undefined ? { latest: dayString(Math.ceil(latest)) } : {}),
    confidence,
    onTrack,
    summary: `At ${pacePerWeek} a week, the ${remaining} entit${
      remaining === 1 ? 'y' : 'ies'
    } left are done by ${date}${range}: ${
      onTrack ? 'before' : 'after'
    } the deadline.`,
  };
}

/** The straight line from the baseline at the start to the target at the deadline. */
export function idealLine(options: {
  startsAt: string;
  deadline: string;
  baselineMet: number;
  target: number;
}): { day: string; met: number }[] {
  return [
    { day: options.startsAt.slice(0, 10), met: options.baselineMet },
    { day: options.deadline.slice(0, 10), met: options.target },
  ];
}
