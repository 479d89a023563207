import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '@renderer/lib/trpc';

/** Answers with a result either way; only a transport failure is an error here. */
export function useTestProfile() {
  const trpc = useTRPC();
  return useMutation(trpc.settings.testProfile.mutationOptions({ meta: { errorContext: 'Could not test the connection' } }));
}
