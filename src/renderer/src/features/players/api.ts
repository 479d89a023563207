/**
 * What the Players screen reads and writes (the shape is described in lib/trpc.ts).
 */
import { keepPreviousData, skipToken, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import type { DeskTRPC } from '@renderer/lib/trpc';
import { useTRPC } from '@renderer/lib/trpc';

// ── search ────────────────────────────────────────────────────────────────────────────────

const SEARCH_PAGE = 50;

/** players.search, page after page (keyset cursor); the previous results stay while typing. */
export function usePlayerSearch(query: string) {
  const trpc = useTRPC();
  return useInfiniteQuery({
    ...trpc.players.search.infiniteQueryOptions({ query, limit: SEARCH_PAGE }, { getNextPageParam: (page) => page.nextCursor }),
    placeholderData: keepPreviousData,
  });
}

/** The first few players by name fragment or Discord ID, for the command palette. */
export function usePlayerLookup(query: string, enabled: boolean) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.players.search.queryOptions({ query, limit: 6 }), enabled });
}

/** Whether fragment search has its trigram index (said under the search box when not). */
export function useSearchStatus() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.players.searchStatus.queryOptions(), staleTime: Infinity });
}

// ── a player ──────────────────────────────────────────────────────────────────────────────

export function usePlayerProfile(playerId: bigint | null) {
  const trpc = useTRPC();
  return useQuery(trpc.players.profile.queryOptions(playerId === null ? skipToken : { playerId }));
}

// The profile's tabs: one query each, fetched when the tab is shown.

export function useInventory(playerId: bigint) {
  const trpc = useTRPC();
  return useQuery(trpc.players.inventory.queryOptions({ playerId }));
}

export function useQuestProgress(playerId: bigint) {
  const trpc = useTRPC();
  return useQuery(trpc.players.quests.queryOptions({ playerId }));
}

export function useTimers(playerId: bigint) {
  const trpc = useTRPC();
  return useQuery(trpc.players.timers.queryOptions({ playerId }));
}

export function useModerationSummary(playerId: bigint) {
  const trpc = useTRPC();
  return useQuery(trpc.players.moderation.queryOptions({ playerId }));
}

/** The player's newest cases (the moderation queue's target history), for the profile's list. */
export function usePlayerCases(playerId: bigint, limit = 50) {
  const trpc = useTRPC();
  return useQuery(trpc.moderation.targetHistory.queryOptions({ userId: playerId, limit }));
}

export type LedgerKind = 'currency' | 'items';
const LEDGER_PAGE = 50;

/** A player's currency ledger, newest first, page after page; `type` filters. */
export function useCurrencyLedger(playerId: bigint, type: string | null, enabled: boolean) {
  const trpc = useTRPC();
  return useInfiniteQuery({
    ...trpc.players.currencyLedger.infiniteQueryOptions({ playerId, limit: LEDGER_PAGE, ...(type ? { type } : {}) }, { getNextPageParam: (page) => page.nextCursor }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** A player's item ledger, the same way. */
export function useItemLedger(playerId: bigint, type: string | null, enabled: boolean) {
  const trpc = useTRPC();
  return useInfiniteQuery({
    ...trpc.players.itemLedger.infiniteQueryOptions({ playerId, limit: LEDGER_PAGE, ...(type ? { type } : {}) }, { getNextPageParam: (page) => page.nextCursor }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Items to grant, by name fragment or #number. */
export function useItemChoices(query: string, enabled: boolean) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.players.itemChoices.queryOptions({ query, limit: 20 }), placeholderData: keepPreviousData, enabled });
}

// ── the economy ───────────────────────────────────────────────────────────────────────────

/**
 * Whole-table aggregates: not refetched on every live change to `users` (the bot writes those
 * constantly), but once a minute while on screen, after staff actions, and on demand.
 */
const AGGREGATE_REFRESH_MS = 60_000;

export function useClassesOverview() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.economy.classes.queryOptions(), refetchInterval: AGGREGATE_REFRESH_MS });
}

export function useEconomyOverview(days: number) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.economy.overview.queryOptions({ days, topHolders: 10 }), refetchInterval: AGGREGATE_REFRESH_MS, placeholderData: keepPreviousData });
}

// ── staff actions ─────────────────────────────────────────────────────────────────────────
// The dialogs show a refusal themselves (beside the fields, keeping what was typed), so these
// do not notify.

/** What a staff action may change: everything about players, and the economy's figures. */
const playerViews = (trpc: DeskTRPC) => [trpc.players.pathKey(), trpc.economy.pathKey()];

export function useGrantCurrency() {
  const trpc = useTRPC();
  return useMutation(trpc.players.grantCurrency.mutationOptions({ meta: { notify: false, invalidates: playerViews(trpc) } }));
}

export function useTakeCurrency() {
  const trpc = useTRPC();
  return useMutation(trpc.players.takeCurrency.mutationOptions({ meta: { notify: false, invalidates: playerViews(trpc) } }));
}

export function useGrantItem() {
  const trpc = useTRPC();
  return useMutation(trpc.players.grantItem.mutationOptions({ meta: { notify: false, invalidates: playerViews(trpc) } }));
}

export function useRemoveItem() {
  const trpc = useTRPC();
  return useMutation(trpc.players.removeItem.mutationOptions({ meta: { notify: false, invalidates: playerViews(trpc) } }));
}

export function useClearTimer() {
  const trpc = useTRPC();
  return useMutation(trpc.players.clearTimer.mutationOptions({ meta: { notify: false, invalidates: playerViews(trpc) } }));
}

export function useSetActive() {
  const trpc = useTRPC();
  return useMutation(trpc.players.setActive.mutationOptions({ meta: { notify: false, invalidates: playerViews(trpc) } }));
}

export function useChangeClass() {
  const trpc = useTRPC();
  return useMutation(trpc.players.changeClass.mutationOptions({ meta: { notify: false, invalidates: playerViews(trpc) } }));
}
