import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '@renderer/lib/trpc';
import { useRefreshSettings } from './get-settings';

export function useSetNotifications() {
  const trpc = useTRPC();
  const refresh = useRefreshSettings();
  return useMutation(trpc.settings.setNotifications.mutationOptions({ meta: { errorContext: 'Could not save the notification setting' }, onSettled: refresh }));
}
