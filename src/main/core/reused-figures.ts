/**
 * Figures that are exact but costly on big tables (queue counts, economy sums): counted when
 * asked, and where the tables are large, reused for a short while so a burst of live events or
 * a staff member flicking between views does not recount millions of rows each time. The answer
 * always says which it is (`basis`, and `at`: when it was counted), so the screen can show "≈ as
 * of …". A desk write the staff member expects to see calls `forget`.
 *
 * One store per kind of figure, keyed by the database handle (a switched profile starts empty),
 * then by what was asked.
 */
import { systemClock } from './clock.js';
import { timedCache } from './timed-cache.js';

export type FigureBasis = 'exact' | 'cached';

export interface ReusedFigure<T> {
  value: T;
  /** When the figure was counted. */
  at: Date;
  basis: FigureBasis;
}

export interface FigureStore<Owner extends object, T> {
  /** The kept figure while it is younger than the TTL; else `count()` now, kept only when it says the tables are large. */
  get(owner: Owner, key: string, count: () => Promise<{ value: T; large: boolean }>): Promise<ReusedFigure<T>>;
  forget(owner: Owner): void;
}

export function reusedFigures<Owner extends object, T>(ttlMs: number, maxKeys = 50): FigureStore<Owner, T> {
  const kept = timedCache<Owner, { value: T; at: Date }>({ ttlMs, max: maxKeys });
  return {
    async get(owner, key, count) {
      const known = kept.get(owner, key);
      if (known) return { ...known, basis: 'cached' };
      const { value, large } = await count();
      const at = systemClock.now();
      if (large) kept.set(owner, key, { value, at });
      else kept.delete(owner, key);
      return { value, at, basis: 'exact' };
    },
    forget: (owner) => kept.forget(owner),
  };
}
