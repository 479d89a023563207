/**
 * The staff actions. Dialogs show failures themselves (beside the fields, keeping what was
 * typed), so notify is off; on success everything about players and the economy is refetched.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@renderer/lib/trpc';

function useRefreshPlayers() {
  const queryClient = useQueryClient();
  const trpc = useTRPC();
  return () => {
    void queryClient.invalidateQueries({ queryKey: trpc.players.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.economy.pathKey() });
  };
}

const quiet = { meta: { notify: false } } as const;

export function usePlayerActions() {
  const trpc = useTRPC();
  const onSuccess = useRefreshPlayers();
  return {
    grantCurrency: useMutation(trpc.players.grantCurrency.mutationOptions({ ...quiet, onSuccess })),
    takeCurrency: useMutation(trpc.players.takeCurrency.mutationOptions({ ...quiet, onSuccess })),
    grantItem: useMutation(trpc.players.grantItem.mutationOptions({ ...quiet, onSuccess })),
    removeItem: useMutation(trpc.players.removeItem.mutationOptions({ ...quiet, onSuccess })),
    clearTimer: useMutation(trpc.players.clearTimer.mutationOptions({ ...quiet, onSuccess })),
    setActive: useMutation(trpc.players.setActive.mutationOptions({ ...quiet, onSuccess })),
    changeClass: useMutation(trpc.players.changeClass.mutationOptions({ ...quiet, onSuccess })),
  };
}
