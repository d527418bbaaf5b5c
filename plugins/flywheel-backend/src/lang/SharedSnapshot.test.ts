import { SharedSnapshot } from './SharedSnapshot';

function setup() {
  let now = 0;
  let content = 'a';
  let fail = false;
  const load = jest.fn(async () => {
    if (fail) {
      throw new Error('catalog unavailable');
    }
    return { fingerprint: content };
  });
  const shared = new SharedSnapshot({ load, ttlMs: 60_000, now: () => now });
  return {
    shared,
    load,
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

const settle = () => new Promise(resolve => setTimeout(resolve, 0));

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
});
