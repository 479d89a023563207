import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTRPC } from '@renderer/lib/trpc';

export const SEARCH_PAGE = 50;

/** players.search, page after page (keyset cursor); the previous results stay while typing. */
export function usePlayerSearch(query: string) {
  const trpc = useTRPC();
  return useInfiniteQuery({
    ...trpc.players.search.infiniteQueryOptions({ query, limit: SEARCH_PAGE }, { getNextPageParam: (page) => page.nextCursor }),
    placeholderData: keepPreviousData,
  });
}

/** Whether fragment search has its trigram index (said under the search box when not). */
export function useSearchStatus() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.players.searchStatus.queryOptions(), staleTime: Infinity });
}
