const now = () => performance.now();

/**
 * Accumulates, per phase, the wall time during which at least one of its
 * calls was in flight. The engine reads the next catalog page ahead and, on
 * PostgreSQL, writes in the background, so phases overlap; the time when no
 * call at all was in flight is the engine's own work.
 */
export class PhaseProfiler {
  private totals = new Map<string, number>();
  private inFlight = new Map<string, { count: number; since: number }>();
  private anyCount = 0;
  private anySince = 0;
  private anyTotal = 0;

  private begin(phase: string) {
    const state = this.inFlight.get(phase) ?? { count: 0, since: 0 };
    if (state.count++ === 0) {
      state.since = now();
    }
    this.inFlight.set(phase, state);
    if (this.anyCount++ === 0) {
      this.anySince = now();
    }
  }

  private end(phase: string) {
    const state = this.inFlight.get(phase)!;
    if (--state.count === 0) {
      this.totals.set(
        phase,
        (this.totals.get(phase) ?? 0) + now() - state.since,
      );
    }
    if (--this.anyCount === 0) {
      this.anyTotal += now() - this.anySince;
    }
  }

  reset() {
    this.totals.clear();
    this.inFlight.clear();
    this.anyCount = 0;
    this.anyTotal = 0;
  }

  get(phase: string) {
    return this.totals.get(phase) ?? 0;
  }

  /** Wall time with any call of any phase in flight. */
  get busy() {
    return this.anyTotal;
  }

  /** Wraps the async methods of an object so their time counts as `phase`. */
  wrap<T extends object>(target: T, phaseOf: (method: string) => string): T {
    return new Proxy(target, {
      get: (obj, prop, receiver) => {
        const value = Reflect.get(obj, prop, receiver);
        if (typeof value !== 'function' || typeof prop !== 'string') {
          return value;
        }
        const phase = phaseOf(prop);
        return (...args: unknown[]) => {
          this.begin(phase);
          let result: any;
          try {
            result = value.apply(obj, args);
          } catch (error) {
            this.end(phase);
            throw error;
          }
          if (result && typeof result.then === 'function') {
            return result.finally(() => this.end(phase));
          }
          this.end(phase);
          if (result && typeof result[Symbol.asyncIterator] === 'function') {
            return this.timeIterable(result, phase);
          }
          return result;
        };
      },
    });
  }

  /** Counts the time each page of an async iterable is in flight. */
  timeIterable<V>(iterable: AsyncIterable<V>, phase: string): AsyncIterable<V> {
    const begin = () => this.begin(phase);
    const end = () => this.end(phase);
    return {
      [Symbol.asyncIterator]() {
        const iterator = iterable[Symbol.asyncIterator]();
        return {
          async next() {
            begin();
            try {
              return await iterator.next();
            } finally {
              end();
            }
          },
          async return(value?: unknown) {
            return iterator.return
              ? iterator.return(value)
              : { done: true as const, value: undefined };
          },
        };
      },
    };
  }
}
