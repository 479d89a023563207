import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@renderer/lib/trpc';

/** Everything the detail panel shows; refreshed in place by live changes. */
export function useCaseDetail(id: bigint | null) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.moderation.detail.queryOptions({ id: id ?? 0n }), enabled: id !== null });
}
