/**
 * The renderer's one tRPC client, over whichever transport this page runs on:
 *
 * - in Electron: the MessagePort the preload hands over (lib/port-link.ts);
 * - in the web harness (`npm run web`, the e2e tests): HTTP, one request a call, for queries
 *   and mutations, server-sent events for subscriptions, with the harness' token on every request.
 *
 * How the renderer calls the router, in every feature:
 *
 * - A feature's data access is its `api.ts`: one hook per procedure it uses, named for what it
 *   reads or does. Pages, components and palette sources import those hooks; only api.ts and
 *   the shell's own hooks in lib/ call `useTRPC()`, so what a screen asks of the database can
 *   be read in one file.
 * - The options come from the router's types (`queryOptions`, `infiniteQueryOptions`,
 *   `mutationOptions`); a hook adds only what the screen needs (placeholderData, enabled).
 * - A write names what it changes in its meta (`invalidates`), and how a failure is told
 *   (`errorContext`, or `notify: false` where the component shows the error beside its
 *   fields). lib/query-client.ts carries both out for every mutation, so no hook refetches or
 *   notifies by hand.
 * - A read that is no screen's state calls `useTRPCClient()` in api.ts and is not cached: an
 *   export that becomes a file (a mutation, for its pending state and its failure told the
 *   same way), the cases a live event announces.
 * - A new query of a table the live feed watches goes into lib/live-invalidation.ts too.
 *
 *   export function useCaseDetail(id: bigint | null) {
 *     const trpc = useTRPC();
 *     return useQuery({ ...trpc.moderation.detail.queryOptions({ id: id ?? 0n }), enabled: id !== null });
 *   }
 *
 *   export function useClaimCase() {
 *     const trpc = useTRPC();
 *     return useMutation(trpc.moderation.claim.mutationOptions({ meta: { errorContext: 'Could not claim the case', invalidates: [trpc.moderation.pathKey()] } }));
 *   }
 */
import { createTRPCClient, httpLink, httpSubscriptionLink, splitLink, type TRPCClient, type TRPCLink } from '@trpc/client';
import { createTRPCContext, type TRPCOptionsProxy } from '@trpc/tanstack-react-query';
import superjson from 'superjson';
import type { AppRouter } from '@main/api/root';
import { messagePortLink, waitForDeskPort } from './port-link';

export type DeskClient = TRPCClient<AppRouter>;
/** The type of `useTRPC()`, for modules that take the options proxy as a parameter. */
export type DeskTRPC = TRPCOptionsProxy<AppRouter>;

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/** The header that carries the web harness' token (the SSE stream sends it in tRPC's connectionParams). */
export const HARNESS_TOKEN_HEADER = 'x-aurora-desk-token';
const TOKEN_STORAGE_KEY = 'aurora-desk-harness-token';

export type Transport = { kind: 'electron' } | { kind: 'web'; token: string | null };

/**
 * Electron's user agent names it; the harness is any other browser. (Electron in development
 * also loads the page over http from Vite, so the protocol alone does not tell.)
 *
 * The harness' token arrives once, in the printed URL's ?token=, and is kept in sessionStorage:
 * per origin, so no page on another loopback port can read it (a cookie would be sent to every
 * port of 127.0.0.1, and by pages on them).
 */
export function detectTransport(win: Window = window): Transport {
  const fromUrl = new URLSearchParams(win.location.search).get('token');
  if (fromUrl) {
    win.sessionStorage.setItem(TOKEN_STORAGE_KEY, fromUrl);
    return { kind: 'web', token: fromUrl };
  }
  if (/\bElectron\//.test(win.navigator.userAgent)) return { kind: 'electron' };
  // A reload without ?token: the tab's stored copy.
  return { kind: 'web', token: win.sessionStorage.getItem(TOKEN_STORAGE_KEY) };
}

function webLinks(token: string | null): TRPCLink<AppRouter>[] {
  const url = new URL('/trpc', window.location.origin).toString();
  const headers = (): Record<string, string> => (token ? { [HARNESS_TOKEN_HEADER]: token } : {});
  return [
    splitLink({
      condition: (op) => op.type === 'subscription',
      // EventSource cannot send headers: the token goes in tRPC's connectionParams query parameter.
      true: httpSubscriptionLink({ url, transformer: superjson, connectionParams: token ? { token } : undefined }),
      // One request a call, not batched: a slow count must never hold back the rows beside it
      // (a batch answers when its slowest call does), and the desktop port answers each call on
      // its own too, so the harness measures what the app does.
      false: httpLink({ url, transformer: superjson, headers }),
    }),
  ];
}

/** Builds the client for this page; in Electron it waits for the preload's port first. */
export async function createDeskClient(transport: Transport = detectTransport()): Promise<DeskClient> {
  if (transport.kind === 'electron') {
    const port = await waitForDeskPort(window);
    return createTRPCClient<AppRouter>({ links: [messagePortLink<AppRouter>({ port, transformer: superjson })] });
  }
  return createTRPCClient<AppRouter>({ links: webLinks(transport.token) });
}
