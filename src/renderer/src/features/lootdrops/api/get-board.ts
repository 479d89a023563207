import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTRPC } from '@renderer/lib/trpc';

/** Active drops, the latest claimed and expired ones. Live changes to `lootdrops` refresh it. */
export function useLootBoard(recent = 30) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.lootdrops.board.queryOptions({ recent }), placeholderData: keepPreviousData });
}
