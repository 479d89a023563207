import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@renderer/lib/trpc';

/** Create and update show their errors beside the fields (and a conflict side by side). */
export function useSaveItem() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries(trpc.items.pathFilter());
  const create = useMutation(trpc.items.create.mutationOptions({ meta: { notify: false }, onSuccess: refresh }));
  const update = useMutation(trpc.items.update.mutationOptions({ meta: { notify: false }, onSuccess: refresh }));
  return { create, update };
}

export function useDeleteItem() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.items.delete.mutationOptions({
      meta: { errorContext: 'Could not delete the item' },
      onSuccess: () => queryClient.invalidateQueries(trpc.items.pathFilter()),
    }),
  );
}
