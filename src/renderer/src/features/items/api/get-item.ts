import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@renderer/lib/trpc';

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
