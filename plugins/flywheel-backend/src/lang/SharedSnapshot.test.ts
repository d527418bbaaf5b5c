import { SharedSnapshot } from './SharedSnapshot';

const settle = () => new Promise(resolve => setTimeout(resolve, 0));

function setup() {
  let now = 0;
  let content = 'a';
  let fail = false;
  let gate: Promise<void> | undefined;
  const load = jest.fn(async () => {
    const read = content;
    await gate;
    if (fail) {
      throw new Error('catalog unavailable');
    }
    return { fingerprint: read };
  });
  // Re-reads the snapshot schedules by itself, run when the test says.
  const timers: { fn: () => void; ms: number }[] = [];
  const shared = new SharedSnapshot({
    load,
    ttlMs: 60_000,
    now: () => now,
    schedule: (fn, ms) => timers.push({ fn, ms }),
  });
  return {
    shared,
    load,
    timers,
    /** Runs the timers due, as the clock stands. */
    runTimers: async () => {
      for (const timer of timers.splice(0)) {
        timer.fn();
      }
      await settle();
    },
    /** Reads started from now on wait until the returned function is called. */
    hold: () => {
      let release!: () => void;
      gate = new Promise(resolve => {
        release = resolve;
      });
      return () => {
        gate = undefined;
        release();
      };
    },
    advance: (ms: number) => {
      now += ms;
    },
    set: (next: string) => {
      content = next;
    },
    failing: (value: boolean) => {
      fail = value;
    },
  };
}

describe('SharedSnapshot', () => {
  it('reads once for concurrent first requests, then serves that value for its age limit', async () => {
    const { shared, load, advance } = setup();
    const [a, b] = await Promise.all([shared.get(), shared.get()]);
    expect(a).toBe(b);
    expect(load).toHaveBeenCalledTimes(1);
    advance(59_000);
    expect(await shared.get()).toBe(a);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('once stale, serves the last value while the next is read, keeping it when nothing changed', async () => {
    const { shared, load, advance, set } = setup();
    const first = await shared.get();
    advance(61_000);
    expect(await shared.get()).toBe(first);
    expect(load).toHaveBeenCalledTimes(2);
    await settle();
    // Same content: the same object, so what was derived from it stays.
    expect(await shared.get()).toBe(first);
    set('b');
    advance(61_000);
    expect(await shared.get()).toBe(first); // served stale once more
    await settle();
    expect((await shared.get()).fingerprint).toBe('b');
  });

  it('waits for a fresh read when ten times too old', async () => {
    const { shared, advance, set } = setup();
    await shared.get();
    set('b');
    advance(600_000);
    expect((await shared.get()).fingerprint).toBe('b');
  });

  it('reads again 5 s after an announced change, not sooner', async () => {
    const { shared, load, advance, set } = setup();
    const first = await shared.get();
    set('b');
    shared.changed();
    advance(1_000);
    expect(await shared.get()).toBe(first);
    expect(load).toHaveBeenCalledTimes(1);
    advance(4_000);
    expect(await shared.get()).toBe(first);
    expect(load).toHaveBeenCalledTimes(2);
    await settle();
    expect((await shared.get()).fingerprint).toBe('b');
  });

  it('keeps serving the last value when a read fails, and tries again on the next request', async () => {
    const { shared, load, advance, failing } = setup();
    const first = await shared.get();
    failing(true);
    advance(61_000);
    expect(await shared.get()).toBe(first);
    await settle();
    expect(await shared.get()).toBe(first);
    expect(load).toHaveBeenCalledTimes(3);
    failing(false);
    await settle();
    expect(await shared.get()).toBe(first);
  });

  it('reads an announced change by itself, at once after a quiet spell', async () => {
    const { shared, load, advance, set, timers, runTimers } = setup();
    await shared.get();
    advance(30_000);
    set('b');
    shared.changed();
    expect(timers.map(t => t.ms)).toEqual([0]);
    await runTimers();
    expect(load).toHaveBeenCalledTimes(2);
    // The first request after the change is served the new value.
    expect((await shared.get()).fingerprint).toBe('b');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('reads changes in a burst at most every 5 s, the last one included', async () => {
    const { shared, load, advance, set, timers, runTimers } = setup();
    await shared.get();
    advance(30_000);
    shared.changed();
    await runTimers(); // read at 30 s
    advance(1_000);
    set('c');
    shared.changed();
    shared.changed(); // one timer for both
    expect(timers.map(t => t.ms)).toEqual([4_000]);
    advance(4_000);
    await runTimers();
    expect(load).toHaveBeenCalledTimes(3);
    expect((await shared.get()).fingerprint).toBe('c');
  });

  it('reads again after a read that started before the change', async () => {
    const { shared, load, advance, set, runTimers, hold } = setup();
    await shared.get();
    advance(61_000);
    const release = hold();
    await shared.get(); // stale: a read starts in the background
    set('b');
    advance(5_000);
    shared.changed();
    const timer = runTimers(); // waits for the read under way
    release();
    await timer;
    await settle();
    expect(load).toHaveBeenCalledTimes(3);
    expect((await shared.get()).fingerprint).toBe('b');
  });
});
