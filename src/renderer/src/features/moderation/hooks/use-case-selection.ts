/**
 * Which queue is shown and which case is open live in the route (#/moderation/active?case=42),
 * so the palette and links can jump straight to a case; j/k move a focus row inside the list.
 */
import { useCallback, useMemo, useState } from 'react';
import { moderationQueues, type ModerationQueue } from '@shared/domain/moderation-rules';
import { navigate, useRoute } from '@renderer/lib/router';

export function useCaseSelection() {
  const route = useRoute();
  const queue: ModerationQueue = (moderationQueues as readonly string[]).includes(route.rest[0] ?? '') ? (route.rest[0] as ModerationQueue) : 'active';
  const caseParam = route.search.get('case');
  const openId = useMemo(() => (caseParam && /^\d{1,19}$/.test(caseParam) ? BigInt(caseParam) : null), [caseParam]);
  const [focusId, setFocusId] = useState<bigint | null>(null);

  const go = useCallback(
    (next: { queue?: ModerationQueue; openId?: bigint | null }) => {
      const q = next.queue ?? queue;
      const id = next.openId === undefined ? openId : next.openId;
      navigate({ area: 'moderation', rest: [q], search: id === null ? undefined : { case: id.toString() } }, { replace: true });
    },
    [openId, queue],
  );

  // Stable between renders (while the route stands still): the list's memoised rows take `open`
  // as their click handler, and a new function each render would re-render every row.
  const setQueue = useCallback((q: ModerationQueue) => go({ queue: q }), [go]);
  const open = useCallback(
    (id: bigint | null) => {
      if (id !== null) setFocusId(id);
      go({ openId: id });
    },
    [go],
  );

  return { queue, openId, focusId: focusId ?? openId, setFocusId, setQueue, open };
}
