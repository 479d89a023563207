/**
 * The renderer shell's pure parts: which queries a live change makes stale (against a real
 * TanStack QueryClient with keys shaped the way @trpc/tanstack-react-query shapes them), how
 * every error kind reads, amounts and times, and key matching.
 */
import { QueryClient } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { describeError, fieldErrorsOf } from '../../src/renderer/src/lib/errors.js';
import { formatAmount, formatRelative, formatUtc } from '../../src/renderer/src/lib/format.js';
import { keyLabels, matchesKeys } from '../../src/renderer/src/lib/keys.js';
import { applyLiveEvent, queryKeyFor } from '../../src/renderer/src/lib/live-invalidation.js';
import { hashQueryKey } from '../../src/renderer/src/lib/query-key-hash.js';
import type { DeskErrorData } from '../../src/shared/errors.js';

/** A query key as @trpc/tanstack-react-query builds it for `path` and `input`. */
const trpcKey = (path: string, input?: unknown) => [path.split('.'), { ...(input === undefined ? {} : { input }), type: 'query' }];

describe('live invalidation', () => {
  function cacheWith(keys: unknown[][]): QueryClient {
    const client = new QueryClient({ defaultOptions: { queries: { queryKeyHashFn: hashQueryKey } } });
    for (const key of keys) client.setQueryData(key, { cached: true });
    return client;
  }
  const stale = (client: QueryClient) =>
    client
      .getQueryCache()
      .getAll()
      .filter((query) => query.isStale())
      .map((query) => (query.queryKey[0] as string[]).join('.'))
      .sort();

  it('a moderation change invalidates the moderation queries and nothing else', async () => {
    const client = cacheWith([
      trpcKey('moderation.list', { queue: 'active' }),
      trpcKey('moderation.case', { id: 1n }),
      trpcKey('lootdrops.board'),
      trpcKey('quests.list'),
      trpcKey('system.status'),
    ]);
    // Fresh data is not stale until invalidated.
    client.setDefaultOptions({ queries: { staleTime: Infinity, queryKeyHashFn: hashQueryKey } });
    expect(stale(client)).toEqual([]);
    await applyLiveEvent(client, { kind: 'change', table: 'moderation_cases', op: 'INSERT', key: { id: '42' } });
    expect(stale(client)).toEqual(['moderation.case', 'moderation.list']);
  });

  it('a users change invalidates the players area; a resync invalidates everything', async () => {
    const client = cacheWith([trpcKey('players.search', { q: 'ab' }), trpcKey('players.profile', { playerId: 5n }), trpcKey('items.list'), trpcKey('system.status')]);
    client.setDefaultOptions({ queries: { staleTime: Infinity, queryKeyHashFn: hashQueryKey } });
    await applyLiveEvent(client, { kind: 'change', table: 'users', op: 'UPDATE', key: { id: '5' } });
    expect(stale(client)).toEqual(['players.profile', 'players.search']);
    await applyLiveEvent(client, { kind: 'resync', reason: 'reconnected' });
    expect(stale(client)).toEqual(['items.list', 'players.profile', 'players.search', 'system.status']);
  });

  it("a users change refetches that player's case details and history, not every open case", async () => {
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, queryKeyHashFn: hashQueryKey } } });
    client.setQueryData(trpcKey('moderation.detail', { id: 1n }), { summary: { userId: 5n } });
    client.setQueryData(trpcKey('moderation.detail', { id: 2n }), { summary: { userId: 6n } });
    client.setQueryData(trpcKey('moderation.targetHistory', { userId: 5n, limit: 100 }), { cached: true });
    client.setQueryData(trpcKey('moderation.targetHistory', { userId: 6n, limit: 100 }), { cached: true });
    await applyLiveEvent(client, { kind: 'change', table: 'users', op: 'UPDATE', key: { id: '5' } });
    const staleQueries = client
      .getQueryCache()
      .getAll()
      .filter((query) => query.isStale())
      .map((query) => `${(query.queryKey[0] as string[]).join('.')} ${JSON.stringify((query.queryKey[1] as { input: unknown }).input, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))}`)
      .sort();
    expect(staleQueries).toEqual(['moderation.detail {"id":"1n"}', 'moderation.targetHistory {"userId":"5n","limit":100}']);
  });

  it('a status event invalidates nothing', async () => {
    const client = cacheWith([trpcKey('moderation.list')]);
    client.setDefaultOptions({ queries: { staleTime: Infinity, queryKeyHashFn: hashQueryKey } });
    await applyLiveEvent(client, { kind: 'status', status: { mode: 'polling', since: new Date(), reason: 'no triggers' } });
    expect(stale(client)).toEqual([]);
  });

  it('narrow targets match a query by a part of its input', async () => {
    const client = cacheWith([trpcKey('players.profile', { id: 5n, tab: 'inventory' }), trpcKey('players.profile', { id: 6n, tab: 'inventory' })]);
    client.setDefaultOptions({ queries: { staleTime: Infinity, queryKeyHashFn: hashQueryKey } });
    await client.invalidateQueries({ queryKey: queryKeyFor({ path: 'players.profile', input: { id: 5n } }) });
    const staleInputs = client
      .getQueryCache()
      .getAll()
      .filter((query) => query.isStale())
      .map((query) => (query.queryKey[1] as { input: { id: bigint } }).input.id);
    expect(staleInputs).toEqual([5n]);
  });
});

function trpcError(message: string, data: DeskErrorData): TRPCClientError<never> {
  return TRPCClientError.from({ error: { message, code: -32600, data } }) as TRPCClientError<never>;
}

describe('error views', () => {
  it('a missing identity points to Settings', () => {
    const view = describeError(trpcError('Set your staff identity …', { code: 'PRECONDITION_FAILED', precondition: 'identity' }));
    expect(view.kind).toBe('identity');
    expect(view.title).toBe('Set your staff identity');
    expect(view.fix).toEqual({ label: 'Open Settings', area: 'settings', section: 'identity' });
  });

  it('Discord missing, read-only, not found, conflict, unavailable and internal each read differently', () => {
    const kinds = [
      trpcError('Discord is not configured', { code: 'PRECONDITION_FAILED', precondition: 'discord' }),
      trpcError('read-only role', { code: 'PRECONDITION_FAILED', precondition: 'read-only' }),
      trpcError('Case #9 was not found.', { code: 'NOT_FOUND' }),
      trpcError('Resolved meanwhile.', { code: 'CONFLICT', conflict: { changedBy: 'Mira', changedAt: '2026-01-01T10:00:00.000Z' } }),
      trpcError('The database connection was lost.', { code: 'SERVICE_UNAVAILABLE' }),
      trpcError('Something went wrong in Aurora Desk.', { code: 'INTERNAL_SERVER_ERROR' }),
    ].map(describeError);
    expect(kinds.map((v) => v.kind)).toEqual(['discord', 'read-only', 'not-found', 'conflict', 'unavailable', 'internal']);
    expect(kinds[3]!.title).toBe('Changed meanwhile by Mira');
    expect(kinds[3]!.message).toContain('2026');
    expect(kinds[4]!.retryable).toBe(true);
    expect(kinds[2]!.retryable).toBe(false);
  });

  it('validation errors keep their fields for the form', () => {
    const error = trpcError('[{"path":["id"]}]', { code: 'BAD_REQUEST', fieldErrors: { id: ['A Discord ID is 15 to 20 digits'] }, formErrors: [] });
    const view = describeError(error);
    expect(view.kind).toBe('validation');
    expect(view.message).toBe('id: A Discord ID is 15 to 20 digits');
    expect(fieldErrorsOf(error)).toEqual({ id: 'A Discord ID is 15 to 20 digits' });
  });

  it('a transport failure (no tRPC data) reads as lost contact and may be retried', () => {
    const view = describeError(TRPCClientError.from(new Error('Failed to fetch')));
    expect(view.kind).toBe('connection');
    expect(view.retryable).toBe(true);
  });
});

describe('query key hashing', () => {
  it('hashes bigint inputs, and tells 1n from "1" and property order apart from values', () => {
    expect(hashQueryKey([['players', 'profile'], { input: { id: 1100000000000000001n } }])).toContain('1100000000000000001');
    expect(hashQueryKey([['p'], { input: { id: 1n } }])).not.toBe(hashQueryKey([['p'], { input: { id: '1' } }]));
    expect(hashQueryKey([['p'], { a: 1, b: 2 }])).toBe(hashQueryKey([['p'], { b: 2, a: 1 }]));
  });
});

describe('amounts and times', () => {
  it('formats bigints with separators and never rounds', () => {
    expect(formatAmount(9_223_372_036_854_775_807n)).toBe('9,223,372,036,854,775,807');
    expect(formatAmount('-1234567890123456789')).toBe('-1,234,567,890,123,456,789');
    expect(formatAmount(0n)).toBe('0');
  });

  it('says times relative to now, and exactly in UTC', () => {
    const now = Date.parse('2026-01-01T12:00:00Z');
    expect(formatRelative(new Date(now - 10_000), now)).toBe('just now');
    expect(formatRelative(new Date(now - 3 * 60_000), now)).toBe('3 min. ago');
    expect(formatRelative(new Date(now + 2 * 3600_000), now)).toBe('in 2 hr.');
    expect(formatUtc('2026-01-01T12:00:00.000Z')).toBe('2026-01-01 12:00:00 UTC');
  });
});

describe('keys', () => {
  const key = (init: KeyboardEventInit & { key: string }) =>
    ({ ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, code: '', ...init }) as unknown as KeyboardEvent;
  it('matches plain keys, modifiers and shifted characters', () => {
    expect(matchesKeys('j', key({ key: 'j' }))).toBe(true);
    expect(matchesKeys('j', key({ key: 'J', shiftKey: true }))).toBe(false);
    expect(matchesKeys('mod+k', key({ key: 'k', ctrlKey: true }))).toBe(true);
    expect(matchesKeys('mod+k', key({ key: 'k' }))).toBe(false);
    expect(matchesKeys('shift+?', key({ key: '?', shiftKey: true }))).toBe(true);
    expect(matchesKeys('alt+1', key({ key: '¡', code: 'Digit1', altKey: true }))).toBe(true);
    expect(matchesKeys('escape', key({ key: 'Escape' }))).toBe(true);
  });

  it('labels keys for the hints', () => {
    expect(keyLabels('mod+k')).toEqual(['Ctrl', 'K']);
    expect(keyLabels('shift+?')).toEqual(['?']);
    expect(keyLabels('alt+1')).toEqual(['Alt', '1']);
  });
});
