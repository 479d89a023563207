import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@renderer/lib/trpc';

/**
 * The latest bursts. They live in aurora_desk (no live trigger), so while one runs the list
 * asks again every few seconds; otherwise live lootdrop changes refresh it with the rest.
 */
export function useBursts() {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.lootdrops.bursts.queryOptions(),
    refetchInterval: (query) => (query.state.data?.some((b) => b.status === 'running' || b.status === 'elsewhere') ? 3_000 : false),
  });
}

function useRefreshBursts() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries(trpc.lootdrops.pathFilter());
}

export function useStartBurst() {
  const trpc = useTRPC();
  const refresh = useRefreshBursts();
  return useMutation(trpc.lootdrops.startBurst.mutationOptions({ meta: { notify: false }, onSettled: refresh }));
}

/** Pause, resume, cancel, discard: a refusal (someone else got there first) is a toast. */
export function useBurstActions() {
  const trpc = useTRPC();
  const refresh = useRefreshBursts();
  const options = (errorContext: string) => ({ meta: { errorContext }, onSettled: refresh });
  return {
    pause: useMutation(trpc.lootdrops.pauseBurst.mutationOptions(options('Could not pause the burst'))),
    resume: useMutation(trpc.lootdrops.resumeBurst.mutationOptions(options('Could not resume the burst'))),
    cancel: useMutation(trpc.lootdrops.cancelBurst.mutationOptions(options('Could not cancel the burst'))),
    discard: useMutation(trpc.lootdrops.discardBurst.mutationOptions(options('Could not discard the burst'))),
  };
}
