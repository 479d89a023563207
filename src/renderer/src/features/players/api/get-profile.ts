import { skipToken, useQuery } from '@tanstack/react-query';
import { useTRPC } from '@renderer/lib/trpc';

export function usePlayerProfile(playerId: bigint | null) {
  const trpc = useTRPC();
  return useQuery(trpc.players.profile.queryOptions(playerId === null ? skipToken : { playerId }));
}
