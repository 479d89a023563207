/**
 * What a live change makes stale. The main process tells us "table X, row K changed"; this
 * table says which tRPC routers read that table, and only their queries are refetched (the
 * ones on screen at once, the rest when next shown). A resync refetches everything.
 *
 * Features extend the map when they add routers: a path is a router or procedure path
 * ('moderation', 'players.profile'). Use the function form to narrow by the changed key:
 *
 *   users: (change) => ['players.search', { path: 'players.profile', input: { id: BigInt(change.key.id) } }],
 *
 * An `input` is matched partially against the query's input (extra fields in the query's input
 * still match), so pass only the fields that identify the row. Where the input does not name
 * the row (a case detail is asked for by case, but shows its target player), `holds` looks at
 * what the query has cached instead.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { LiveEvent, LiveTable } from '@shared/live';

export type LiveChange = Extract<LiveEvent, { kind: 'change' }>;
export type InvalidationTarget = string | { path: string; input?: Record<string, unknown>; holds?: (data: unknown) => boolean };
export type InvalidationRule = InvalidationTarget[] | ((change: LiveChange) => InvalidationTarget[]);

export const liveInvalidation: Record<LiveTable, InvalidationRule> = {
  moderation_cases: ['moderation', 'players.moderation'],
  lootdrops: ['lootdrops'],
  quests: ['quests'],
  user_quests: ['quests', 'players.quests'],
  items: ['items', 'players.inventory'],
  // The bot writes users rows constantly (every balance change): refetch the search and that one
  // player's profile, history and open case details, not every players or moderation query; the
  // economy overview refreshes on its own timer.
  users: (change) => {
    if (!change.key.id) return ['players.search', 'players.profile', 'moderation.detail', 'moderation.targetHistory'];
    const playerId = BigInt(change.key.id);
    return [
      'players.search',
      { path: 'players.profile', input: { playerId } },
      { path: 'moderation.targetHistory', input: { userId: playerId } },
      { path: 'moderation.detail', holds: (data) => detailTarget(data) === playerId },
    ];
  },
};

/** The target player of a cached moderation.detail answer (CaseDetail), if it is one. */
function detailTarget(data: unknown): bigint | undefined {
  const summary = (data as { summary?: { userId?: unknown } } | undefined)?.summary;
  return typeof summary?.userId === 'bigint' ? summary.userId : undefined;
}

/** The TanStack query key prefix for a tRPC path, as @trpc/tanstack-react-query builds keys. */
export function queryKeyFor(target: InvalidationTarget): unknown[] {
  const path = typeof target === 'string' ? target : target.path;
  const segments = path.split('.').filter(Boolean);
  if (typeof target !== 'string' && target.input !== undefined) return [segments, { input: target.input }];
  return [segments];
}

export function targetsFor(change: LiveChange): InvalidationTarget[] {
  const rule = liveInvalidation[change.table];
  if (!rule) return [];
  return typeof rule === 'function' ? rule(change) : rule;
}

/** Applies one live event to the query cache. Returns the keys it invalidated (for tests/logs). */
export async function applyLiveEvent(queryClient: QueryClient, event: LiveEvent): Promise<unknown[][]> {
  if (event.kind === 'resync') {
    await queryClient.invalidateQueries();
    return [[]];
  }
  if (event.kind !== 'change') return [];
  const targets = targetsFor(event);
  const keys = targets.map(queryKeyFor);
  await Promise.all(
    targets.map((target, i) => {
      const holds = typeof target === 'string' ? undefined : target.holds;
      return queryClient.invalidateQueries({ queryKey: keys[i], ...(holds ? { predicate: (query) => holds(query.state.data) } : {}) });
    }),
  );
  return keys;
}
