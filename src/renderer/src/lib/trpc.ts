/**
 * The renderer's one tRPC client, over whichever transport this page runs on:
 *
 * - in Electron: the MessagePort the preload hands over (lib/port-link.ts);
 * - in the web harness (`npm run web`, the e2e tests): HTTP batching for queries and mutations,
 *   server-sent events for subscriptions, with the harness' token on every request.
 *
 * Features use `useTRPC()` with TanStack Query:
 *   const trpc = useTRPC();
 *   const cases = useQuery(trpc.moderation.list.queryOptions({ queue: 'active' }));
 */
import { createTRPCClient, httpLink, httpSubscriptionLink, splitLink, type TRPCClient, type TRPCLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import superjson from 'superjson';
import type { AppRouter } from '@main/api/root';
import { messagePortLink, waitForDeskPort } from './port-link';

export type DeskClient = TRPCClient<AppRouter>;

declare module './desk-trpc' {
  interface Register {
    router: AppRouter;
  }
}

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/** The header (and cookie, and query parameter) that carries the web harness' token. */
export const HARNESS_TOKEN_HEADER = 'x-aurora-desk-token';
const TOKEN_STORAGE_KEY = 'aurora-desk-harness-token';

export type Transport = { kind: 'electron' } | { kind: 'web'; token: string | null };

/**
 * Electron's user agent names it; the harness is any other browser. (Electron in development
 * also loads the page over http from Vite, so the protocol alone does not tell.)
 */
export function detectTransport(win: Window = window): Transport {
  const fromUrl = new URLSearchParams(win.location.search).get('token');
  if (fromUrl) {
    win.sessionStorage.setItem(TOKEN_STORAGE_KEY, fromUrl);
    return { kind: 'web', token: fromUrl };
  }
  if (/\bElectron\//.test(win.navigator.userAgent)) return { kind: 'electron' };
  // A reload without ?token: the tab's stored copy, else the harness' cookie alone.
  return { kind: 'web', token: win.sessionStorage.getItem(TOKEN_STORAGE_KEY) };
}

function webLinks(token: string | null): TRPCLink<AppRouter>[] {
  const url = new URL('/trpc', window.location.origin).toString();
  const headers = (): Record<string, string> => (token ? { [HARNESS_TOKEN_HEADER]: token } : {});
  return [
    splitLink({
      condition: (op) => op.type === 'subscription',
      // EventSource cannot send headers: the harness' cookie (set when the page loaded) carries the token.
      true: httpSubscriptionLink({ url, transformer: superjson }),
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
