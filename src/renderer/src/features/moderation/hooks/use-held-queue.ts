/**
 * Nothing moves under the reader: while the moderator reads down the queue (scrolled away from
 * its top), cases that arrive above are not inserted under them; they are counted, and the
 * list says so at its top ("37 new cases — show"), as a mail client does. At the top, new cases
 * simply appear. `show()` scrolls to the top and lets them in.
 *
 * The list's scroll position is read from the list pane's own scroll events (captured on the
 * pane), so the list component needs no part in it.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { CaseSummary, ModerationQueue } from '@shared/domain/moderation';

/** Scrolled less than this from the top still counts as reading the top. */
const TOP_SLACK_PX = 8;

export interface HeldQueue {
  /** The rows to show: the fresh ones, minus those that arrived above a reader. */
  cases: CaseSummary[];
  /** How many arrived above while the moderator read further down. */
  waiting: number;
  show(): void;
}

export function useHeldQueue(fresh: CaseSummary[], queue: ModerationQueue, filterKey: string, pane: RefObject<HTMLElement | null>): HeldQueue {
  const [reading, setReading] = useState(false);
  /** The rows the reader has seen, by id: anything above the first of them is new. */
  const known = useRef<Set<bigint> | null>(null);
  /** What was shown last: rows a refetch pushed off the end of its page stay at the end. */
  const lastShown = useRef<CaseSummary[]>([]);

  useEffect(() => {
    const element = pane.current;
    if (!element) return;
    const onScroll = (event: Event) => {
      const target = event.target as HTMLElement | null;
      if (!target?.matches?.('[data-testid="case-list"]')) return;
      setReading(target.scrollTop > TOP_SLACK_PX);
    };
    element.addEventListener('scroll', onScroll, { capture: true, passive: true });
    return () => element.removeEventListener('scroll', onScroll, { capture: true });
  }, [pane]);

  // Another queue or other filters: a new list, read from its top.
  useEffect(() => {
    known.current = null;
    setReading(false);
  }, [queue, filterKey]);

  const held = useMemo(() => {
    if (!reading || !known.current) {
      known.current = reading ? new Set(fresh.map((c) => c.id)) : null;
      return { cases: fresh, waiting: 0 };
    }
    const seen = known.current;
    const first = fresh.findIndex((c) => seen.has(c.id));
    if (first <= 0) {
      // Nothing new above (or nothing the reader saw is left): show the list as it is.
      for (const c of fresh) seen.add(c.id);
      return { cases: fresh, waiting: 0 };
    }
    const shown = fresh.slice(first);
    // The page the list re-read lost as many rows at its end as arrived at its top: keep them,
    // so the list does not get shorter (and the scroll position clamped) under the reader.
    const ids = new Set(shown.map((c) => c.id));
    const previous = lastShown.current;
    const end = previous.findIndex((c) => c.id === shown.at(-1)?.id);
    if (end >= 0) shown.push(...previous.slice(end + 1).filter((c) => !ids.has(c.id)));
    // Older pages the reader loads meanwhile belong to what they read.
    for (const c of shown) seen.add(c.id);
    return { cases: shown, waiting: first };
  }, [fresh, reading]);
  useEffect(() => {
    lastShown.current = held.cases;
  }, [held.cases]);

  const show = useCallback(() => {
    known.current = null;
    setReading(false);
    const list = pane.current?.querySelector<HTMLElement>('[data-testid="case-list"]');
    if (list) list.scrollTop = 0;
  }, [pane]);

  return { ...held, show };
}
