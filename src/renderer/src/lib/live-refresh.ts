/**
 * Live refetches, paced: whatever the live feed makes stale within one window is refetched
 * once, at the window's end, however many events named it. A query already fetching is never
 * cancelled to start the same fetch again: it finishes, and is fetched once more in the next
 * window only if something changed meanwhile. So a raid of a thousand inserts a second costs
 * each query on screen a few fetches a second, and the last change is always fetched.
 *
 * The first change after a quiet spell goes out at once (no wait for a lone change); the
 * window only paces what follows it.
 */
import type { Query, QueryClient, QueryFilters } from '@tanstack/react-query';

/** At most one live refetch of a query per this many ms. */
export const LIVE_WINDOW_MS = 300;

export class LiveRefresh {
  private filters: QueryFilters[] = [];
  private everything = false;
  /** Fetching when their window came: refetched in the window after they settle. */
  private readonly again = new Set<Query>();
  /** Settled after being asked for again: part of the next window. */
  private readonly due = new Set<Query>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private last = -Infinity;
  constructor(
    private readonly queryClient: QueryClient,
    private readonly windowMs = LIVE_WINDOW_MS,
  ) {}

  /** Watches the cache for fetches that settle; returns the stop (which also drops the pending window). */
  attach(): () => void {
    const stopWatching = this.queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'removed') {
        this.again.delete(event.query);
        this.due.delete(event.query);
        return;
      }
      if (event.type !== 'updated' || (event.action.type !== 'success' && event.action.type !== 'error')) return;
      if (!this.again.delete(event.query)) return;
      this.due.add(event.query);
      this.schedule();
    });
    return () => {
      stopWatching();
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      this.again.clear();
      this.due.clear();
    };
  }

  /** These queries are stale: refetched (those on screen) at the end of the window. */
  add(filters: QueryFilters[]): void {
    if (filters.length === 0) return;
    this.filters.push(...filters);
    this.schedule();
  }

  /** Everything is stale (a resync). */
  addEverything(): void {
    this.everything = true;
    this.filters = [];
    this.schedule();
  }

  private schedule(): void {
    if (this.timer) return;
    const wait = Math.max(0, this.last + this.windowMs - performance.now());
    this.timer = setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    this.timer = null;
    this.last = performance.now();
    const cache = this.queryClient.getQueryCache();
    const named = new Set<Query>(this.due);
    this.due.clear();
    if (this.everything) for (const query of cache.getAll()) named.add(query);
    else for (const filter of this.filters) for (const query of cache.findAll(filter)) named.add(query);
    this.everything = false;
    this.filters = [];
    const now = new Set<Query>();
    for (const query of named) {
      if (query.state.fetchStatus === 'fetching') this.again.add(query);
      else now.add(query);
    }
    if (now.size === 0) return;
    void this.queryClient.invalidateQueries({ predicate: (query) => now.has(query) }, { cancelRefetch: false });
  }
}
