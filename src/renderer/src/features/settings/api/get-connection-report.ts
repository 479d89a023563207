import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@renderer/lib/trpc';

/** The open connection and its schema report. */
export function useConnectionReport() {
  const trpc = useTRPC();
  return useQuery(trpc.settings.connectionReport.queryOptions());
}
