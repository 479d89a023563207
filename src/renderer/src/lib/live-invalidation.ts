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
import type { LiveEvent, LiveTable } from '@shared/live';
import type { DeskTRPC } from './trpc';

export type LiveChange = Extract<LiveEvent, { kind: 'change' }>;

/** The queries a change to one table makes stale. */
export type StaleQueries = (trpc: DeskTRPC, change: LiveChange) => QueryFilters[];

export const liveInvalidation: Record<LiveTable, StaleQueries> = {
  moderation_cases: (trpc) => [trpc.moderation.pathFilter(), trpc.players.moderation.pathFilter()],
  lootdrops: (trpc) => [trpc.lootdrops.pathFilter()],
  quests: (trpc) => [trpc.quests.pathFilter()],
  user_quests: (trpc) => [trpc.quests.pathFilter(), trpc.players.quests.pathFilter()],
  items: (trpc) => [trpc.items.pathFilter(), trpc.players.inventory.pathFilter()],
  // The bot writes users rows constantly (every balance change): refetch the search and that one
  // player's profile, history and open case details, not every players or moderation query; the
  // economy overview refreshes on its own timer.
  users: (trpc, change) => {
    if (!change.key.id) {
      return [trpc.players.search.pathFilter(), trpc.players.profile.pathFilter(), trpc.moderation.detail.pathFilter(), trpc.moderation.targetHistory.pathFilter()];
    }
    const playerId = BigInt(change.key.id);
    return [
      trpc.players.search.pathFilter(),
      trpc.players.profile.queryFilter({ playerId }),
      trpc.moderation.targetHistory.queryFilter({ userId: playerId }),
      trpc.moderation.detail.queryFilter(undefined, { predicate: (query) => (query.state.data as CaseDetail | undefined)?.summary.userId === playerId }),
    ];
  },
};

/** Applies one live event to the query cache. */
export async function applyLiveEvent(queryClient: QueryClient, trpc: DeskTRPC, event: LiveEvent): Promise<void> {
  if (event.kind === 'resync') {
    await queryClient.invalidateQueries();
    return;
  }
  if (event.kind !== 'change') return;
  await Promise.all(liveInvalidation[event.table](trpc, event).map((filter) => queryClient.invalidateQueries(filter)));
}
