/** A value read as a whole, with a string that tells equal contents apart. */
export interface Fingerprinted {
  /** Its content as one string: equal strings, equal values. */
  readonly fingerprint: string;
}

/** After a change is announced, the soonest the value is read again. */
const CHANGE_REREAD_MS = 5_000;

/**
 * One value for every request, read again once older than `ttlMs` or than
 * a change announced with `changed()` (at most every 5 s). Once stale it is
 * still served while the next one is read in the background, up to ten
 * times its age limit; concurrent requests share one read, a failed read is
 * retried by the next request, and a read equal to the last (same
 * fingerprint) keeps the same object, so what callers derived from it stays.
 */
export class SharedSnapshot<T extends Fingerprinted> {
  private current?: { at: number; value: T };
  private reading?: Promise<T>;
  private changedAt = -Infinity;

  constructor(
    private readonly deps: {
      load: () => Promise<T>;
      ttlMs: number;
      now?: () => number;
    },
  ) {}

  /** What the value is read from changed. */
  changed(): void {
    this.changedAt = this.now();
  }

  async get(): Promise<T> {
    const age = this.current ? this.now() - this.current.at : Infinity;
    const changedSince =
      this.current !== undefined && this.changedAt >= this.current.at;
    if (age < this.deps.ttlMs && !(changedSince && age >= CHANGE_REREAD_MS)) {
      return this.current!.value;
    }
    const next = this.read();
    if (age < 10 * this.deps.ttlMs) {
      next.catch(() => {}); // served stale; the next request tries again
      return this.current!.value;
    }
    return next;
  }

  private read(): Promise<T> {
    if (!this.reading) {
      const startedAt = this.now();
      this.reading = this.deps
        .load()
        .then(loaded => {
          const value =
            this.current?.value.fingerprint === loaded.fingerprint
              ? this.current.value
              : loaded;
          this.current = { at: startedAt, value };
          return value;
        })
        .finally(() => {
          this.reading = undefined;
        });
    }
    return this.reading;
  }

  private now() {
    return this.deps.now?.() ?? Date.now();
  }
}
