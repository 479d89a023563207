/**
 * What assistive technology hears of live arrivals: counts gathered over a short window and
 * spoken once ("12 new cases, 3 drops claimed"), never one announcement per row during a raid.
 * The shell's LiveAnnouncer is the one polite live region that says it.
 */
import { useSyncExternalStore } from 'react';

/** Arrivals within this time of the first one are told together. */
export const ANNOUNCE_WINDOW_MS = 1_500;

interface Count {
  n: number;
  singular: string;
  plural: string;
}

export interface Announcement {
  message: string;
  /** Goes up with every announcement, so the same words twice are still heard twice. */
  seq: number;
}

const pending = new Map<string, Count>();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setTimeout> | null = null;
let current: Announcement = { message: '', seq: 0 };

function flush(): void {
  timer = null;
  const parts = [...pending.values()].map((c) => `${c.n.toLocaleString('en-US')} ${c.n === 1 ? c.singular : c.plural}`);
  pending.clear();
  if (parts.length === 0) return;
  current = { message: parts.join(', '), seq: current.seq + 1 };
  for (const listener of listeners) listener();
}

/** Adds `n` arrivals of a kind ("new case" / "new cases") to the next announcement. */
export function announceCount(n: number, singular: string, plural: string): void {
  if (n <= 0) return;
  const count = pending.get(singular) ?? { n: 0, singular, plural };
  count.n += n;
  pending.set(singular, count);
  timer ??= setTimeout(flush, ANNOUNCE_WINDOW_MS);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useAnnouncement(): Announcement {
  return useSyncExternalStore(subscribe, () => current);
}
