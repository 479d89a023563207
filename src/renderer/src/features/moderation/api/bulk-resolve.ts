import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '@renderer/lib/trpc';
import { useRefreshModeration } from './case-mutations';

/** moderation.bulkResolve. Dialogs pass `notify: false` and show the error (a CONFLICT) themselves. */
export function useBulkResolve(options: { notify?: boolean } = {}) {
  const trpc = useTRPC();
  const refresh = useRefreshModeration();
  return useMutation(
    trpc.moderation.bulkResolve.mutationOptions({ meta: { notify: options.notify ?? true, errorContext: 'Could not resolve the cases' }, onSettled: refresh }),
  );
}
