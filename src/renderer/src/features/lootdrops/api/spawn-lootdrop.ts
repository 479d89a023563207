import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@renderer/lib/trpc';

/** lootdrops.spawn. The form shows errors beside its fields, so no toast. */
export function useSpawnLootdrop() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.lootdrops.spawn.mutationOptions({
      meta: { notify: false },
      onSuccess: () => queryClient.invalidateQueries(trpc.lootdrops.pathFilter()),
    }),
  );
}
