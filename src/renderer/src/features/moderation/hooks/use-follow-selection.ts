/**
 * When the selected case leaves the list (resolved here or by a colleague, bulk resolved, moved
 * out of the queue), the selection goes to the case that followed it in the list as it was, so
 * j/k carry on from there instead of from the top. If the open case was resolved from this
 * desk, the detail follows to that case too; a case that left for another reason stays open,
 * and the detail says it is not in this view.
 */
import { useEffect, useRef } from 'react';
import type { CaseSummary } from '@shared/domain/moderation';

/** The first case after `id` in `before` that is still listed, else the nearest one before it. */
export function successorOf(id: bigint, before: readonly bigint[], now: readonly CaseSummary[]): bigint | null {
  const listed = new Set(now.map((c) => c.id));
  const at = before.indexOf(id);
  if (at < 0) return null;
  for (let i = at + 1; i < before.length; i += 1) if (listed.has(before[i]!)) return before[i]!;
  for (let i = at - 1; i >= 0; i -= 1) if (listed.has(before[i]!)) return before[i]!;
  return null;
}

export interface FollowSelection {
  cases: CaseSummary[];
  /** The queue and filters: under a new one the list is another list, and nothing is followed. */
  scope: string;
  /** False while the list is refetching for a new queue or filter (its rows are a placeholder). */
  settled: boolean;
  focusId: bigint | null;
  openId: bigint | null;
  setFocusId(id: bigint): void;
  open(id: bigint): void;
  /** The grid takes the keyboard focus again (only when nothing else holds it). */
  refocus(): void;
}

export function useFollowSelection({ cases, scope, settled, focusId, openId, setFocusId, open, refocus }: FollowSelection) {
  const before = useRef<{ scope: string; ids: bigint[] }>({ scope, ids: [] });
  const resolvedHere = useRef(new Set<bigint>());
  useEffect(() => {
    if (!settled) return;
    const sameList = before.current.scope === scope;
    // Under another queue or filter the list is another list: nothing there follows a resolve here.
    if (!sameList) resolvedHere.current.clear();
    const previous = sameList ? before.current.ids : [];
    before.current = { scope, ids: cases.map((c) => c.id) };
    if (focusId === null || cases.some((c) => c.id === focusId)) return;
    const next = successorOf(focusId, previous, cases);
    if (next === null) return;
    setFocusId(next);
    if (openId === focusId && resolvedHere.current.has(focusId)) open(next);
    if (document.activeElement === document.body) refocus();
    // Only a change of the rows moves the selection.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cases, scope, settled]);
  /** Cases this desk just resolved: when the open one leaves the list, the detail moves on. */
  return (ids: bigint[]) => {
    for (const id of ids) resolvedHere.current.add(id);
  };
}
