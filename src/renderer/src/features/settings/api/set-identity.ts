import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '@renderer/lib/trpc';
import { useRefreshSettings } from './get-settings';

export function useSetIdentity() {
  const trpc = useTRPC();
  const refresh = useRefreshSettings();
  return useMutation(trpc.settings.setIdentity.mutationOptions({ meta: { notify: false }, onSuccess: refresh }));
}
