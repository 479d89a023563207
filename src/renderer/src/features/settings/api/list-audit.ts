import { useInfiniteQuery } from '@tanstack/react-query';
import type { AuditFilter } from '@shared/domain/audit';
import { useTRPC } from '@renderer/lib/trpc';

export type AuditListFilter = Omit<AuditFilter, 'cursor' | 'limit'>;

/** Newest first, 50 at a time; "load more" follows the keyset cursor. */
export function useAuditLog(filter: AuditListFilter) {
  const trpc = useTRPC();
  return useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions({ ...filter, limit: 50 }, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
  );
}
