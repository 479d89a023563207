import { useQuery } from '@tanstack/react-query';
import { useTRPC } from './trpc';

/**
 * The connection, read-only state and staff identity in force: the status bar shows them and
 * screens read who is acting from them. Asked again every 30 s, so a dropped database or an
 * identity changed in another window shows without a write or a live event to say so.
 */
export function useSystemStatus() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.system.status.queryOptions(), refetchInterval: 30_000 });
}
