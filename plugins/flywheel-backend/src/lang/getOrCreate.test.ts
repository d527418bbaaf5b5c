import { getOrCreate } from './getOrCreate';

describe('getOrCreate', () => {
  it('creates a missing value once and keeps it, in a Map or a WeakMap', () => {
    const create = jest.fn(() => ['made']);
    const map = new Map<string, string[]>();
    const first = getOrCreate(map, 'a', create);
    expect(getOrCreate(map, 'a', create)).toBe(first);
    expect(create).toHaveBeenCalledTimes(1);
    const key = {};
    const weak = new WeakMap<object, number>();
    expect(getOrCreate(weak, key, () => 7)).toBe(7);
    expect(getOrCreate(weak, key, () => 8)).toBe(7);
  });
});
