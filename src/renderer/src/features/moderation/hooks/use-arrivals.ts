/**
 * New cases as they arrive: which rows to highlight in the queue on screen, an unread counter
 * for every other queue (cleared when that queue is opened), and a desktop notification when
 * the window is in the background and Settings → Notifications allows it; screen readers hear
 * the count through the shell's live region, batched.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseArrival, ModerationQueue } from '@shared/domain/moderation';
import { hashForPlace } from '@shared/desk-links';
import { announceCount } from '@renderer/lib/announcer';
import { navigate } from '@renderer/lib/router';
import { useLiveEvents } from '@renderer/lib/live';
import { useNewCaseNotifications, useReadArrivals } from '../api';
import { caseName } from '../components/describe-case';

const HIGHLIGHT_MS = 6_000;
const BATCH_MS = 150;

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

export function useCaseArrivals(current: ModerationQueue) {
  const readArrivals = useReadArrivals();
  const notifyEnabled = useNewCaseNotifications().data ?? false;
  const [unread, setUnread] = useState<Unread>(noUnread);
  const [fresh, setFresh] = useState<ReadonlyMap<bigint, number>>(new Map());
  const pending = useRef(new Set<string>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef({ current, notifyEnabled });
  useEffect(() => {
    latest.current = { current, notifyEnabled };
  });

  // Ask once, when the moderator has notifications on (Electron grants it; a browser asks).
  useEffect(() => {
    if (notifyEnabled && typeof Notification !== 'undefined' && Notification.permission === 'default') void Notification.requestPermission();
  }, [notifyEnabled]);

  // Opening a queue reads it: its counter goes back to zero.
  useEffect(() => setUnread((u) => (u[current] ? { ...u, [current]: 0 } : u)), [current]);

  const flush = useCallback(async () => {
    timer.current = null;
    const ids = [...pending.current].map((id) => BigInt(id));
    pending.current.clear();
    if (ids.length === 0) return;
    const arrivals = await readArrivals(ids).catch(() => [] as CaseArrival[]);
    if (arrivals.length === 0) return;
    const { current: onScreen, notifyEnabled: notify } = latest.current;
    setUnread((u) => {
      const next = { ...u };
      for (const a of arrivals) for (const q of a.queues) if (q !== onScreen) next[q] += 1;
      return next;
    });
    const at = Date.now();
    setFresh((f) => {
      const next = new Map([...f].filter(([, t]) => at - t < HIGHLIGHT_MS));
      for (const a of arrivals) next.set(a.summary.id, at);
      return next;
    });
    announceCount(arrivals.length, 'new case', 'new cases');
    if (notify) notifyDesktop(arrivals);
  }, [readArrivals]);

  useLiveEvents((event) => {
    if (event.kind !== 'change' || event.table !== 'moderation_cases' || event.op !== 'INSERT' || !event.key.id) return;
    pending.current.add(event.key.id);
    timer.current ??= setTimeout(() => void flush(), BATCH_MS);
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
