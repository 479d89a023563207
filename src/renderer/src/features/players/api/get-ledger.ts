import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useTRPC } from '@renderer/lib/trpc';

export type LedgerKind = 'currency' | 'items';
const PAGE = 50;

/** A player's currency ledger, newest first, page after page; `type` filters. */
export function useCurrencyLedger(playerId: bigint, type: string | null, enabled: boolean) {
  const trpc = useTRPC();
  return useInfiniteQuery({
    ...trpc.players.currencyLedger.infiniteQueryOptions(
      { playerId, limit: PAGE, ...(type ? { type } : {}) },
      { getNextPageParam: (page) => page.nextCursor },
    ),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useItemLedger(playerId: bigint, type: string | null, enabled: boolean) {
  const trpc = useTRPC();
  return useInfiniteQuery({
    ...trpc.players.itemLedger.infiniteQueryOptions({ playerId, limit: PAGE, ...(type ? { type } : {}) }, { getNextPageParam: (page) => page.nextCursor }),
    placeholderData: keepPreviousData,
    enabled,
  });
}
