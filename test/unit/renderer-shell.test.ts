/**
 * The renderer shell's pure parts: which queries a live change makes stale (against a real
 * TanStack QueryClient, with keys built by the same @trpc/tanstack-react-query proxy the app
 * uses, typed by the real router), how every error kind reads, amounts and times, and key matching.
 */
import { QueryClient, type QueryKey } from '@tanstack/react-query';
import { createTRPCClient, TRPCClientError } from '@trpc/client';
import { getTRPCErrorShape, type AnyTRPCProcedure } from '@trpc/server';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { describe, expect, it } from 'vitest';
import { appRouter, type AppRouter } from '../../src/main/api/root.js';
import { toTRPCError } from '../../src/main/api/trpc.js';
import { ERRORS } from '../../src/main/core/errors.js';
import type { DeskTRPC } from '../../src/renderer/src/lib/trpc.js';
import { describeError, fieldErrorsOf } from '../../src/renderer/src/lib/errors.js';
import { formatAmount, formatRelative, formatUtc } from '../../src/renderer/src/lib/format.js';
import { keyLabels, matchesKeys } from '../../src/renderer/src/lib/keys.js';
import { applyLiveEvent, liveInvalidation, type LiveChange } from '../../src/renderer/src/lib/live-invalidation.js';
import { hashQueryKey } from '../../src/renderer/src/lib/query-key-hash.js';
import type { LiveTable } from '../../src/shared/live.js';
import type { DeskErrorData } from '../../src/shared/errors.js';

/** Builds keys and filters only; nothing here sends a request. */
const trpc: DeskTRPC = createTRPCOptionsProxy<AppRouter>({ client: createTRPCClient<AppRouter>({ links: [] }), queryClient: new QueryClient() });

describe('live invalidation', () => {
  /** A cache holding fresh answers under these keys: nothing is stale until invalidated. */
  function cacheWith(keys: QueryKey[], answers: { key: QueryKey; data: unknown }[] = []): QueryClient {
    const client = new QueryClient({ defaultOptions: { queries: { queryKeyHashFn: hashQueryKey, staleTime: Infinity } } });
    for (const key of keys) client.setQueryData(key, { cached: true });
    for (const { key, data } of answers) client.setQueryData(key, data);
    return client;
  }
  const stale = (client: QueryClient) =>
    client
      .getQueryCache()
      .getAll()
      .filter((query) => query.isStale())
      .map((query) => (query.queryKey[0] as string[]).join('.'))
      .sort();
  const change = (table: LiveTable, key: Record<string, string> = { id: '5' }): LiveChange => ({ kind: 'change', table, op: 'UPDATE', key });

  it('a new case invalidates the case lists, not the open details, discord status or indexes; a changed case its own detail', async () => {
    const client = cacheWith([
      trpc.moderation.list.queryKey({ queue: 'active' }),
      trpc.moderation.detail.queryKey({ id: 1n }),
      trpc.moderation.discordStatus.queryKey(),
      trpc.moderation.indexes.queryKey(),
      trpc.lootdrops.board.queryKey(),
      trpc.quests.list.infiniteQueryKey({}),
      trpc.system.status.queryKey(),
    ]);
    // Fresh data is not stale until invalidated.
    expect(stale(client)).toEqual([]);
    await applyLiveEvent(client, trpc, { kind: 'change', table: 'moderation_cases', op: 'INSERT', key: { id: '42' } });
    expect(stale(client)).toEqual(['moderation.list']);
    await applyLiveEvent(client, trpc, { kind: 'changes', table: 'moderation_cases', rows: [{ op: 'UPDATE', key: { id: '42' } }] });
    expect(stale(client)).toEqual(['moderation.list']);
    await applyLiveEvent(client, trpc, { kind: 'changes', table: 'moderation_cases', rows: [{ op: 'UPDATE', key: { id: '7' } }, { op: 'UPDATE', key: { id: '1' } }] });
    expect(stale(client)).toEqual(['moderation.detail', 'moderation.list']);
  });

  it("a users change invalidates that player's profile and the searches listing them, pages included; a resync invalidates everything", async () => {
    const listed = { exact: [], players: [{ id: 5n }], nextCursor: null };
    const client = cacheWith(
      [trpc.players.profile.queryKey({ playerId: 5n }), trpc.items.list.queryKey({}), trpc.system.status.queryKey()],
      [
        { key: trpc.players.search.infiniteQueryKey({ query: 'ab' }), data: { pages: [{ exact: [], players: [], nextCursor: 'x' }, listed], pageParams: [null, 'x'] } },
        { key: trpc.players.search.infiniteQueryKey({ query: 'zz' }), data: { pages: [{ exact: [], players: [{ id: 6n }], nextCursor: null }], pageParams: [null] } },
      ],
    );
    await applyLiveEvent(client, trpc, change('users'));
    expect(stale(client)).toEqual(['players.profile', 'players.search']);
    expect(client.getQueryState(trpc.players.search.infiniteQueryKey({ query: 'zz' }))?.isInvalidated).toBe(false);
    await applyLiveEvent(client, trpc, { kind: 'resync', reason: 'reconnected' });
    expect(stale(client)).toEqual(['items.list', 'players.profile', 'players.search', 'players.search', 'system.status']);
  });

  it("a users change refetches that player's case details and history, not every open case", async () => {
    const client = cacheWith(
      [trpc.moderation.targetHistory.queryKey({ userId: 5n, limit: 100 }), trpc.moderation.targetHistory.queryKey({ userId: 6n, limit: 100 })],
      [
        { key: trpc.moderation.detail.queryKey({ id: 1n }), data: { summary: { userId: 5n } } },
        { key: trpc.moderation.detail.queryKey({ id: 2n }), data: { summary: { userId: 6n } } },
      ],
    );
    await applyLiveEvent(client, trpc, change('users'));
    const staleQueries = client
      .getQueryCache()
      .getAll()
      .filter((query) => query.isStale())
      .map((query) => `${(query.queryKey[0] as string[]).join('.')} ${JSON.stringify((query.queryKey[1] as { input: unknown }).input, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))}`)
      .sort();
    expect(staleQueries).toEqual(['moderation.detail {"id":"1n"}', 'moderation.targetHistory {"userId":"5n","limit":100}']);
  });

  it('a status event invalidates nothing', async () => {
    const client = cacheWith([trpc.moderation.list.queryKey({ queue: 'active' })]);
    await applyLiveEvent(client, trpc, { kind: 'status', status: { mode: 'polling', since: new Date(), reason: 'no triggers' } });
    expect(stale(client)).toEqual([]);
  });

  it('narrow targets match a query by a part of its input', async () => {
    const client = cacheWith([trpc.moderation.targetHistory.queryKey({ userId: 5n, limit: 100 }), trpc.moderation.targetHistory.queryKey({ userId: 6n, limit: 100 })]);
    await client.invalidateQueries(trpc.moderation.targetHistory.queryFilter({ userId: 5n }));
    const staleInputs = client
      .getQueryCache()
      .getAll()
      .filter((query) => query.isStale())
      .map((query) => (query.queryKey[1] as { input: { userId: bigint } }).input.userId);
    expect(staleInputs).toEqual([5n]);
  });

  it('every target names a query the router has, and matches the key the app caches for it', () => {
    // The router keeps its procedures flat by dotted path at run time (its type says nested).
    const queries = Object.entries(appRouter._def.procedures as unknown as Record<string, AnyTRPCProcedure>)
      .filter(([, procedure]) => procedure._def.type === 'query')
      .map(([path]) => path);
    const tables = Object.keys(liveInvalidation) as LiveTable[];
    // A change that names its row, and one that does not (the rule may narrow or not).
    for (const liveChange of tables.flatMap((table) => [change(table), change(table, {})])) {
      for (const filter of liveInvalidation[liveChange.table](trpc, liveChange)) {
        const [segments, args] = filter.queryKey as [string[], { input?: unknown }?];
        const path = segments.join('.');
        const named = queries.filter((query) => query === path || query.startsWith(`${path}.`));
        expect(named, `${liveChange.table} maps to ${path}, which the router does not have`).not.toEqual([]);
        for (const query of named) {
          const procedure = query.split('.').reduce<any>((node, part) => node[part], trpc); // eslint-disable-line @typescript-eslint/no-explicit-any
          const cached = cacheWith([procedure.queryKey(args?.input) as QueryKey]);
          expect(cached.getQueryCache().findAll({ queryKey: filter.queryKey }), `${liveChange.table}: ${path} against ${query}`).toHaveLength(1);
        }
      }
    }
  });

  it('a path the router lacks does not compile', () => {
    // @ts-expect-error `profiles` is not a players procedure: the renderer's typecheck fails on such a target.
    const misspelt = (proxy: DeskTRPC) => proxy.players.profiles.pathFilter();
    expect(misspelt).toBeTypeOf('function');
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

  it('names what is unavailable, as the main process marks it: the desk itself, or the database', () => {
    const overWire = (error: unknown) => {
      const trpc = toTRPCError(error);
      const shape = getTRPCErrorShape({ config: appRouter._def._config, error: trpc, type: 'mutation', path: undefined, input: undefined, ctx: undefined });
      return describeError(trpcError(shape.message, shape.data as DeskErrorData));
    };
    expect(overWire(ERRORS.unavailable('Aurora Desk is shutting down.', 'desk')).title).toBe('Aurora Desk is not ready');
    expect(overWire(ERRORS.unavailable('No database is open.')).title).toBe('Database unavailable');
    const lost = Object.assign(new Error('Connection terminated unexpectedly'), { code: '57P01' });
    expect(overWire(lost)).toMatchObject({ kind: 'unavailable', title: 'Database unavailable', retryable: true });
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
