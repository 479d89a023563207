import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@renderer/lib/trpc';

export function useQuest(id: number | null) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.quests.get.queryOptions({ id: id ?? 0 }), enabled: id !== null });
}

/** What deleting would take with it, asked when the confirmation opens. */
export function useQuestDeletionPreview(id: number) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.quests.deletePreview.queryOptions({ id }), staleTime: 0 });
}
