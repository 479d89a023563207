/**
 * New cases as they arrive: which rows to highlight in the queue on screen, an unread counter
 * for every other queue (cleared when that queue is opened), and a desktop notification when
 * the window is in the background and Settings → Notifications allows it; screen readers hear
 * the count through the shell's live region, batched.
 */
import { useQueryClient } from '@tanstack/react-query';
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { CaseArrival, CaseDetail, ModerationQueue } from '@shared/domain/moderation';
import { hashForPlace } from '@shared/desk-links';
import { liveRows } from '@shared/live';
import { announceCount } from '@renderer/lib/announcer';
import { navigate } from '@renderer/lib/router';
import { useLiveEvents } from '@renderer/lib/live';
import { LIVE_WINDOW_MS } from '@renderer/lib/live-refresh';
import { useTRPC } from '@renderer/lib/trpc';
import { useNewCaseNotifications, useReadArrivals } from '../api';
import { caseName } from '../components/describe-case';

const HIGHLIGHT_MS = 6_000;
/** One read of the new cases per live window, and never two at once: a raid is a few reads a second. */
const BATCH_MS = LIVE_WINDOW_MS;
/** The most ids one arrivals read takes (the router's bound); more wait for the next read. */
const MAX_READ = 1000;

export type Unread = Record<ModerationQueue, number>;
const noUnread: Unread = { active: 0, recent: 0, resolved: 0, mine: 0 };

function notifyDesktop(arrivals: CaseArrival[]): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted' || document.hasFocus()) return;
  const first = arrivals[0]!.summary;
  const who = first.username ?? first.userId?.toString() ?? 'an unrecorded target';
  const title = arrivals.length === 1 ? `New ${first.type ?? 'untyped'} case ${caseName(first)}` : `${arrivals.length} new moderation cases`;
  // Plain text only: the OS shows it as such.
  const body = arrivals.length === 1 ? `${who}${first.reasonExcerpt ? `: ${first.reasonExcerpt.slice(0, 120)}` : ''}` : `Latest: ${caseName(first)} on ${who}`;
  const shown = new Notification(title, { body, tag: 'aurora-new-cases' });
  // Clicking it opens the newest case, as the app's own notice does.
  shown.onclick = () => {
    window.focus();
    navigate(hashForPlace({ kind: 'case', id: first.id.toString() }));
  };
}

export interface CaseArrivalsOptions {
  /** Every batch of arrivals as read (raid mode watches them). */
  onArrivals?(arrivals: CaseArrival[], at: number): void;
}

export function useCaseArrivals(current: ModerationQueue, options: CaseArrivalsOptions = {}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const readArrivals = useReadArrivals();
  const notifyEnabled = useNewCaseNotifications().data ?? false;
  const [unread, setUnread] = useState<Unread>(noUnread);
  const [fresh, setFresh] = useState<ReadonlyMap<bigint, number>>(new Map());
  const pending = useRef(new Set<string>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const reading = useRef(false);
  const latest = useRef({ current, notifyEnabled, onArrivals: options.onArrivals });
  useEffect(() => {
    latest.current = { current, notifyEnabled, onArrivals: options.onArrivals };
  });

  // Ask once, when the moderator has notifications on (Electron grants it; a browser asks).
  useEffect(() => {
    if (notifyEnabled && typeof Notification !== 'undefined' && Notification.permission === 'default') void Notification.requestPermission();
  }, [notifyEnabled]);

  // Opening a queue reads it: its counter goes back to zero.
  useEffect(() => setUnread((u) => (u[current] ? { ...u, [current]: 0 } : u)), [current]);

  const flush = useCallback(async () => {
    timer.current = null;
    if (reading.current) return;
    const ids = [...pending.current].slice(0, MAX_READ);
    for (const id of ids) pending.current.delete(id);
    if (ids.length === 0) return;
    reading.current = true;
    let arrivals: CaseArrival[];
    try {
      arrivals = await readArrivals(ids.map((id) => BigInt(id))).catch(() => [] as CaseArrival[]);
    } finally {
      reading.current = false;
      // What came in meanwhile is read in the next window.
      if (pending.current.size > 0) timer.current ??= setTimeout(() => void flushRef.current(), BATCH_MS);
    }
    if (arrivals.length === 0) return;
    const { current: onScreen, notifyEnabled: notify, onArrivals } = latest.current;
    // A new case changes the history an open case of the same target shows: refresh that one.
    const targets = new Set(arrivals.map((a) => a.summary.userId).filter((id): id is bigint => id !== null));
    void queryClient.invalidateQueries(
      trpc.moderation.detail.queryFilter(undefined, { predicate: (query) => targets.has((query.state.data as CaseDetail | undefined)?.summary.userId ?? -1n) }),
      { cancelRefetch: false },
    );
    const at = Date.now();
    // Not urgent: the highlight and counters render when the page has a moment, never holding a frame.
    startTransition(() => {
      setUnread((u) => {
        const next = { ...u };
        for (const a of arrivals) for (const q of a.queues) if (q !== onScreen) next[q] += 1;
        return next;
      });
      setFresh((f) => {
        const next = new Map([...f].filter(([, t]) => at - t < HIGHLIGHT_MS));
        for (const a of arrivals) next.set(a.summary.id, at);
        return next;
      });
    });
    announceCount(arrivals.length, 'new case', 'new cases');
    if (notify) notifyDesktop(arrivals);
    startTransition(() => onArrivals?.(arrivals, at));
  }, [queryClient, readArrivals, trpc]);
  const flushRef = useRef(flush);
  useEffect(() => {
    flushRef.current = flush;
  });

  useLiveEvents((event) => {
    let added = false;
    for (const row of liveRows(event)) {
      if (row.table !== 'moderation_cases' || row.op !== 'INSERT' || !row.key.id) continue;
      pending.current.add(row.key.id);
      added = true;
    }
    if (added && !reading.current) timer.current ??= setTimeout(() => void flushRef.current(), BATCH_MS);
  });

  // Highlights fade: drop them once they are old.
  useEffect(() => {
    if (fresh.size === 0) return;
    const handle = setTimeout(() => setFresh((f) => new Map([...f].filter(([, t]) => Date.now() - t < HIGHLIGHT_MS))), HIGHLIGHT_MS);
    return () => clearTimeout(handle);
  }, [fresh]);

  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  return { unread, fresh };
}
