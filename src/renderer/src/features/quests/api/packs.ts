import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PackExportInput } from '@shared/domain/quest-pack';
import { useTRPC, useTRPCClient } from '@renderer/lib/trpc';

/** Export on demand (not a cached query): the answer becomes a file. */
export function useExportPack() {
  const client = useTRPCClient();
  return useMutation({
    mutationKey: [['quests', 'exportPack']],
    meta: { errorContext: 'Could not export' },
    mutationFn: (input: PackExportInput) => client.quests.exportPack.query(input),
  });
}

export function usePreviewImport() {
  const trpc = useTRPC();
  return useMutation(trpc.quests.previewImport.mutationOptions({ meta: { errorContext: 'Could not read the pack' } }));
}

export function useApplyImport() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.quests.applyImport.mutationOptions({
      meta: { errorContext: 'Nothing was imported' },
      onSuccess: () => Promise.all([queryClient.invalidateQueries(trpc.quests.pathFilter()), queryClient.invalidateQueries(trpc.items.pathFilter())]),
    }),
  );
}
