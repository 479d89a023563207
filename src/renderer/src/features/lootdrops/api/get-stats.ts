import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTRPC } from '@renderer/lib/trpc';

/** Claim rate and time to claim, per channel, over the last `days` (null: all time). */
export function useLootStats(days: number | null) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.lootdrops.stats.queryOptions({ days }), placeholderData: keepPreviousData });
}
