import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '@renderer/lib/trpc';
import { useRefreshModeration } from './case-mutations';

/** moderation.reopen. Dialogs pass `notify: false` and show the error (a CONFLICT) themselves. */
export function useReopenCase(options: { notify?: boolean } = {}) {
  const trpc = useTRPC();
  const refresh = useRefreshModeration();
  return useMutation(
    trpc.moderation.reopen.mutationOptions({ meta: { notify: options.notify ?? true, errorContext: 'Could not reopen the case' }, onSettled: refresh }),
  );
}
