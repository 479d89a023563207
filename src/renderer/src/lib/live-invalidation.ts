/**
 * What a live change makes stale. The main process tells us "table X, row K changed"; this
 * table says which queries read that table, and only those are refetched (the ones on screen
 * at once, the rest when next shown). A resync refetches everything.
 *
 * Targets are filters built from the typed router (`trpc.<area>.pathFilter()`, a procedure's
 * `queryFilter(input)`), so renaming or removing a procedure breaks the build here instead of
 * silently ending its live refresh. Features extend the table when they add procedures that
 * read one of these tables.
 *
 * A `queryFilter` input is matched partially against the query's input (extra fields in the
 * query's input still match), so pass only the fields that identify the row. Where the input
 * does not name the row (a case detail is asked for by case, but shows its target player), a
 * `predicate` looks at what the query has cached instead.
 */
import type { QueryClient, QueryFilters } from '@tanstack/react-query';
import type { CaseDetail } from '@shared/domain/moderation';
import type { PlayerSearchResult } from '@shared/domain/players';
import { liveRows, type LiveEvent, type LiveTable } from '@shared/live';
import type { DeskTRPC } from './trpc';

export type LiveChange = Extract<LiveEvent, { kind: 'change' }>;

/** The queries a change to one table makes stale. */
export type StaleQueries = (trpc: DeskTRPC, change: LiveChange) => QueryFilters[];

/** The moderation reads a case row appears in (not discordStatus, indexes, find: no case row in them). */
const caseReads = (trpc: DeskTRPC) => [
  trpc.moderation.list.pathFilter(),
  trpc.moderation.counts.pathFilter(),
  trpc.moderation.byIds.pathFilter(),
  trpc.moderation.targetHistory.pathFilter(),
  trpc.players.moderation.pathFilter(),
];

export const liveInvalidation: Record<LiveTable, StaleQueries> = {
  // A changed case refetches the lists it is in and its own detail; a new case touches no open
  // detail (the moderation screen refreshes the detail of the new case's target itself, once it
  // has read who that is: features/moderation/hooks/use-arrivals.ts).
  moderation_cases: (trpc, change) => {
    if (change.op === 'INSERT' && change.key.id) return caseReads(trpc);
    if (!change.key.id) return [...caseReads(trpc), trpc.moderation.detail.pathFilter()];
    return [...caseReads(trpc), trpc.moderation.detail.queryFilter({ id: BigInt(change.key.id) })];
  },
  lootdrops: (trpc) => [trpc.lootdrops.pathFilter()],
  quests: (trpc) => [trpc.quests.pathFilter()],
  user_quests: (trpc) => [trpc.quests.pathFilter(), trpc.players.quests.pathFilter()],
  items: (trpc) => [trpc.items.pathFilter(), trpc.players.inventory.pathFilter()],
  // The bot writes users rows constantly (every balance change): refetch only what shows that
  // player (a search listing them, their profile, history and open case details), not every
  // players or moderation query; the economy overview refreshes on its own timer.
  users: (trpc, change) => {
    if (!change.key.id) {
      return [trpc.players.search.pathFilter(), trpc.players.profile.pathFilter(), trpc.moderation.detail.pathFilter(), trpc.moderation.targetHistory.pathFilter()];
    }
    const playerId = BigInt(change.key.id);
    return [
      trpc.players.search.pathFilter({ predicate: (query) => searchShows(query.state.data, playerId) }),
      trpc.players.profile.queryFilter({ playerId }),
      trpc.moderation.targetHistory.queryFilter({ userId: playerId }),
      trpc.moderation.detail.queryFilter(undefined, { predicate: (query) => (query.state.data as CaseDetail | undefined)?.summary.userId === playerId }),
    ];
  },
};

/** Whether a cached player search (one page, or pages of an infinite list) lists this player. */
function searchShows(data: unknown, playerId: bigint): boolean {
  if (data === undefined) return false;
  const pages = (data as { pages?: PlayerSearchResult[] }).pages ?? [data as PlayerSearchResult];
  return pages.some((page) => [...(page?.exact ?? []), ...(page?.players ?? [])].some((p) => p.id === playerId));
}

/** Every query the rows of one event make stale (none for a status; a resync is everything). */
export function staleFilters(trpc: DeskTRPC, event: LiveEvent): QueryFilters[] {
  return liveRows(event).flatMap((change) => liveInvalidation[change.table](trpc, { kind: 'change', ...change }));
}

/** Applies one live event to the query cache. */
export async function applyLiveEvent(queryClient: QueryClient, trpc: DeskTRPC, event: LiveEvent): Promise<void> {
  if (event.kind === 'resync') {
    await queryClient.invalidateQueries(undefined, { cancelRefetch: false });
    return;
  }
  // A refetch already on its way is kept, not cancelled to start the same one again.
  await Promise.all(staleFilters(trpc, event).map((filter) => queryClient.invalidateQueries(filter, { cancelRefetch: false })));
}
