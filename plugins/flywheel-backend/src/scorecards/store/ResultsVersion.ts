import { Knex } from 'knex';
import { VERSION } from './scorecardRows';

/** Cached rollups and leaderboards kept per store (bounded, oldest out). */
const CACHE_SIZE = 500;

/**
 * The results version (one indexed row, shared by all replicas), moved by
 * every write that changes results, aggregates or the group tree, and the
 * values computed from them, kept while it has not moved: between
 * evaluations a team page is served from memory.
 */
export class ResultsVersion {
  private readonly cache = new Map<
    string,
    { version: string; value: unknown }
  >();

  constructor(private readonly db: Knex) {}

  /** A value computed from the results, reused while the version holds. */
  async cached<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const row = await this.db(VERSION).where('id', 1).first('version');
    const version = String(row?.version ?? '');
    const hit = this.cache.get(key);
    if (hit && hit.version === version) {
      return hit.value as T;
    }
    const value = await compute();
    this.cache.delete(key);
    this.cache.set(key, { version, value });
    if (this.cache.size > CACHE_SIZE) {
      this.cache.delete(this.cache.keys().next().value!);
    }
    return value;
  }
}

/** Moves the results version: cached values are stale now. */
export async function bumpVersion(trx: Knex.Transaction) {
  await trx(VERSION).where('id', 1).increment('version', 1);
}
