/**
 * Shared tickers for times on screen: hundreds of rows must not each run a timer. One interval
 * per cadence, running only while something on screen subscribes to it.
 */
import { useSyncExternalStore } from 'react';

function createTicker(intervalMs: number): () => number {
  let now = Date.now();
  const listeners = new Set<() => void>();
  let timer: ReturnType<typeof setInterval> | null = null;

  function subscribe(listener: () => void): () => void {
    listeners.add(listener);
    if (!timer) {
      now = Date.now();
      timer = setInterval(() => {
        now = Date.now();
        for (const l of listeners) l();
      }, intervalMs);
    }
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && timer) {
        clearInterval(timer);
        timer = null;
      }
    };
  }
  const snapshot = () => now;
  return function useTicker() {
    return useSyncExternalStore(subscribe, snapshot);
  };
}

/** The current time, refreshed every 15 s while anything on screen shows a relative time. */
export const useNow = createTicker(15_000);

/** The current time to the second, for live countdowns. */
export const useSecondTicker = createTicker(1000);
