/**
 * The one `live.changes` subscription of the window. It keeps the query cache honest (each
 * change invalidates what lib/live-invalidation.ts maps it to, paced by lib/live-refresh.ts; a
 * resync, or getting the feed back after losing it, invalidates everything) and reports the
 * mode for the status bar.
 */
import { matchMutation, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { LiveEvent, LiveMode } from '@shared/live';
import { describeError } from './errors';
import { staleFilters } from './live-invalidation';
import { LiveRefresh } from './live-refresh';
import { useTRPC } from './trpc';

export interface LiveFeed {
  /** 'connecting' until the first status arrives. */
  mode: LiveMode | 'connecting';
  reason?: string;
  since?: Date;
  /** Reconnects the feed and refetches everything on screen. */
  retry(): void;
}

type LiveListener = (event: LiveEvent) => void;
const liveListeners = new Set<LiveListener>();

/**
 * Every event of the shell's one feed, for features that react to arrivals themselves (a row
 * highlight, an unread counter) beyond the invalidation the shell already does. No second
 * subscription: the shell's feed fans out here.
 *
 *   useLiveEvents((event) => { for (const row of liveRows(event)) if (row.table === 'moderation_cases') … });
 */
export function useLiveEvents(listener: LiveListener): void {
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => {
    const forward: LiveListener = (event) => latest.current(event);
    liveListeners.add(forward);
    return () => {
      liveListeners.delete(forward);
    };
  }, []);
}

export function useLiveFeed(): LiveFeed {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [state, setState] = useState<Omit<LiveFeed, 'retry'>>({ mode: 'connecting' });
  const hadFeed = useRef(false);
  const lost = useRef(false);
  // One refetch per query per window, however many events name it (lib/live-refresh.ts).
  const refresh = useMemo(() => new LiveRefresh(queryClient), [queryClient]);
  useEffect(() => refresh.attach(), [refresh]);

  const subscription = useSubscription(
    trpc.live.changes.subscriptionOptions(undefined, {
      onStarted() {
        // Back after losing the feed: anything may have changed meanwhile.
        if (hadFeed.current && lost.current) refresh.addEverything();
        hadFeed.current = true;
        lost.current = false;
      },
      onData(event) {
        if (event.kind === 'status') setState({ mode: event.status.mode, reason: event.status.reason, since: event.status.since });
        else if (event.kind === 'resync') refresh.addEverything();
        else refresh.add(staleFilters(trpc, event));
        for (const forward of liveListeners) forward(event);
      },
      onError(error) {
        lost.current = true;
        const view = describeError(error);
        setState({ mode: 'offline', reason: view.message, since: new Date() });
      },
    }),
  );

  const { reset } = subscription;
  const retry = useCallback(() => {
    setState((previous) => ({ ...previous, mode: 'connecting' }));
    lost.current = true;
    reset();
    void queryClient.invalidateQueries();
  }, [reset, queryClient]);

  // A profile switch closes the old database's hub, which ends this feed: follow the new one.
  useEffect(() => {
    const profileSwitch = { mutationKey: trpc.settings.switchProfile.mutationKey() };
    return queryClient.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'success' && matchMutation(profileSwitch, event.mutation)) retry();
    });
  }, [queryClient, retry, trpc]);

  // The transport dropped without an error event (SSE reconnecting): say so.
  const transportDown = subscription.status === 'connecting' && subscription.error !== null;
  useEffect(() => {
    if (transportDown) lost.current = true;
  }, [transportDown]);
  if (transportDown && state.mode !== 'offline') {
    return { mode: 'offline', reason: describeError(subscription.error).message, retry };
  }
  return { ...state, retry };
}
