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
 * still match), so pass only the fields that identify the row.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { LiveEvent, LiveTable } from '../../../main/live/types';

export type LiveChange = Extract<LiveEvent, { kind: 'change' }>;
export type InvalidationTarget = string | { path: string; input?: Record<string, unknown> };
export type InvalidationRule = InvalidationTarget[] | ((change: LiveChange) => InvalidationTarget[]);

export const liveInvalidation: Record<LiveTable, InvalidationRule> = {
  moderation_cases: ['moderation', 'players.moderation'],
  lootdrops: ['lootdrops'],
  quests: ['quests'],
  user_quests: ['quests', 'players.quests'],
  items: ['items', 'players.inventory'],
  // The bot writes users rows constantly (every balance change): refetch the search and that one
  // profile, not every players query; the economy overview refreshes on its own timer.
  users: (change) => [
    'players.search',
    change.key.id ? { path: 'players.profile', input: { playerId: BigInt(change.key.id) } } : 'players.profile',
    'moderation.detail',
    'moderation.targetHistory',
  ],
};

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
  const keys = targetsFor(event).map(queryKeyFor);
  await Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  return keys;
}
