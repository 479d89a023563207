/**
 * What the moderation screen reads and writes (the shape is described in lib/trpc.ts).
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferInput } from '@trpc/tanstack-react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CaseFiltersInput, CasePage, CaseSummary } from '@shared/domain/moderation';
import { MAX_PAGE_SIZE, type ModerationQueue } from '@shared/domain/moderation-rules';
import type { DeskTRPC } from '@renderer/lib/trpc';
import { shareCaseRows } from './share-rows';
import { useTRPC, useTRPCClient, type DeskClient } from '@renderer/lib/trpc';

// ── the queue ─────────────────────────────────────────────────────────────────────────────

const FIRST_PAGE = 50;
const WINDOW_CAP = MAX_PAGE_SIZE;

/**
 * Every case down to and including `through`, and whether older ones follow. A window read
 * answers only about rows inside it (its nextCursor means "more of the window"), so whether the
 * queue goes on past it is asked separately, with a one-row page: otherwise a live change would
 * end the list at the window ("End of the queue") however many older cases there are.
 */
async function readWindow(client: DeskClient, queue: ModerationQueue, filters: CaseFiltersInput, through: string, signal?: AbortSignal): Promise<CasePage> {
  const cases: CaseSummary[] = [];
  let cursor: string | null = null;
  do {
    const page: CasePage = await client.moderation.list.query({ queue, filters, through, cursor, limit: WINDOW_CAP }, { signal });
    cases.push(...page.cases);
    cursor = page.nextCursor;
  } while (cursor);
  const last = cases.at(-1);
  if (!last) return { cases, nextCursor: null };
  const beyond = await client.moderation.list.query({ queue, filters, cursor: last.cursor, limit: 1 }, { signal });
  return { cases, nextCursor: beyond.cases.length > 0 ? last.cursor : null };
}

/**
 * The case list as a window: the first page, then everything down to the oldest row the
 * moderator has scrolled to (`through`). A live change re-reads the whole window (in pages of
 * the router's largest size, so a window deeper than one page comes back whole), so an arrival
 * at the top never pushes a row out of view and nothing shows twice.
 */
export function useCaseWindow(queue: ModerationQueue, filters: CaseFiltersInput) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [through, setThrough] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const filterKey = JSON.stringify(filters, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  // A new queue or filter starts from the first page again.
  useEffect(() => setThrough(null), [queue, filterKey]);

  const input = useMemo(() => ({ queue, filters, through, limit: through ? WINDOW_CAP : FIRST_PAGE }), [queue, filters, through]);
  const options = trpc.moderation.list.queryOptions(input);
  const query = useQuery({
    ...options,
    queryFn: through ? ({ signal }) => readWindow(client, queue, filters, through, signal) : options.queryFn,
    placeholderData: keepPreviousData,
    // A live re-read keeps the unchanged rows' objects: only new or changed rows render again.
    structuralSharing: shareCaseRows,
    // The page renders again for new rows or an error, not for every refetch starting and ending.
    notifyOnChangeProps: ['data', 'error', 'isLoading'],
  });

  const data = query.data;
  // The list asks from its scroll events too, several of which can come before React renders
  // `loadingMore` or the longer window: this ref lets only the first of them fetch, until the
  // window it brought is rendered (or the fetch brought nothing).
  const fetching = useRef(false);
  useEffect(() => {
    fetching.current = false;
  }, [data]);
  const loadMore = useCallback(async () => {
    if (!data?.nextCursor || loadingMore || fetching.current) return;
    fetching.current = true;
    setLoadingMore(true);
    try {
      const page = await client.moderation.list.query({ queue, filters, cursor: data.nextCursor, limit: FIRST_PAGE });
      const last = page.cases.at(-1);
      if (!last) {
        fetching.current = false;
        return;
      }
      const next: CasePage = { cases: [...data.cases, ...page.cases], nextCursor: page.nextCursor };
      // Seed the wider window so it shows at once; the next live change re-reads it whole.
      queryClient.setQueryData(trpc.moderation.list.queryKey({ ...input, through: last.cursor, limit: WINDOW_CAP }), next);
      setThrough(last.cursor);
    } catch (error) {
      fetching.current = false;
      throw error;
    } finally {
      setLoadingMore(false);
    }
  }, [client, data, filters, input, loadingMore, queryClient, queue, trpc]);

  return { ...query, cases: data?.cases ?? [], hasMore: Boolean(data?.nextCursor), loadMore, loadingMore };
}

/** Counts per queue and per type for the filters (cached for a few seconds on huge tables). */
export function useCaseCounts(queue: ModerationQueue, filters: CaseFiltersInput) {
  const trpc = useTRPC();
  // Rendered again for new figures only, not for each live refetch starting and ending.
  return useQuery({ ...trpc.moderation.counts.queryOptions({ queue, filters }), placeholderData: keepPreviousData, notifyOnChangeProps: ['data', 'error'] });
}

/** Everything the detail panel shows; refreshed in place by live changes. */
export function useCaseDetail(id: bigint | null) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.moderation.detail.queryOptions({ id: id ?? 0n }), enabled: id !== null });
}

/** A case by its case ID or row number, for the command palette. */
export function useCaseLookup(text: string, enabled: boolean) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.moderation.find.queryOptions({ text, limit: 6 }), enabled });
}

/** Members the open-case form can act on, by name or the start of a Discord ID (players first). */
export function useMemberSearch(text: string) {
  const trpc = useTRPC();
  const q = text.trim();
  return useQuery({ ...trpc.moderation.findMembers.queryOptions({ text: q.slice(0, 64) }), enabled: q.length >= 2 && !/^\d{15,20}$/.test(q), placeholderData: keepPreviousData });
}

/** Whether timeout/kick/ban can be carried out on Discord, and if not, why. */
export function useDiscordStatus() {
  const trpc = useTRPC();
  return useQuery(trpc.moderation.discordStatus.queryOptions());
}

/** The queue's indexes, present or not: the header says what runs slower without them. */
export function useModerationIndexes() {
  const trpc = useTRPC();
  return useQuery(trpc.moderation.indexes.queryOptions());
}

/** The queue and filters as CSV: read once, on demand, for a file (not kept in the cache). */
export function useExportCases() {
  const client = useTRPCClient();
  return useMutation({
    mutationFn: (input: inferInput<DeskTRPC['moderation']['exportCsv']>) => client.moderation.exportCsv.query(input),
    meta: { errorContext: 'Could not export the cases' },
  });
}

// ── arrivals ──────────────────────────────────────────────────────────────────────────────

/** Whether Settings → Notifications asks for a desktop notification on a new case. */
export function useNewCaseNotifications() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.settings.get.queryOptions(), select: (settings) => settings.notifications.newCases });
}

/** The cases a live event announced, with the queues they belong to; each batch is read once. */
export function useReadArrivals() {
  const client = useTRPCClient();
  return useCallback((ids: bigint[]) => client.moderation.arrivals.query({ ids }), [client]);
}

// ── case actions ──────────────────────────────────────────────────────────────────────────
// Every case write refreshes the moderation queries. The dialogs' writes do not notify: the
// dialog shows a refusal (a CONFLICT) beside what was typed, and keeps it.

export function useOpenCase() {
  const trpc = useTRPC();
  return useMutation(trpc.moderation.open.mutationOptions({ meta: { notify: false, invalidates: [trpc.moderation.pathKey()] } }));
}

export function useResolveCase() {
  const trpc = useTRPC();
  return useMutation(trpc.moderation.resolve.mutationOptions({ meta: { notify: false, invalidates: [trpc.moderation.pathKey()] } }));
}

export function useBulkResolve() {
  const trpc = useTRPC();
  return useMutation(trpc.moderation.bulkResolve.mutationOptions({ meta: { notify: false, invalidates: [trpc.moderation.pathKey()] } }));
}

export function useAddNote() {
  const trpc = useTRPC();
  return useMutation(trpc.moderation.addNote.mutationOptions({ meta: { notify: false, invalidates: [trpc.moderation.pathKey()] } }));
}

export function useEditReason() {
  const trpc = useTRPC();
  return useMutation(trpc.moderation.editReason.mutationOptions({ meta: { notify: false, invalidates: [trpc.moderation.pathKey()] } }));
}

export function useClaimCase() {
  const trpc = useTRPC();
  return useMutation(trpc.moderation.claim.mutationOptions({ meta: { errorContext: 'Could not claim the case', invalidates: [trpc.moderation.pathKey()] } }));
}

export function useUnclaimCase() {
  const trpc = useTRPC();
  return useMutation(trpc.moderation.unclaim.mutationOptions({ meta: { errorContext: 'Could not release the claim', invalidates: [trpc.moderation.pathKey()] } }));
}

export function useReopenCase() {
  const trpc = useTRPC();
  return useMutation(trpc.moderation.reopen.mutationOptions({ meta: { errorContext: 'Could not reopen the case', invalidates: [trpc.moderation.pathKey()] } }));
}

/** Asks Discord again for an action whose outcome is unknown; the caller says what Discord answered. */
export function useRetryDiscord() {
  const trpc = useTRPC();
  return useMutation(trpc.moderation.retryDiscord.mutationOptions({ meta: { errorContext: 'Could not retry on Discord', invalidates: [trpc.moderation.pathKey()] } }));
}
