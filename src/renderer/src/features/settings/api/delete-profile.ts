import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '@renderer/lib/trpc';
import { useRefreshSettings } from './get-settings';

export function useDeleteProfile() {
  const trpc = useTRPC();
  const refresh = useRefreshSettings();
  return useMutation(trpc.settings.deleteProfile.mutationOptions({ meta: { errorContext: 'Could not delete the profile' }, onSuccess: refresh }));
}
