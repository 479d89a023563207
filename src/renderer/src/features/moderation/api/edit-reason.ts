import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '@renderer/lib/trpc';
import { useRefreshModeration } from './case-mutations';

/** moderation.editReason. Dialogs pass `notify: false` and show the error (a CONFLICT) themselves. */
export function useEditReason(options: { notify?: boolean } = {}) {
  const trpc = useTRPC();
  const refresh = useRefreshModeration();
  return useMutation(
    trpc.moderation.editReason.mutationOptions({ meta: { notify: options.notify ?? true, errorContext: 'Could not change the reason' }, onSettled: refresh }),
  );
}
