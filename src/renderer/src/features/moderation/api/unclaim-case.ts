import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '@renderer/lib/trpc';
import { useRefreshModeration } from './case-mutations';

/** moderation.unclaim. Dialogs pass `notify: false` and show the error (a CONFLICT) themselves. */
export function useUnclaimCase(options: { notify?: boolean } = {}) {
  const trpc = useTRPC();
  const refresh = useRefreshModeration();
  return useMutation(
    trpc.moderation.unclaim.mutationOptions({ meta: { notify: options.notify ?? true, errorContext: 'Could not release the claim' }, onSettled: refresh }),
  );
}
