import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CaseFiltersInput, ModerationQueue } from '@shared/domain/moderation';
import { useTRPC } from '@renderer/lib/trpc';

/** Counts per queue and per type for the filters (cached for a few seconds on huge tables). */
export function useCaseCounts(queue: ModerationQueue, filters: CaseFiltersInput) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.moderation.counts.queryOptions({ queue, filters }), placeholderData: keepPreviousData });
}
