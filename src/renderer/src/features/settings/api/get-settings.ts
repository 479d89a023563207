import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC } from '@renderer/lib/trpc';

/** Everything the Settings page may see (secrets only as set / not set). */
export function useSettings() {
  const trpc = useTRPC();
  return useQuery(trpc.settings.get.queryOptions());
}

/** After a settings change: the page's view, the connection panel and the audit log read again. */
export function useRefreshSettings(): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.settings.get.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.settings.connectionReport.queryKey() }),
      queryClient.invalidateQueries(trpc.audit.pathFilter()),
    ]);
  }, [queryClient, trpc]);
}
