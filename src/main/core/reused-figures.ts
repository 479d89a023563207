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
export type FigureBasis = 'exact' | 'cached';

export interface ReusedFigure<T> {
  value: T;
  /** When the figure was counted. */
  at: Date;
  basis: FigureBasis;
}

export interface FigureStore<Owner extends object, T> {
  /** The kept figure while it is younger than the TTL; else `count()` now, kept only when it says the tables are large. */
  get(owner: Owner, key: string, now: number, count: () => Promise<{ value: T; large: boolean }>): Promise<ReusedFigure<T>>;
  forget(owner: Owner): void;
}

export function reusedFigures<Owner extends object, T>(ttlMs: number, maxKeys = 50): FigureStore<Owner, T> {
  const byOwner = new WeakMap<Owner, Map<string, { value: T; at: Date }>>();
  return {
    async get(owner, key, now, count) {
      let kept = byOwner.get(owner);
      if (!kept) byOwner.set(owner, (kept = new Map()));
      const known = kept.get(key);
      if (known && now - known.at.getTime() < ttlMs) return { ...known, basis: 'cached' };
      const { value, large } = await count();
      const at = new Date();
      if (large) {
        if (kept.size >= maxKeys) kept.clear();
        kept.set(key, { value, at });
      } else {
        kept.delete(key);
      }
      return { value, at, basis: 'exact' };
    },
    forget(owner) {
      byOwner.delete(owner);
    },
  };
}
