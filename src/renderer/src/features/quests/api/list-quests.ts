import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { QuestListInput } from '@shared/domain/quests';
import { useTRPC } from '@renderer/lib/trpc';

export type QuestFilter = Omit<QuestListInput, 'cursor' | 'limit'>;

/** Newest first, 100 at a time. */
export function useQuestList(filter: QuestFilter) {
  const trpc = useTRPC();
  return useInfiniteQuery({
    ...trpc.quests.list.infiniteQueryOptions({ ...filter, limit: 100 }, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
    placeholderData: keepPreviousData,
  });
}

/** Quests by name, for the palette and the QUEST_COMPLETED filter. */
export function useQuestSearch(search: string, limit = 20, enabled = true) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.quests.list.queryOptions({ search: search || undefined, limit }), enabled, placeholderData: keepPreviousData });
}

export function useTriggersInUse() {
  const trpc = useTRPC();
  return useQuery(trpc.quests.triggersInUse.queryOptions());
}
