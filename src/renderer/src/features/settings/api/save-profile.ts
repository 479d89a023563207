import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '@renderer/lib/trpc';
import { useRefreshSettings } from './get-settings';

/** The form shows its own errors beside the fields (and keeps what was typed). */
export function useSaveProfile() {
  const trpc = useTRPC();
  const refresh = useRefreshSettings();
  return useMutation(trpc.settings.saveProfile.mutationOptions({ meta: { notify: false }, onSuccess: refresh }));
}
