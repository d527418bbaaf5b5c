/**
 * Values worked out from a wave's stored data, kept while they cannot
 * change: for good once the wave has closed, for `openTtlMs` while it is
 * open. Concurrent callers share one computation; a failed one is
 * forgotten rather than kept. Bounded: the oldest entry goes first.
 */
export class WaveCache<V> {
  private readonly entries = new Map<
    string,
    { at: number; closed: boolean; value: Promise<V> }
  >();

  constructor(
    private readonly options: { openTtlMs: number; maxEntries: number },
  ) {}

  get(key: string, closed: boolean, compute: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && (hit.closed || Date.now() - hit.at < this.options.openTtlMs)) {
      return hit.value;
    }
    const value = compute();
    value.catch(() => {
      if (this.entries.get(key)?.value === value) {
        this.entries.delete(key);
      }
    });
    this.entries.delete(key);
    if (this.entries.size >= this.options.maxEntries) {
      this.entries.delete(this.entries.keys().next().value!);
    }
    this.entries.set(key, { at: Date.now(), closed, value });
    return value;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}
