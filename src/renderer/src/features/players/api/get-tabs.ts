/** The profile's tabs: one query each, fetched when the tab is shown. */
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@renderer/lib/trpc';

export function useInventory(playerId: bigint) {
  const trpc = useTRPC();
  return useQuery(trpc.players.inventory.queryOptions({ playerId }));
}

export function useQuestProgress(playerId: bigint) {
  const trpc = useTRPC();
  return useQuery(trpc.players.quests.queryOptions({ playerId }));
}

export function useTimers(playerId: bigint) {
  const trpc = useTRPC();
  return useQuery(trpc.players.timers.queryOptions({ playerId }));
}

export function useModerationSummary(playerId: bigint) {
  const trpc = useTRPC();
  return useQuery(trpc.players.moderation.queryOptions({ playerId }));
}
