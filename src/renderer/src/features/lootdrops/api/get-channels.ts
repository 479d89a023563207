import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTRPC } from '@renderer/lib/trpc';

/** The server's channels by category (only asked for when Discord is configured). */
export function useLootChannels(enabled: boolean) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.lootdrops.channels.queryOptions({}), enabled, staleTime: 5 * 60_000 });
}

/** Channel ID -> "#name", for rows; IDs without a known name show as they are. */
export function useChannelNames(enabled: boolean): Map<string, string> {
  const channels = useLootChannels(enabled);
  return useMemo(() => {
    const names = new Map<string, string>();
    for (const group of channels.data?.groups ?? []) for (const channel of group.channels) names.set(channel.id, channel.name);
    return names;
  }, [channels.data]);
}
