import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTRPC } from '@renderer/lib/trpc';

/** Items to grant, by name fragment or #number. */
export function useItemChoices(query: string, enabled: boolean) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.players.itemChoices.queryOptions({ query, limit: 20 }), placeholderData: keepPreviousData, enabled });
}
