import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '@renderer/lib/trpc';
import { useRefreshSettings } from './get-settings';

export function useSetDiscord() {
  const trpc = useTRPC();
  const refresh = useRefreshSettings();
  return useMutation(trpc.settings.setDiscord.mutationOptions({ meta: { notify: false }, onSuccess: refresh }));
}
