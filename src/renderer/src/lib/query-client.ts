/**
 * TanStack Query defaults for a desk that stays open for hours: data is refreshed by live
 * events (lib/live-invalidation.ts), not by window focus. Every write says in its meta what it
 * changes and how a failure is told, and this cache carries that out (see lib/trpc.ts):
 *
 *   useMutation(trpc.moderation.resolve.mutationOptions({ meta: { notify: false, invalidates: [trpc.moderation.pathKey()] } }))
 */
import { matchQuery, MutationCache, QueryClient, type QueryKey } from '@tanstack/react-query';
import { describeError } from './errors';
import { notifyError } from './notify';
import { hashQueryKey } from './query-key-hash';

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: {
      /**
       * The queries this write changes (`trpc.<area>.pathKey()`, a procedure's `queryKey()`),
       * read again at once: the live feed would refresh them too, but a second later in polling
       * mode, and not at all for tables it does not watch.
       */
      invalidates?: readonly QueryKey[];
      /** false: the component shows the error itself (a form beside its fields). */
      notify?: boolean;
      /** Names what failed in the notification: "Could not resolve case". */
      errorContext?: string;
    };
  }
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
      onError(error, _variables, _context, mutation) {
        if (mutation.meta?.notify === false) return;
        notifyError(error, mutation.meta?.errorContext);
      },
      // Failed writes refresh too: a refusal (CONFLICT, NOT_FOUND) mostly means the screen was
      // behind. Returned, so the mutation stays pending until the fresh rows are in and a
      // dialog closes onto them.
      onSettled(_data, _error, _variables, _context, mutation) {
        const keys = mutation.meta?.invalidates;
        if (!keys?.length) return;
        return client.invalidateQueries({ predicate: (query) => keys.some((queryKey) => matchQuery({ queryKey }, query)) });
      },
    }),
  });
  return client;
}
