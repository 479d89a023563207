/**
 * The case list as a window: the first page, then everything down to the oldest row the
 * moderator has scrolled to (`through`). A live change re-reads the whole window (in pages of
 * the router's largest size, so a window deeper than one page comes back whole), so an arrival
 * at the top never pushes a row out of view and nothing shows twice.
 */
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CaseFiltersInput, CasePage, CaseSummary } from '@shared/domain/moderation';
import { MAX_PAGE_SIZE, type ModerationQueue } from '@shared/domain/moderation-rules';
import { useTRPC, useTRPCClient, type DeskClient } from '@renderer/lib/trpc';

export const FIRST_PAGE = 50;
const WINDOW_CAP = MAX_PAGE_SIZE;

/**
 * Every case down to and including `through`, and whether older ones follow. A window read
 * answers only about rows inside it (its nextCursor means "more of the window"), so whether the
 * queue goes on past it is asked separately, with a one-row page: otherwise a live change would
 * end the list at the window ("End of the queue") however many older cases there are.
 */
async function readWindow(client: DeskClient, queue: ModerationQueue, filters: CaseFiltersInput, through: string, signal?: AbortSignal): Promise<CasePage> {
  const cases: CaseSummary[] = [];
  let cursor: string | null = null;
  do {
    const page: CasePage = await client.moderation.list.query({ queue, filters, through, cursor, limit: WINDOW_CAP }, { signal });
    cases.push(...page.cases);
    cursor = page.nextCursor;
  } while (cursor);
  const last = cases.at(-1);
  if (!last) return { cases, nextCursor: null };
  const beyond = await client.moderation.list.query({ queue, filters, cursor: last.cursor, limit: 1 }, { signal });
  return { cases, nextCursor: beyond.cases.length > 0 ? last.cursor : null };
}

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
  const options = trpc.moderation.list.queryOptions(input);
  const query = useQuery({
    ...options,
    queryFn: through ? ({ signal }) => readWindow(client, queue, filters, through, signal) : options.queryFn,
    placeholderData: keepPreviousData,
  });

  const data = query.data;
  // The list asks from its scroll events too, several of which can come before React renders
  // `loadingMore` or the longer window: this ref lets only the first of them fetch, until the
  // window it brought is rendered (or the fetch brought nothing).
  const fetching = useRef(false);
  useEffect(() => {
    fetching.current = false;
  }, [data]);
  const loadMore = useCallback(async () => {
    if (!data?.nextCursor || loadingMore || fetching.current) return;
    fetching.current = true;
    setLoadingMore(true);
    try {
      const page = await client.moderation.list.query({ queue, filters, cursor: data.nextCursor, limit: FIRST_PAGE });
      const last = page.cases.at(-1);
      if (!last) {
        fetching.current = false;
        return;
      }
      const next: CasePage = { cases: [...data.cases, ...page.cases], nextCursor: page.nextCursor };
      // Seed the wider window so it shows at once; the next live change re-reads it whole.
      queryClient.setQueryData(trpc.moderation.list.queryKey({ ...input, through: last.cursor, limit: WINDOW_CAP }), next);
      setThrough(last.cursor);
    } catch (error) {
      fetching.current = false;
      throw error;
    } finally {
      setLoadingMore(false);
    }
  }, [client, data, filters, input, loadingMore, queryClient, queue, trpc]);

  return { ...query, cases: data?.cases ?? [], hasMore: Boolean(data?.nextCursor), loadMore, loadingMore };
}
