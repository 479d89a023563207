/**
 * Shared by the action hooks: after a write, the moderation queries read again at once (the
 * live feed would do it too, but in polling mode a second later).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC } from '@renderer/lib/trpc';

export function useRefreshModeration(): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries(trpc.moderation.pathFilter()), [queryClient, trpc]);
}
