import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTRPC } from '@renderer/lib/trpc';

/**
 * Whole-table aggregates: not refetched on every live change to `users` (the bot writes those
 * constantly), but once a minute while on screen, after staff actions, and on demand.
 */
const AGGREGATE_REFRESH_MS = 60_000;

export function useClassesOverview() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.economy.classes.queryOptions(), refetchInterval: AGGREGATE_REFRESH_MS });
}

export function useEconomyOverview(days: number) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.economy.overview.queryOptions({ days, topHolders: 10 }), refetchInterval: AGGREGATE_REFRESH_MS, placeholderData: keepPreviousData });
}
