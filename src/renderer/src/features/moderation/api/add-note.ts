import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '@renderer/lib/trpc';
import { useRefreshModeration } from './case-mutations';

/** moderation.addNote. Dialogs pass `notify: false` and show the error (a CONFLICT) themselves. */
export function useAddNote(options: { notify?: boolean } = {}) {
  const trpc = useTRPC();
  const refresh = useRefreshModeration();
  return useMutation(
    trpc.moderation.addNote.mutationOptions({ meta: { notify: options.notify ?? true, errorContext: 'Could not add the note' }, onSettled: refresh }),
  );
}
