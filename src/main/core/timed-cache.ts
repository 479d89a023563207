/**
 * Answers kept for a while, per owner (usually the database handle, so a switched connection
 * profile starts empty), on lru-cache: bounded in size, and timed by the desk's clock, so tests
 * can age them.
 */
import { LRUCache } from 'lru-cache';
import { systemClock, type Clock } from './clock.js';

export interface TimedCacheOptions {
  ttlMs: number;
  /** Most keys kept per owner (oldest used go first). */
  max?: number;
  clock?: Clock;
}

export interface TimedCache<Owner extends object, V extends object> {
  get(owner: Owner, key: string): V | undefined;
  set(owner: Owner, key: string, value: V): void;
  delete(owner: Owner, key: string): void;
  /** Forgets everything kept for `owner`. */
  forget(owner: Owner): void;
}

export function timedCache<Owner extends object, V extends object>(options: TimedCacheOptions): TimedCache<Owner, V> {
  const clock = options.clock ?? systemClock;
  const byOwner = new WeakMap<Owner, LRUCache<string, V>>();
  // ttlResolution 0: every check reads the clock (lru-cache would otherwise reuse a reading for 1 ms).
  const cacheOf = (owner: Owner) => {
    let cache = byOwner.get(owner);
    if (!cache) {
      cache = new LRUCache<string, V>({ max: options.max ?? 100, ttl: options.ttlMs, ttlResolution: 0, perf: { now: () => clock.now().getTime() } });
      byOwner.set(owner, cache);
    }
    return cache;
  };
  return {
    get: (owner, key) => byOwner.get(owner)?.get(key),
    set: (owner, key, value) => void cacheOf(owner).set(key, value),
    delete: (owner, key) => void byOwner.get(owner)?.delete(key),
    forget: (owner) => void byOwner.delete(owner),
  };
}

/** One answer per owner and key, computed once however many ask at the same time; failures are not kept. */
export function sharedAnswer<Owner extends object, V>(
  cache: TimedCache<Owner, Promise<V>>,
  owner: Owner,
  key: string,
  compute: () => Promise<V>,
): Promise<V> {
  const known = cache.get(owner, key);
  if (known) return known;
  const answer = compute();
  cache.set(owner, key, answer);
  answer.catch(() => cache.delete(owner, key));
  return answer;
}
