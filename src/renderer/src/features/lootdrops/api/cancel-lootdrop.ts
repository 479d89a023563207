import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@renderer/lib/trpc';

/** lootdrops.cancel. The dialog shows a refusal (claimed meanwhile) itself. */
export function useCancelLootdrop() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.lootdrops.cancel.mutationOptions({
      meta: { notify: false },
      onSettled: () => queryClient.invalidateQueries(trpc.lootdrops.pathFilter()),
    }),
  );
}
