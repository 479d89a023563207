/**
 * The desk's time: what "now" is and how to wait. Services read it from here, never from Date
 * directly where the answer matters (lifetimes, reuse windows, schedules), so tests drive it
 * with vitest's fake timers or a clock of their own.
 */
export interface Clock {
  now(): Date;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The real clock. Globals are looked up at each call, so vitest's fake timers take effect. */
export const systemClock: Clock = {
  now: () => new Date(),
  setTimeout(run, ms) {
    const handle = setTimeout(run, ms);
    // Never keep the process alive just for pending desk work.
    (handle as { unref?: () => void }).unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
