/**
 * What the Lootdrops screen reads and writes (the shape is described in lib/trpc.ts).
 */
import { keepPreviousData, useInfiniteQuery, useIsMutating, useMutation, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { DiscordUserView, HistoryForm } from '@shared/domain/lootdrops';
import { useTRPC } from '@renderer/lib/trpc';
import { nextBoardRead } from './board-time';

/** Whether Discord is configured, the currencies and the claim button format in force. */
export function useLootSettings() {
  const trpc = useTRPC();
  return useQuery(trpc.lootdrops.settings.queryOptions());
}

/**
 * Active drops, the latest claimed and expired ones, and drops on their way to Discord. Live
 * changes to `lootdrops` refresh it; so does the next drop's end, and, while a post waits for
 * Discord, a read every few seconds (posts live in aurora_desk, which has no live trigger).
 */
export function useLootBoard(recent = 30) {
  const trpc = useTRPC();
  // A spawn of this window on its way: the board shows how it is doing (waiting, checking).
  const spawning = useIsMutating({ mutationKey: trpc.lootdrops.spawn.mutationKey() }) > 0;
  return useQuery({
    ...trpc.lootdrops.board.queryOptions({ recent }),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => nextBoardRead(query.state.data, spawning),
  });
}

/** The server's channels by category (only asked for when Discord is configured). */
export function useLootChannels(enabled: boolean) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.lootdrops.channels.queryOptions({}), enabled, staleTime: 5 * 60_000 });
}

/**
 * Channel ID -> name, for rows: the names Discord gave before (kept in aurora_desk, so they
 * show while Discord cannot be reached), the server's channels, and for IDs the list does not
 * have (drops from before a change of server) Discord's answer by ID. IDs nobody named stay
 * out: the rows show them as IDs, with a hint.
 */
export function useChannelNames(enabled: boolean, ids: readonly string[] = []): Map<string, string> {
  const trpc = useTRPC();
  const channels = useLootChannels(enabled);
  const known = useQuery({ ...trpc.lootdrops.knownChannels.queryOptions(), staleTime: 60_000 });
  const listed = useMemo(() => {
    const names = new Map<string, string>();
    for (const channel of known.data ?? []) names.set(channel.id, channel.name);
    for (const group of channels.data?.groups ?? []) for (const channel of group.channels) names.set(channel.id, channel.name);
    return names;
  }, [channels.data, known.data]);
  // Only once the list has answered (or failed), so the IDs it names are not asked for.
  const unknown = useMemo(() => [...new Set(ids)].filter((id) => !listed.has(id)).sort().slice(0, 50), [ids, listed]);
  const lookedUp = useQuery({
    ...trpc.lootdrops.channelNames.queryOptions({ ids: unknown }),
    enabled: enabled && unknown.length > 0 && !channels.isPending && !known.isPending,
    staleTime: 60 * 60_000,
    retry: false,
  });
  return useMemo(() => {
    if (!lookedUp.data?.length) return listed;
    const names = new Map(listed);
    for (const channel of lookedUp.data) names.set(channel.id, channel.name);
    return names;
  }, [listed, lookedUp.data]);
}

/** Avatars (and Discord names) of the given claimers; empty without Discord. */
export function useDiscordUsers(ids: readonly bigint[], enabled: boolean): Map<string, DiscordUserView> {
  const trpc = useTRPC();
  const unique = useMemo(() => [...new Set(ids.map(String))].sort().slice(0, 50), [ids]);
  const query = useQuery({
    ...trpc.lootdrops.users.queryOptions({ ids: unique }),
    enabled: enabled && unique.length > 0,
    staleTime: 60 * 60_000,
    // Avatars are decoration: a failure shows initials, not an error.
    retry: false,
  });
  return useMemo(() => new Map((query.data ?? []).map((u) => [String(u.id), u])), [query.data]);
}

export type HistoryFilters = Omit<HistoryForm, 'cursor' | 'limit'>;

/** The history, newest first, a page at a time. */
export function useLootHistory(filters: HistoryFilters) {
  const trpc = useTRPC();
  return useInfiniteQuery({
    ...trpc.lootdrops.history.infiniteQueryOptions({ ...filters, limit: 50 }, { getNextPageParam: (page) => page.nextCursor }),
    placeholderData: keepPreviousData,
  });
}

/** Claim rate and time to claim, per channel, over the last `days` (null: all time). */
export function useLootStats(days: number | null) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.lootdrops.stats.queryOptions({ days }), placeholderData: keepPreviousData });
}

/**
 * The latest bursts. They live in aurora_desk (no live trigger), so while one runs the list
 * asks again every few seconds; otherwise live lootdrop changes refresh it with the rest.
 */
export function useBursts() {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.lootdrops.bursts.queryOptions(),
    refetchInterval: (query) => (query.state.data?.some((b) => b.status === 'running' || b.status === 'elsewhere') ? 3_000 : false),
  });
}

// ── writes: each refreshes the board, the history and the bursts ─────────────────────────
// The spawn and burst forms and the cancel dialog show a refusal themselves.

export function useSpawnLootdrop() {
  const trpc = useTRPC();
  return useMutation(trpc.lootdrops.spawn.mutationOptions({ meta: { notify: false, invalidates: [trpc.lootdrops.pathKey()] } }));
}

/** Gives up on a drop waiting for Discord's rate limit. */
export function useGiveUpPost() {
  const trpc = useTRPC();
  return useMutation(trpc.lootdrops.giveUpPost.mutationOptions({ meta: { errorContext: 'Could not give up the drop', invalidates: [trpc.lootdrops.pathKey()] } }));
}

export function useCancelLootdrop() {
  const trpc = useTRPC();
  return useMutation(trpc.lootdrops.cancel.mutationOptions({ meta: { notify: false, invalidates: [trpc.lootdrops.pathKey()] } }));
}

export function useStartBurst() {
  const trpc = useTRPC();
  return useMutation(trpc.lootdrops.startBurst.mutationOptions({ meta: { notify: false, invalidates: [trpc.lootdrops.pathKey()] } }));
}

// A burst's buttons: a refusal (someone else got there first) is a notification.

export function usePauseBurst() {
  const trpc = useTRPC();
  return useMutation(trpc.lootdrops.pauseBurst.mutationOptions({ meta: { errorContext: 'Could not pause the burst', invalidates: [trpc.lootdrops.pathKey()] } }));
}

export function useResumeBurst() {
  const trpc = useTRPC();
  return useMutation(trpc.lootdrops.resumeBurst.mutationOptions({ meta: { errorContext: 'Could not resume the burst', invalidates: [trpc.lootdrops.pathKey()] } }));
}

export function useCancelBurst() {
  const trpc = useTRPC();
  return useMutation(trpc.lootdrops.cancelBurst.mutationOptions({ meta: { errorContext: 'Could not cancel the burst', invalidates: [trpc.lootdrops.pathKey()] } }));
}

export function useDiscardBurst() {
  const trpc = useTRPC();
  return useMutation(trpc.lootdrops.discardBurst.mutationOptions({ meta: { errorContext: 'Could not discard the burst', invalidates: [trpc.lootdrops.pathKey()] } }));
}
