import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@renderer/lib/trpc';

export function useQuestStats(id: number, days: number) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.quests.stats.queryOptions({ id, days }), placeholderData: keepPreviousData });
}

export type PlayerStatus = 'all' | 'active' | 'completed';

export function useQuestPlayers(id: number, status: PlayerStatus, search: string, offset: number) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.quests.players.queryOptions({ id, status, search: search || undefined, offset, limit: 50 }), placeholderData: keepPreviousData });
}

function useRefreshStats() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([queryClient.invalidateQueries(trpc.quests.stats.pathFilter()), queryClient.invalidateQueries(trpc.quests.players.pathFilter())]);
}

export function useResetProgress() {
  const trpc = useTRPC();
  const refresh = useRefreshStats();
  return useMutation(trpc.quests.resetProgress.mutationOptions({ meta: { errorContext: 'Could not reset the progress' }, onSuccess: refresh }));
}

export function useAssignQuest() {
  const trpc = useTRPC();
  const refresh = useRefreshStats();
  return useMutation(trpc.quests.assign.mutationOptions({ meta: { notify: false }, onSuccess: refresh }));
}
