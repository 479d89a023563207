import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@renderer/lib/trpc';

/** Whether Discord is configured, the currencies and the claim button format in force. */
export function useLootSettings() {
  const trpc = useTRPC();
  return useQuery(trpc.lootdrops.settings.queryOptions());
}
