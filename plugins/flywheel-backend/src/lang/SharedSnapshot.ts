/** A value read as a whole, with a string that tells equal contents apart. */
export interface Fingerprinted {
  /** Its content as one string: equal strings, equal values. */
  readonly fingerprint: string;
}

/** After a change is announced, the soonest the value is read again. */
const CHANGE_REREAD_MS = 5_000;

/** Runs `fn` after `ms` without keeping the process alive. */
function unrefTimeout(fn: () => void, ms: number): void {
  setTimeout(fn, ms).unref?.();
}

/**
 * One value for every request, read again once older than `ttlMs` or than
 * a change announced with `changed()`. Once stale it is still served while
 * the next one is read in the background, up to ten times its age limit;
 * concurrent requests share one read, a failed read is retried by the next
 * request, and a read equal to the last (same fingerprint) keeps the same
 * object, so what callers derived from it stays.
 *
 * An announced change is read by itself, not on the next request (which
 * would be served the old value): at once after a quiet spell, then at
 * most every 5 s, so that the person who just created a service sees it.
 */
export class SharedSnapshot<T extends Fingerprinted> {
  private current?: { at: number; value: T };
  private reading?: Promise<T>;
  private changedAt = -Infinity;
  private rereadScheduled = false;

  constructor(
    private readonly deps: {
      load: () => Promise<T>;
      ttlMs: number;
      now?: () => number;
      schedule?: (fn: () => void, ms: number) => void;
    },
  ) {}

  /** What the value is read from changed: it is read again soon. */
  changed(): void {
    this.changedAt = this.now();
    this.rereadSoon();
  }

  private rereadSoon() {
    if (this.rereadScheduled || !this.current) {
      return;
    }
    this.rereadScheduled = true;
    const wait = Math.max(0, this.current.at + CHANGE_REREAD_MS - this.now());
    (this.deps.schedule ?? unrefTimeout)(() => {
      this.rereadScheduled = false;
      // A read under way may have started before the change.
      const underWay = this.reading?.catch(() => undefined);
      Promise.resolve(underWay).then(() => {
        const current = this.current;
        if (!current || this.changedAt < current.at) {
          return;
        }
        if (this.now() - current.at >= CHANGE_REREAD_MS) {
          this.read().catch(() => {}); // the next request tries again
        } else {
          this.rereadSoon();
        }
      });
    }, wait);
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
