import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { ItemListInput } from '@shared/domain/items';
import { useTRPC } from '@renderer/lib/trpc';

export type ItemFilter = Omit<ItemListInput, 'cursor' | 'limit'>;

/** The catalogue, by name, 100 at a time. */
export function useItemCatalogue(filter: ItemFilter) {
  const trpc = useTRPC();
  return useInfiniteQuery({
    ...trpc.items.list.infiniteQueryOptions({ ...filter, limit: 100 }, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
    placeholderData: keepPreviousData,
  });
}

/** Items whose name matches what is typed, for pickers and the palette. */
export function useItemSearch(search: string, limit = 20, enabled = true) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.items.list.queryOptions({ search: search || undefined, limit }), enabled, placeholderData: keepPreviousData });
}
