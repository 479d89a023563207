/**
 * Batches row changes per table over a short window, so a burst of notifications (a raid: a
 * thousand inserts a second) reaches each subscriber as one message per table per window
 * instead of one per row. A lone change goes out at once and opens a window; what changes
 * while the window is open waits for its end, goes out as one message per table, and opens the
 * next window; a window that ends with nothing waiting closes. A row that changes twice in a
 * window is listed once. Anything else the hub says (a status, a resync) first sends what is
 * waiting, so the order of events is kept; a resync makes the waiting rows moot and drops them.
 */
import type { LiveEvent, LiveRowChange, LiveTable } from './types.js';

type Change = Extract<LiveEvent, { kind: 'change' }>;

export class LiveCoalescer {
  private readonly pending = new Map<LiveTable, Map<string, LiveRowChange>>();
  /** Set while a window is open. */
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly windowMs: number,
    private readonly publish: (event: LiveEvent) => void,
  ) {}

  /** A change: sent at once when no window is open, else held until it ends. Anything else: at once, after what is waiting. */
  push(event: LiveEvent): void {
    if (event.kind !== 'change') {
      if (event.kind === 'resync') this.pending.clear();
      else this.sendWaiting();
      this.publish(event);
      return;
    }
    this.hold(event);
    if (!this.timer) {
      this.sendWaiting();
      this.openWindow();
    }
  }

  /** Forgets what is waiting and closes the window (the hub is closing). */
  drop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
  }

  private openWindow(): void {
    if (this.windowMs <= 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.pending.size === 0) return;
      this.sendWaiting();
      this.openWindow();
    }, this.windowMs);
    this.timer.unref?.();
  }

  private sendWaiting(): void {
    for (const [table, rows] of this.pending) this.publish({ kind: 'changes', table, rows: [...rows.values()] });
    this.pending.clear();
  }

  private hold(change: Change): void {
    let rows = this.pending.get(change.table);
    if (!rows) this.pending.set(change.table, (rows = new Map()));
    const id = JSON.stringify(change.key);
    // The row moves to the end of the window's order with its latest operation, except that a
    // row inserted in this window stays an INSERT when it is then updated: it is still new.
    const earlier = rows.get(id);
    rows.delete(id);
    rows.set(id, { op: earlier?.op === 'INSERT' && change.op === 'UPDATE' ? 'INSERT' : change.op, key: change.key });
  }
}
