/**
 * The desk's timed work (lootdrop bursts, closing ended drops' messages): named timers on the
 * clock, the work each one starts tracked until it settles, and all of it stopped at once when
 * the desk closes. One per desk run, built by the host; it knows nothing of what the work is.
 */
import type { Clock } from './clock.js';

/** setTimeout's ceiling (about 24.8 days); anything later is re-armed when it comes due. */
const MAX_DELAY = 2 ** 31 - 1;

interface Armed {
  handle: unknown;
  atMs: number;
}

export class Scheduler {
  private readonly timers = new Map<string, Armed>();
  private readonly work = new Set<Promise<unknown>>();
  private halted = false;

  constructor(readonly clock: Clock) {}

  get stopped(): boolean {
    return this.halted;
  }

  /** Runs `work` at `atMs` (epoch ms, at once when past) under `key`, replacing what `key` had. */
  at(key: string, atMs: number, work: () => Promise<void>): void {
    if (this.halted) return;
    this.cancel(key);
    const now = this.clock.now().getTime();
    const delay = Math.min(MAX_DELAY, Math.max(0, atMs - now));
    const handle = this.clock.setTimeout(() => {
      this.timers.delete(key);
      this.track(work());
    }, delay);
    this.timers.set(key, { handle, atMs: now + delay });
  }

  /** As `at`, unless `key` is already due no later than `atMs`. */
  atLatest(key: string, atMs: number, work: () => Promise<void>): void {
    const armed = this.timers.get(key);
    const now = this.clock.now().getTime();
    if (armed && armed.atMs <= Math.max(now, atMs)) return;
    this.at(key, atMs, work);
  }

  cancel(key: string): void {
    const armed = this.timers.get(key);
    if (!armed) return;
    this.clock.clearTimeout(armed.handle);
    this.timers.delete(key);
  }

  /** The keys of pending timers that start with `prefix`. */
  pending(prefix = ''): string[] {
    return [...this.timers.keys()].filter((key) => key.startsWith(prefix));
  }

  /** Waits until no work a timer started is in flight (tests; shutdown). */
  async settled(): Promise<void> {
    while (this.work.size) await Promise.allSettled([...this.work]);
  }

  /** Drops every timer; nothing more is armed. Work in flight finishes (await `settled`). */
  stop(): void {
    this.halted = true;
    for (const armed of this.timers.values()) this.clock.clearTimeout(armed.handle);
    this.timers.clear();
  }

  private track(work: Promise<unknown>): void {
    this.work.add(work);
    void work.finally(() => this.work.delete(work)).catch(() => undefined);
  }
}
