import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '@renderer/lib/trpc';
import { useRefreshModeration } from './case-mutations';

/** moderation.resolve. Dialogs pass `notify: false` and show the error (a CONFLICT) themselves. */
export function useResolveCase(options: { notify?: boolean } = {}) {
  const trpc = useTRPC();
  const refresh = useRefreshModeration();
  return useMutation(
    trpc.moderation.resolve.mutationOptions({ meta: { notify: options.notify ?? true, errorContext: 'Could not resolve the case' }, onSettled: refresh }),
  );
}
