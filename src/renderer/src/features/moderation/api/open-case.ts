import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '@renderer/lib/trpc';
import { useRefreshModeration } from './case-mutations';

/** moderation.open. Dialogs pass `notify: false` and show the error (a CONFLICT) themselves. */
export function useOpenCase(options: { notify?: boolean } = {}) {
  const trpc = useTRPC();
  const refresh = useRefreshModeration();
  return useMutation(
    trpc.moderation.open.mutationOptions({ meta: { notify: options.notify ?? true, errorContext: 'Could not open the case' }, onSettled: refresh }),
  );
}
