/**
 * What the Quests screen reads and writes (the shape is described in lib/trpc.ts).
 */
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import type { PackExportInput } from '@shared/domain/quest-pack';
import type { QuestListInput } from '@shared/domain/quests';
import { useTRPC, useTRPCClient } from '@renderer/lib/trpc';

// ── the list ──────────────────────────────────────────────────────────────────────────────

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

// ── one quest ─────────────────────────────────────────────────────────────────────────────

export function useQuest(id: number | null) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.quests.get.queryOptions({ id: id ?? 0 }), enabled: id !== null });
}

/** What deleting would take with it, asked when the confirmation opens. */
export function useQuestDeletionPreview(id: number) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.quests.deletePreview.queryOptions({ id }), staleTime: 0 });
}

// Create and update show their errors beside the fields (and a conflict side by side).

export function useCreateQuest() {
  const trpc = useTRPC();
  return useMutation(trpc.quests.create.mutationOptions({ meta: { notify: false, invalidates: [trpc.quests.pathKey()] } }));
}

export function useUpdateQuest() {
  const trpc = useTRPC();
  return useMutation(trpc.quests.update.mutationOptions({ meta: { notify: false, invalidates: [trpc.quests.pathKey()] } }));
}

export function useDuplicateQuest() {
  const trpc = useTRPC();
  return useMutation(trpc.quests.duplicate.mutationOptions({ meta: { errorContext: 'Could not duplicate the quest', invalidates: [trpc.quests.pathKey()] } }));
}

export function useDeleteQuest() {
  const trpc = useTRPC();
  return useMutation(trpc.quests.delete.mutationOptions({ meta: { errorContext: 'Could not delete the quest', invalidates: [trpc.quests.pathKey()] } }));
}

// ── stats and players ─────────────────────────────────────────────────────────────────────

export function useQuestStats(id: number, days: number) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.quests.stats.queryOptions({ id, days }), placeholderData: keepPreviousData });
}

export type PlayerStatus = 'all' | 'active' | 'completed';

export function useQuestPlayers(id: number, status: PlayerStatus, search: string, offset: number) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.quests.players.queryOptions({ id, status, search: search || undefined, offset, limit: 50 }), placeholderData: keepPreviousData });
}

// Progress changes only what the stats tab shows, not the quest itself.

export function useResetProgress() {
  const trpc = useTRPC();
  return useMutation(
    trpc.quests.resetProgress.mutationOptions({ meta: { errorContext: 'Could not reset the progress', invalidates: [trpc.quests.stats.pathKey(), trpc.quests.players.pathKey()] } }),
  );
}

export function useAssignQuest() {
  const trpc = useTRPC();
  return useMutation(trpc.quests.assign.mutationOptions({ meta: { notify: false, invalidates: [trpc.quests.stats.pathKey(), trpc.quests.players.pathKey()] } }));
}

// ── packs ─────────────────────────────────────────────────────────────────────────────────

/** A pack read on demand for a file (not kept in the cache). */
export function useExportPack() {
  const client = useTRPCClient();
  return useMutation({
    mutationFn: (input: PackExportInput) => client.quests.exportPack.query(input),
    meta: { errorContext: 'Could not export' },
  });
}

export function usePreviewImport() {
  const trpc = useTRPC();
  return useMutation(trpc.quests.previewImport.mutationOptions({ meta: { errorContext: 'Could not read the pack' } }));
}

/** A pack brings quests and the items they reward. */
export function useApplyImport() {
  const trpc = useTRPC();
  return useMutation(trpc.quests.applyImport.mutationOptions({ meta: { errorContext: 'Nothing was imported', invalidates: [trpc.quests.pathKey(), trpc.items.pathKey()] } }));
}
