import { median, quantile } from '@flywheel/plugin-flywheel-common';
import type { Bucket, MetricSamples } from '../../interfaces/metricRegistry';
import { getOrCreate } from '../../lang/getOrCreate';
import type { Service } from '../services/ServiceDirectory';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** The deployment data of a window, read once per request. */
export interface ValueStreamData {
  deployments: { entityRef: string; success: boolean; finishedAt: Date }[];
  leadTimes: { entityRef: string; finishedAt: Date; seconds: number }[];
  recoveries: { entityRef: string; failedAt: Date; recoveredAt?: Date }[];
  firstDeployments: Map<string, Date>;
  /** Services that ever reported a production deployment. */
  reporting: Set<string>;
}

/**
 * A list of the data prepared once for all the buckets of a request (a
 * series asks for each of its 20-odd buckets in turn, over the same lists):
 * each row's time in milliseconds, its service, and, once a few services
 * are asked for, the rows of each service. The lists are never changed
 * once read; a list of another length is prepared again.
 */
interface PreparedRows {
  times: Float64Array;
  refs: string[];
  /** The times ascend (ValueStreamFacts sorts its lists). */
  sorted: boolean;
  /** How many services the rows are of. */
  services: number;
  byRef?: Map<string, number[]>;
}

const preparedRows = new WeakMap<readonly object[], PreparedRows>();

function prepare<T extends { entityRef: string }>(
  list: readonly T[],
  time: (row: T) => Date,
): PreparedRows {
  let rows = preparedRows.get(list);
  if (!rows || rows.times.length !== list.length) {
    const times = new Float64Array(list.length);
    const refs = new Array<string>(list.length);
    const services = new Set<string>();
    let sorted = true;
    for (let i = 0; i < list.length; i++) {
      times[i] = time(list[i]).getTime();
      refs[i] = list[i].entityRef;
      services.add(refs[i]);
      sorted = sorted && (i === 0 || times[i - 1] <= times[i]);
    }
    rows = { times, refs, sorted, services: services.size };
    preparedRows.set(list, rows);
  }
  return rows;
}

/** Each service's rows (indices, ascending), built once per list. */
function rowsByRef(rows: PreparedRows): Map<string, number[]> {
  if (!rows.byRef) {
    const byRef = new Map<string, number[]>();
    rows.refs.forEach((ref, i) => {
      const own = byRef.get(ref);
      if (own) {
        own.push(i);
      } else {
        byRef.set(ref, [i]);
      }
    });
    rows.byRef = byRef;
  }
  return rows.byRef;
}

/** Each row's position in its scope, per list and set of refs (scopeSlots). */
const slotsByRows = new WeakMap<
  PreparedRows,
  WeakMap<ReadonlySet<string>, Int32Array>
>();

/**
 * The rows (indices, in list order) of the services `refs` whose time is in
 * the bucket: a scan of the bucket's rows (of all rows when the list is not
 * sorted by time), or, when that is more work, each service's own rows.
 */
function rowsIn(
  rows: PreparedRows,
  refs: ReadonlySet<string>,
  bucket: Bucket,
): number[] {
  const start = bucket.start.getTime();
  const end = bucket.end.getTime();
  const { times } = rows;
  const at = (i: number) => times[i];
  const from = rows.sorted ? firstAtOrAfter(times.length, at, start) : 0;
  const to = rows.sorted ? firstAtOrAfter(times.length, at, end) : times.length;
  // A service's own rows: all of them, or (sorted) its bucket's after a search.
  const perService = rows.sorted
    ? refs.size * Math.log2(2 + times.length / Math.max(1, rows.services))
    : (refs.size * times.length) / Math.max(1, rows.services);
  const found: number[] = [];
  if (perService < (to - from) / 4) {
    const byRef = rowsByRef(rows);
    for (const ref of refs) {
      const own = byRef.get(ref);
      if (!own) {
        continue;
      }
      let k = rows.sorted
        ? firstAtOrAfter(own.length, j => times[own[j]], start)
        : 0;
      for (; k < own.length; k++) {
        const t = times[own[k]];
        if (t >= end && rows.sorted) {
          break;
        }
        if (t >= start && t < end) {
          found.push(own[k]);
        }
      }
    }
    return refs.size > 1 ? found.sort((a, b) => a - b) : found;
  }
  // Each row's service once per scope pays for a large scope; a small one
  // here (a short edge bucket) looks its rows' services up.
  const slots =
    refs.size * 8 >= rows.services
      ? scopeSlots(rows, refs)
      : slotsByRows.get(rows)?.get(refs);
  for (let i = from; i < to; i++) {
    const t = times[i];
    if (
      t >= start &&
      t < end &&
      (slots ? slots[i] >= 0 : refs.has(rows.refs[i]))
    ) {
      found.push(i);
    }
  }
  return found;
}

/**
 * The first of `count` positions whose time is at or after `t`, the times
 * ascending with the position.
 */
function firstAtOrAfter(
  count: number,
  timeAt: (position: number) => number,
  t: number,
): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (timeAt(mid) < t) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

/**
 * Each row's service as its position in `refList(refs)`, -1 for a service
 * not in the set; once per list and set of refs (a scope's set is the same
 * object on each request, see refsOf), so the buckets, metrics and windows
 * of a scope read a number per row instead of looking its service up.
 */
function scopeSlots(rows: PreparedRows, refs: ReadonlySet<string>): Int32Array {
  const bySet = getOrCreate(slotsByRows, rows, () => new WeakMap());
  return getOrCreate(bySet, refs, () => {
    const slotOf = slotMap(refs);
    return Int32Array.from(rows.refs, ref => slotOf.get(ref) ?? -1);
  });
}

const refLists = new WeakMap<
  ReadonlySet<string>,
  { list: string[]; slotOf: Map<string, number> }
>();

function refIndex(refs: ReadonlySet<string>) {
  return getOrCreate(refLists, refs, () => {
    const list = [...refs];
    return { list, slotOf: new Map(list.map((ref, k) => [ref, k])) };
  });
}

/** The refs in set order, once per set. */
function refList(refs: ReadonlySet<string>): string[] {
  return refIndex(refs).list;
}

/** Each ref's position in refList, once per set. */
function slotMap(refs: ReadonlySet<string>): Map<string, number> {
  return refIndex(refs).slotOf;
}

const reportingMasks = new WeakMap<
  ReadonlySet<string>,
  WeakMap<ReadonlySet<string>, Uint8Array>
>();

/** 1 for each ref of refList(refs) that ever reported a deployment. */
function reportingMask(
  refs: ReadonlySet<string>,
  reporting: ReadonlySet<string>,
): Uint8Array {
  const byReporting = getOrCreate(reportingMasks, refs, () => new WeakMap());
  return getOrCreate(byReporting, reporting, () =>
    Uint8Array.from(refList(refs), ref => (reporting.has(ref) ? 1 : 0)),
  );
}

const serviceRefs = new WeakMap<
  readonly Service[],
  { length: number; refs: Set<string> }
>();
const serviceCreated = new WeakMap<readonly Service[], Float64Array>();

/** The services' refs, once per list of services. */
function refsOf(services: readonly Service[]): Set<string> {
  let known = serviceRefs.get(services);
  if (!known || known.length !== services.length) {
    known = {
      length: services.length,
      refs: new Set(services.map(s => s.entityRef)),
    };
    serviceRefs.set(services, known);
  }
  return known.refs;
}

/** Each service's creation time in milliseconds (NaN when unknown). */
function createdOf(services: readonly Service[]): Float64Array {
  let created = serviceCreated.get(services);
  if (!created || created.length !== services.length) {
    created = Float64Array.from(services, s => s.createdAt?.getTime() ?? NaN);
    serviceCreated.set(services, created);
  }
  return created;
}

const valuesOf = (values: number[], value: number | null): MetricSamples => ({
  kind: 'values',
  values,
  value,
});

const shareOf = (successes: number, n: number): MetricSamples => ({
  kind: 'share',
  successes,
  n,
  value: n === 0 ? null : Math.round((1000 * successes) / n) / 10,
});

/**
 * The samples of one value-stream metric for some services in one bucket,
 * and the value they give (docs/metrics.md defines each).
 */
export function valueStreamSamples(
  metricId: string,
  services: readonly Service[],
  bucket: Bucket,
  data: ValueStreamData,
  options: { now: Date; withinDays: number },
): MetricSamples {
  const start = bucket.start.getTime();
  const end = bucket.end.getTime();
  switch (metricId) {
    case 'valueStream.timeToFirstDeploy.median':
    case 'valueStream.timeToFirstDeploy.p90': {
      const created = createdOf(services);
      const seconds: number[] = [];
      services.forEach((service, i) => {
        // NaN (no creation time) is in no bucket.
        if (!(created[i] >= start && created[i] < end)) {
          return;
        }
        const deployed = data.firstDeployments.get(service.entityRef);
        if (deployed) {
          seconds.push(Math.max(0, (deployed.getTime() - created[i]) / 1000));
        }
      });
      const q = metricId.endsWith('p90') ? 0.9 : 0.5;
      return valuesOf(seconds, quantile(seconds, q));
    }
    case 'valueStream.deployedWithinDays': {
      const created = createdOf(services);
      const window = options.withinDays * DAY_MS;
      const now = options.now.getTime();
      let n = 0;
      let deployedInTime = 0;
      services.forEach((service, i) => {
        if (!(created[i] >= start && created[i] < end)) {
          return; // not created here (or not known when)
        }
        if (created[i] + window > now) {
          return; // its N days are not over yet
        }
        n++;
        const deployed = data.firstDeployments.get(service.entityRef);
        if (deployed && deployed.getTime() - created[i] <= window) {
          deployedInTime++;
        }
      });
      return shareOf(deployedInTime, n);
    }
    case 'valueStream.leadTime.median': {
      const rows = prepare(data.leadTimes, t => t.finishedAt);
      const seconds = rowsIn(rows, refsOf(services), bucket).map(
        i => data.leadTimes[i].seconds,
      );
      return valuesOf(seconds, median(seconds));
    }
    case 'valueStream.deploymentFrequency': {
      const weeks = (end - start) / WEEK_MS;
      const refs = refsOf(services);
      const rows = prepare(data.deployments, d => d.finishedAt);
      const found = rowsIn(rows, refs, bucket);
      // Successful deployments per service, by its position in refList.
      const counts = new Int32Array(refs.size);
      const slots = slotsByRows.get(rows)?.get(refs);
      const slotOf = slotMap(refs);
      for (const i of found) {
        if (data.deployments[i].success) {
          counts[slots ? slots[i] : slotOf.get(rows.refs[i])!]++;
        }
      }
      const reported = reportingMask(refs, data.reporting);
      const perWeek: number[] = [];
      for (let k = 0; k < counts.length; k++) {
        if (reported[k] === 1) {
          perWeek.push(Math.round((100 * counts[k]) / weeks) / 100);
        }
      }
      return valuesOf(perWeek, median(perWeek));
    }
    case 'valueStream.deployments': {
      const rows = prepare(data.deployments, d => d.finishedAt);
      let n = 0;
      for (const i of rowsIn(rows, refsOf(services), bucket)) {
        n += data.deployments[i].success ? 1 : 0;
      }
      return { kind: 'share', successes: n, n, value: n };
    }
    case 'valueStream.changeFailureRate': {
      const rows = prepare(data.deployments, d => d.finishedAt);
      const inScope = rowsIn(rows, refsOf(services), bucket);
      let failed = 0;
      for (const i of inScope) {
        failed += data.deployments[i].success ? 0 : 1;
      }
      return shareOf(failed, inScope.length);
    }
    case 'valueStream.recoveryTime.median': {
      const rows = prepare(data.recoveries, r => r.failedAt);
      const seconds: number[] = [];
      for (const i of rowsIn(rows, refsOf(services), bucket)) {
        const r = data.recoveries[i];
        if (r.recoveredAt) {
          seconds.push((r.recoveredAt.getTime() - r.failedAt.getTime()) / 1000);
        }
      }
      return valuesOf(seconds, median(seconds));
    }
    default:
      throw new Error(`Not a value-stream metric: ${metricId}`);
  }
}

/** How many samples a value rests on. */
export function sampleSize(samples: MetricSamples): number {
  return samples.kind === 'values' ? samples.values.length : samples.n;
}
