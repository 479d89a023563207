/**
 * The case list as a window: the first page, then everything down to the oldest row the
 * moderator has scrolled to (`through`). A live change re-reads the whole window in one query,
 * so an arrival at the top never pushes a row out of view and nothing shows twice.
 */
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CaseFiltersInput, CasePage, ModerationQueue } from '../../../../../shared/domain/moderation';
import { useTRPC, useTRPCClient } from '../../../lib/trpc';

export const FIRST_PAGE = 50;
const WINDOW_CAP = 1000;

export function useCaseWindow(queue: ModerationQueue, filters: CaseFiltersInput) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [through, setThrough] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const filterKey = JSON.stringify(filters, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  // A new queue or filter starts from the first page again.
  useEffect(() => setThrough(null), [queue, filterKey]);

  const input = useMemo(() => ({ queue, filters, through, limit: through ? WINDOW_CAP : FIRST_PAGE }), [queue, filters, through]);
  const query = useQuery({ ...trpc.moderation.list.queryOptions(input), placeholderData: keepPreviousData });

  const data = query.data;
  const loadMore = useCallback(async () => {
    if (!data?.nextCursor || loadingMore) return;
    setLoadingMore(true);
    try {
      const page = await client.moderation.list.query({ queue, filters, cursor: data.nextCursor, limit: FIRST_PAGE });
      const last = page.cases.at(-1);
      if (!last) return;
      const next: CasePage = { cases: [...data.cases, ...page.cases], nextCursor: page.nextCursor };
      // Seed the wider window so it shows at once; the next live change re-reads it whole.
      queryClient.setQueryData(trpc.moderation.list.queryKey({ ...input, through: last.cursor, limit: WINDOW_CAP }), next);
      setThrough(last.cursor);
    } finally {
      setLoadingMore(false);
    }
  }, [client, data, filters, input, loadingMore, queryClient, queue, trpc]);

  return { ...query, cases: data?.cases ?? [], hasMore: Boolean(data?.nextCursor), loadMore, loadingMore };
}
