import type { Bucket, MetricValue } from '../../interfaces/metricRegistry';
import { getOrCreate } from '../../lang/getOrCreate';
import {
  ACTIVE_USERS,
  ACTIVE_USER_SHARE,
  NEW_USERS,
  RETURNING_USERS,
  STICKINESS,
} from './definitions';
import { DAY_MS } from './store/usageRows';
import type { UserDay } from './store/UsageStore';

/** The usage data of a window, read once per request. */
export interface UsageData {
  /** Distinct (person, UTC day) pairs with an event inside the window. */
  activity: readonly UserDay[];
  /** Each active person's first day with an event (retention permitting). */
  firstDays: ReadonlyMap<string, number>;
  /**
   * When the window starts within a day: the people who had an event on
   * that day before it (their first day may be that day, yet they are not
   * new in the window).
   */
  activeBeforeWindow: ReadonlySet<string>;
  /** The window's start. */
  from: Date;
}

/** Who counts: undefined for everyone in the data. */
export interface UsagePopulation {
  /** The catalog's people in scope, as the reader sees them: the share's denominator. */
  people?: ReadonlySet<string>;
}

/** The UTC days [first, end) that overlap a bucket, partial days included. */
export function bucketDays(bucket: Bucket): { first: number; end: number } {
  return {
    first: Math.floor(bucket.start.getTime() / DAY_MS),
    end: Math.ceil(bucket.end.getTime() / DAY_MS),
  };
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/**
 * Longer activity lists are indexed by day once, so that each bucket reads
 * only its own days: a 26-week series of the organisation otherwise scans
 * every (person, day) of the window 26 times. An entity's few rows are
 * cheaper to scan than to index.
 */
const INDEX_FROM_ROWS = 512;
const activityIndex = new WeakMap<
  readonly UserDay[],
  ReadonlyMap<number, readonly string[]>
>();

function peopleByDay(
  activity: readonly UserDay[],
): ReadonlyMap<number, readonly string[]> {
  return getOrCreate(activityIndex, activity, () => {
    const index = new Map<number, string[]>();
    for (const { userRef, day } of activity) {
      getOrCreate(index, day, () => []).push(userRef);
    }
    return index;
  });
}

/** The distinct people active in [first, end) and their (person, day) count. */
function activeIn(
  activity: readonly UserDay[],
  first: number,
  end: number,
): { active: Set<string>; userDays: number } {
  const active = new Set<string>();
  let userDays = 0;
  if (activity.length < INDEX_FROM_ROWS) {
    for (const { userRef, day } of activity) {
      if (day >= first && day < end) {
        active.add(userRef);
        userDays++;
      }
    }
    return { active, userDays };
  }
  const index = peopleByDay(activity);
  for (let day = first; day < end; day++) {
    for (const userRef of index.get(day) ?? []) {
      active.add(userRef);
      userDays++;
    }
  }
  return { active, userDays };
}

/**
 * One usage metric in one bucket (docs/metrics.md defines each). The data
 * only holds events inside the window, and a bucket's inner boundaries are
 * whole UTC days, so a day belongs to the bucket it overlaps.
 */
export function usageValue(
  metricId: string,
  bucket: Bucket,
  data: UsageData,
  population: UsagePopulation = {},
): MetricValue {
  const { first, end } = bucketDays(bucket);
  const { active, userDays } = activeIn(data.activity, first, end);
  switch (metricId) {
    case ACTIVE_USERS:
      return { value: active.size, sampleSize: active.size };
    case STICKINESS: {
      if (active.size === 0) {
        return { value: null, sampleSize: 0 };
      }
      const meanDaily = userDays / (end - first);
      return {
        value: round1((100 * meanDaily) / active.size),
        sampleSize: active.size,
      };
    }
    case NEW_USERS:
    case RETURNING_USERS: {
      const startsWindow =
        bucket.start.getTime() === data.from.getTime() &&
        data.from.getTime() % DAY_MS !== 0;
      let fresh = 0;
      for (const userRef of active) {
        const firstDay = data.firstDays.get(userRef);
        const isNew =
          firstDay !== undefined &&
          firstDay >= first &&
          !(
            startsWindow &&
            firstDay === first &&
            data.activeBeforeWindow.has(userRef)
          );
        fresh += isNew ? 1 : 0;
      }
      const n = metricId === NEW_USERS ? fresh : active.size - fresh;
      return { value: n, sampleSize: n };
    }
    case ACTIVE_USER_SHARE: {
      const people = population.people;
      if (!people || people.size === 0) {
        return { value: null, sampleSize: 0 };
      }
      let activePeople = 0;
      for (const userRef of active) {
        activePeople += people.has(userRef) ? 1 : 0;
      }
      return {
        value: round1((100 * activePeople) / people.size),
        sampleSize: people.size,
      };
    }
    default:
      throw new Error(`Not a usage metric: ${metricId}`);
  }
}
