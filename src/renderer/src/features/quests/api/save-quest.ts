import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@renderer/lib/trpc';

function useRefreshQuests() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries(trpc.quests.pathFilter());
}

/** Create and update show their errors beside the fields (and a conflict side by side). */
export function useSaveQuest() {
  const trpc = useTRPC();
  const refresh = useRefreshQuests();
  const create = useMutation(trpc.quests.create.mutationOptions({ meta: { notify: false }, onSuccess: refresh }));
  const update = useMutation(trpc.quests.update.mutationOptions({ meta: { notify: false }, onSuccess: refresh }));
  return { create, update };
}

export function useDuplicateQuest() {
  const trpc = useTRPC();
  const refresh = useRefreshQuests();
  return useMutation(trpc.quests.duplicate.mutationOptions({ meta: { errorContext: 'Could not duplicate the quest' }, onSuccess: refresh }));
}

export function useDeleteQuest() {
  const trpc = useTRPC();
  const refresh = useRefreshQuests();
  return useMutation(trpc.quests.delete.mutationOptions({ meta: { errorContext: 'Could not delete the quest' }, onSuccess: refresh }));
}
