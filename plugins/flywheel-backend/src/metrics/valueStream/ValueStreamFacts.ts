import { DeploymentStore } from '../store/DeploymentStore';
import type { ValueStreamData } from './samples';

/** How often, at most, the store is asked whether anything changed. */
export const DEFAULT_CHECK_INTERVAL_MS = 1000;
/**
 * How often, at most, changes are merged in: each merge makes new lists, and
 * everything computed from the old ones (every cached series) is computed
 * again (a second or two of CPU at 20,000 services, docs/performance.md),
 * so a stream of deployments is taken in batches, as the catalog's services
 * are (a minute).
 */
export const DEFAULT_MERGE_INTERVAL_MS = 60_000;
/** More services changed than this and everything is read again. */
const DEFAULT_PARTIAL_LIMIT = 2000;

const EVERYTHING = {
  from: new Date(0),
  to: new Date('9999-12-31T00:00:00Z'),
};

interface Facts {
  version: number;
  checkedAt: number;
  /** When changes were last merged in (-Infinity: none since the read). */
  mergedAt: number;
  data: ValueStreamData;
}

/**
 * Every service's value-stream facts (production deployments, lead times,
 * recoveries, first deployments), kept in memory with each list sorted by
 * time, so a series is computed without reading 650,000 rows per request
 * (docs/performance.md). The store's data version is asked at most once a
 * `checkIntervalMs` (and right after this replica wrote); when it moved,
 * only the services written since are read again and merged in, at most
 * once a `mergeIntervalMs`: the first change after a quiet spell at once,
 * a stream of them in batches. After a large backfill everything is read
 * again in the background while the previous facts are served.
 *
 * The lists are never changed once handed out: a change makes new ones, so
 * what is derived from a list (samples.ts) stays valid for it.
 */
export class ValueStreamFacts {
  private current?: Facts;
  private refreshing?: Promise<ValueStreamData>;
  private reloading?: Promise<void>;
  private changedHere = false;
  private readonly checkIntervalMs: number;
  private readonly mergeIntervalMs: number;

  constructor(
    private readonly deps: {
      store: DeploymentStore;
      checkIntervalMs?: number;
      mergeIntervalMs?: number;
      partialLimit?: number;
      now?: () => number;
    },
  ) {
    this.checkIntervalMs = deps.checkIntervalMs ?? DEFAULT_CHECK_INTERVAL_MS;
    this.mergeIntervalMs = deps.mergeIntervalMs ?? DEFAULT_MERGE_INTERVAL_MS;
    deps.store.onChange(() => {
      this.changedHere = true;
    });
  }

  async data(): Promise<ValueStreamData> {
    const current = this.current;
    if (current) {
      const now = this.now();
      const due =
        this.changedHere || now - current.checkedAt >= this.checkIntervalMs;
      const mergeable = now - current.mergedAt >= this.mergeIntervalMs;
      if (this.reloading || !due || !mergeable) {
        return current.data;
      }
    }
    if (!this.refreshing) {
      this.refreshing = this.refresh().finally(() => {
        this.refreshing = undefined;
      });
    }
    return this.refreshing;
  }

  private async refresh(): Promise<ValueStreamData> {
    this.changedHere = false;
    const checkedAt = this.now();
    const { store } = this.deps;
    // The version first: what is read after it may be newer, never older.
    const version = await store.dataVersion();
    const current = this.current;
    if (!current) {
      const data = await this.read();
      this.current = { version, checkedAt, mergedAt: -Infinity, data };
      return data;
    }
    if (version === current.version) {
      current.checkedAt = checkedAt;
      return current.data;
    }
    const changed = await store.servicesChangedSince(current.version);
    if (changed.length > (this.deps.partialLimit ?? DEFAULT_PARTIAL_LIMIT)) {
      this.reloadInBackground(version);
      return current.data;
    }
    const fresh = changed.length > 0 ? await this.read(changed) : undefined;
    const data = fresh
      ? merge(current.data, fresh, new Set(changed))
      : current.data;
    if (this.current === current) {
      this.current = {
        version,
        checkedAt,
        mergedAt: fresh ? checkedAt : current.mergedAt,
        data,
      };
    }
    return data;
  }

  private reloadInBackground(version: number) {
    const checkedAt = this.now();
    this.reloading = this.read()
      .then(data => {
        this.current = { version, checkedAt, mergedAt: checkedAt, data };
      })
      .catch(() => {
        // The current facts stay; the next check tries again.
      })
      .finally(() => {
        this.reloading = undefined;
      });
  }

  /** Everything, or every row of some services, each list sorted by time. */
  private async read(entityRefs?: string[]): Promise<ValueStreamData> {
    const { store } = this.deps;
    const query = { entityRefs, ...EVERYTHING };
    const [deployments, leadTimes, recoveries, firstDeployments, reporting] =
      await Promise.all([
        store.productionDeployments(query),
        store.leadTimes(query),
        store.recoveries(query),
        store.firstDeployments(entityRefs),
        store.reportingServices(entityRefs),
      ]);
    // One string per service instead of one per row (1.3 million at
    // 20,000 services over two years).
    const refs = new Map<string, string>();
    const intern = (row: { entityRef: string }) => {
      const known = refs.get(row.entityRef);
      if (known === undefined) {
        refs.set(row.entityRef, row.entityRef);
      } else {
        row.entityRef = known;
      }
    };
    deployments.forEach(intern);
    leadTimes.forEach(intern);
    recoveries.forEach(intern);
    return {
      deployments: sortedByTime(deployments, d => d.finishedAt),
      leadTimes: sortedByTime(leadTimes, t => t.finishedAt),
      recoveries: sortedByTime(recoveries, r => r.failedAt),
      firstDeployments,
      reporting,
    };
  }

  private now() {
    return this.deps.now?.() ?? Date.now();
  }
}

function sortedByTime<T>(list: T[], time: (row: T) => Date): T[] {
  const times = Float64Array.from(list, row => time(row).getTime());
  const order = Uint32Array.from(list, (_, i) => i);
  order.sort((a, b) => times[a] - times[b] || a - b);
  return Array.from(order, i => list[i]);
}

/** The old lists without the changed services, merged with their new rows. */
function merge(
  old: ValueStreamData,
  fresh: ValueStreamData,
  changed: ReadonlySet<string>,
): ValueStreamData {
  const firstDeployments = new Map(old.firstDeployments);
  const reporting = new Set(old.reporting);
  for (const ref of changed) {
    firstDeployments.delete(ref);
    reporting.delete(ref);
  }
  fresh.firstDeployments.forEach((at, ref) => firstDeployments.set(ref, at));
  fresh.reporting.forEach(ref => reporting.add(ref));
  return {
    deployments: mergeSorted(
      old.deployments,
      fresh.deployments,
      changed,
      d => d.finishedAt,
    ),
    leadTimes: mergeSorted(
      old.leadTimes,
      fresh.leadTimes,
      changed,
      t => t.finishedAt,
    ),
    recoveries: mergeSorted(
      old.recoveries,
      fresh.recoveries,
      changed,
      r => r.failedAt,
    ),
    firstDeployments,
    reporting,
  };
}

function mergeSorted<T extends { entityRef: string }>(
  old: readonly T[],
  fresh: readonly T[],
  changed: ReadonlySet<string>,
  time: (row: T) => Date,
): T[] {
  const merged: T[] = [];
  let j = 0;
  for (const row of old) {
    if (changed.has(row.entityRef)) {
      continue;
    }
    const t = time(row).getTime();
    while (j < fresh.length && time(fresh[j]).getTime() < t) {
      merged.push(fresh[j++]);
    }
    merged.push(row);
  }
  while (j < fresh.length) {
    merged.push(fresh[j++]);
  }
  return merged;
}
