/**
 * TanStack Query defaults for a desk that stays open for hours: data is refreshed by live
 * events (lib/live-invalidation.ts), not by window focus; a failed write is announced once,
 * through notifyError, unless the mutation says it shows the error itself.
 *
 *   useMutation(trpc.moderation.resolve.mutationOptions({ meta: { notify: false }, onError: ... }))
 */
import { MutationCache, QueryClient } from '@tanstack/react-query';
import { describeError } from './errors';
import { notifyError } from './notify';
import { hashQueryKey } from './query-key-hash';

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: {
      /** false: the component shows the error itself (a form beside its fields). */
      notify?: boolean;
      /** Names what failed in the notification: "Could not resolve case". */
      errorContext?: string;
    };
  }
}

/** The tRPC path of a mutation ('settings.setIdentity'), from its @trpc/tanstack-react-query key. */
export function mutationPath(mutationKey: readonly unknown[] | undefined): string {
  const first = mutationKey?.[0];
  return Array.isArray(first) ? first.join('.') : '';
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    defaultOptions: {
      queries: {
        // Inputs carry bigint snowflakes, which TanStack's default hash cannot serialise.
        queryKeyHashFn: hashQueryKey,
        // Live events mark queries stale; between them, what is on screen is current.
        staleTime: 60_000,
        gcTime: 10 * 60_000,
        refetchOnWindowFocus: false,
        refetchOnReconnect: true,
        // Only transport trouble is worth retrying unchanged; a NOT_FOUND stays one.
        retry: (failures, error) => failures < 2 && describeError(error).retryable,
        retryDelay: (attempt) => Math.min(500 * 2 ** attempt, 4000),
      },
      mutations: { retry: false },
    },
    mutationCache: new MutationCache({
      onSuccess(_data, _variables, _context, mutation) {
        const path = mutationPath(mutation.options.mutationKey);
        // A profile switch changes every row on screen; any other settings change may change
        // what the status bar shows (identity, connection).
        if (path === 'settings.switchProfile') void client.invalidateQueries();
        else if (path.startsWith('settings.')) void client.invalidateQueries({ queryKey: [['system']] });
      },
      onError(error, _variables, _context, mutation) {
        if (mutation.meta?.notify === false) return;
        notifyError(error, mutation.meta?.errorContext);
      },
    }),
  });
  return client;
}
