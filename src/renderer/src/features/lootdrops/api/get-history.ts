import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { HistoryForm } from '@shared/domain/lootdrops';
import { useTRPC } from '@renderer/lib/trpc';

export type HistoryFilters = Omit<HistoryForm, 'cursor' | 'limit'>;

/** The history, newest first, a page at a time. */
export function useLootHistory(filters: HistoryFilters) {
  const trpc = useTRPC();
  return useInfiniteQuery({
    ...trpc.lootdrops.history.infiniteQueryOptions({ ...filters, limit: 50 }, { getNextPageParam: (page) => page.nextCursor }),
    placeholderData: keepPreviousData,
  });
}
