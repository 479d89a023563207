import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { DiscordUserView } from '@shared/domain/lootdrops';
import { useTRPC } from '@renderer/lib/trpc';

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
