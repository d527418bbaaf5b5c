/**
 * Seeded randomness for the synthetic data: every run and every database
 * gets the same catalog, answers and facts.
 */

/** A small deterministic PRNG (mulberry32). */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a, for values derived from a name (stable across runs and changes). */
export function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The value of the first bucket whose upper bound is above the roll. */
export function weighted<T>(roll: number, buckets: [number, T][]): T {
  return (buckets.find(([upTo]) => roll < upTo) ??
    buckets[buckets.length - 1])[1];
}
