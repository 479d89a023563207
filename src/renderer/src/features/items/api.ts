/**
 * What the Items screen reads and writes (the shape is described in lib/trpc.ts).
 */
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
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

export function useItem(id: number | null) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.items.get.queryOptions({ id: id ?? 0 }), enabled: id !== null });
}

/** The items a quest or a loot table points at, for their names and icons. */
export function useItemsByIds(ids: number[]) {
  const trpc = useTRPC();
  const unique = [...new Set(ids)].sort((a, b) => a - b);
  return useQuery({ ...trpc.items.byIds.queryOptions({ ids: unique }), enabled: unique.length > 0 });
}

/** What still points at an item (asked when the delete confirmation opens). */
export function useItemReferences(id: number) {
  const trpc = useTRPC();
  return useQuery(trpc.items.references.queryOptions({ id }));
}

// Create and update show their errors beside the fields (and a conflict side by side).

export function useCreateItem() {
  const trpc = useTRPC();
  return useMutation(trpc.items.create.mutationOptions({ meta: { notify: false, invalidates: [trpc.items.pathKey()] } }));
}

export function useUpdateItem() {
  const trpc = useTRPC();
  return useMutation(trpc.items.update.mutationOptions({ meta: { notify: false, invalidates: [trpc.items.pathKey()] } }));
}

export function useDeleteItem() {
  const trpc = useTRPC();
  return useMutation(trpc.items.delete.mutationOptions({ meta: { errorContext: 'Could not delete the item', invalidates: [trpc.items.pathKey()] } }));
}
