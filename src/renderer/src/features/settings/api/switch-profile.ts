import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '@renderer/lib/trpc';
import { useRefreshSettings } from './get-settings';

/** Every query is refreshed after a switch (lib/query-client.ts); the page's own as well. */
export function useSwitchProfile() {
  const trpc = useTRPC();
  const refresh = useRefreshSettings();
  return useMutation(trpc.settings.switchProfile.mutationOptions({ meta: { errorContext: 'Could not switch profiles' }, onSuccess: refresh }));
}
