import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '@renderer/lib/trpc';
import { useRefreshModeration } from './case-mutations';

/** moderation.claim. Dialogs pass `notify: false` and show the error (a CONFLICT) themselves. */
export function useClaimCase(options: { notify?: boolean } = {}) {
  const trpc = useTRPC();
  const refresh = useRefreshModeration();
  return useMutation(
    trpc.moderation.claim.mutationOptions({ meta: { notify: options.notify ?? true, errorContext: 'Could not claim the case' }, onSettled: refresh }),
  );
}
