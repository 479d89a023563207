/**
 * Live changes under a burst: the hub's coalescer sends a lone change at once and a burst as
 * one message per table per window; the renderer's LiveRefresh refetches each query on screen
 * at most once per window, never cancels a fetch on its way, and always fetches after the last
 * change. Real TanStack QueryClient and observers; timers are Vitest's fake ones.
 */
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveCoalescer } from '../../src/main/live/coalesce.js';
import type { LiveEvent } from '../../src/main/live/types.js';
import { LIVE_WINDOW_MS, LiveRefresh } from '../../src/renderer/src/lib/live-refresh.js';
import { shareCaseRows } from '../../src/renderer/src/features/moderation/share-rows.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const insert = (id: number): LiveEvent => ({ kind: 'change', table: 'moderation_cases', op: 'INSERT', key: { id: String(id) } });

describe('the hub coalescer', () => {
  it('sends a lone change at once, then one message per table for everything within the window', () => {
    const sent: LiveEvent[] = [];
    const coalescer = new LiveCoalescer(40, (event) => sent.push(event));
    coalescer.push(insert(1));
    expect(sent).toEqual([{ kind: 'changes', table: 'moderation_cases', rows: [{ op: 'INSERT', key: { id: '1' } }] }]);
    for (let id = 2; id <= 300; id++) coalescer.push(insert(id));
    coalescer.push({ kind: 'change', table: 'users', op: 'UPDATE', key: { id: '9' } });
    coalescer.push({ kind: 'change', table: 'users', op: 'UPDATE', key: { id: '9' } });
    coalescer.push({ kind: 'change', table: 'moderation_cases', op: 'UPDATE', key: { id: '2' } });
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(40);
    expect(sent).toHaveLength(3);
    const cases = sent[1] as Extract<LiveEvent, { kind: 'changes' }>;
    expect(cases.table).toBe('moderation_cases');
    expect(cases.rows).toHaveLength(299);
    // Inserted and then updated within the window: still new.
    expect(cases.rows.find((row) => row.key.id === '2')?.op).toBe('INSERT');
    expect(sent[2]).toEqual({ kind: 'changes', table: 'users', rows: [{ op: 'UPDATE', key: { id: '9' } }] });
    // A quiet window closes; the next lone change goes out at once again.
    vi.advanceTimersByTime(40);
    coalescer.push(insert(301));
    expect(sent).toHaveLength(4);
  });

  it('keeps the order with statuses and lets a resync replace what waits', () => {
    const sent: LiveEvent[] = [];
    const coalescer = new LiveCoalescer(40, (event) => sent.push(event));
    coalescer.push(insert(1));
    coalescer.push(insert(2));
    coalescer.push({ kind: 'status', status: { mode: 'live', since: new Date(0) } });
    expect(sent.map((e) => e.kind)).toEqual(['changes', 'changes', 'status']);
    coalescer.push(insert(3));
    coalescer.push({ kind: 'resync', reason: 'reconnected' });
    vi.advanceTimersByTime(100);
    expect(sent.map((e) => e.kind)).toEqual(['changes', 'changes', 'status', 'resync']);
    coalescer.drop();
  });
});

describe('the renderer live refresh', () => {
  function watched(client: QueryClient, key: string, fetchMs: number) {
    const calls: { aborted: () => boolean }[] = [];
    const observer = new QueryObserver(client, {
      queryKey: [key],
      staleTime: Infinity,
      queryFn: async ({ signal }) => {
        calls.push({ aborted: () => signal.aborted });
        await new Promise((resolve) => setTimeout(resolve, fetchMs));
        return calls.length;
      },
    });
    const stop = observer.subscribe(() => {});
    return { calls, stop };
  }

  it('refetches a query on screen once per window however many changes name it, and once after the last', async () => {
    const client = new QueryClient();
    const list = watched(client, 'list', 10);
    await vi.advanceTimersByTimeAsync(20);
    expect(list.calls).toHaveLength(1);
    const refresh = new LiveRefresh(client);
    const detach = refresh.attach();
    // 200 changes a second for 3 s, in ticks of 50 ms.
    for (let tick = 0; tick < 60; tick++) {
      for (let n = 0; n < 10; n++) refresh.add([{ queryKey: ['list'] }]);
      await vi.advanceTimersByTimeAsync(50);
    }
    await vi.advanceTimersByTimeAsync(2 * LIVE_WINDOW_MS);
    const during = list.calls.length - 1;
    expect(during).toBeLessThanOrEqual(Math.ceil(3000 / LIVE_WINDOW_MS) + 1);
    expect(during).toBeGreaterThan(1);
    expect(list.calls.every((call) => !call.aborted())).toBe(true);
    // Nothing more is due once it has settled.
    await vi.advanceTimersByTimeAsync(5 * LIVE_WINDOW_MS);
    expect(list.calls.length - 1).toBe(during);
    detach();
    list.stop();
  });

  it('never cancels a fetch on its way: a change during it brings exactly one more fetch after it', async () => {
    const client = new QueryClient();
    const slow = watched(client, 'counts', 2 * LIVE_WINDOW_MS);
    await vi.advanceTimersByTimeAsync(3 * LIVE_WINDOW_MS);
    const refresh = new LiveRefresh(client);
    const detach = refresh.attach();
    refresh.add([{ queryKey: ['counts'] }]);
    await vi.advanceTimersByTimeAsync(1);
    expect(slow.calls).toHaveLength(2);
    // Changes while the second fetch runs, across several windows.
    for (let i = 0; i < 5; i++) {
      refresh.add([{ queryKey: ['counts'] }]);
      await vi.advanceTimersByTimeAsync(LIVE_WINDOW_MS / 3);
    }
    await vi.advanceTimersByTimeAsync(10 * LIVE_WINDOW_MS);
    expect(slow.calls).toHaveLength(3);
    expect(slow.calls.every((call) => !call.aborted())).toBe(true);
    detach();
    slow.stop();
  });

  it('does not fetch a query nobody shows', async () => {
    const client = new QueryClient();
    let fetched = 0;
    client.setQueryData(['detail', 1], 'cached');
    client.setQueryDefaults(['detail'], { queryFn: () => ++fetched });
    const refresh = new LiveRefresh(client);
    const detach = refresh.attach();
    refresh.add([{ queryKey: ['detail'] }]);
    await vi.advanceTimersByTimeAsync(2 * LIVE_WINDOW_MS);
    expect(fetched).toBe(0);
    expect(client.getQueryState(['detail', 1])?.isInvalidated).toBe(true);
    detach();
  });
});

describe('a re-read case page', () => {
  const row = (id: number, note = 0) => ({ id: BigInt(id), caseId: `A-${id}`, createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, id)), noteCount: note, seen: { v: String(note) }, cursor: `c${id}` });
  it('keeps the objects of unchanged rows and the page itself when nothing changed', () => {
    const before = { cases: [row(3), row(2), row(1)], nextCursor: 'c1' };
    const again = shareCaseRows(before, { cases: [row(3), row(2), row(1)], nextCursor: 'c1' });
    expect(again).toBe(before);
    const after = shareCaseRows(before, { cases: [row(4), row(3), row(2, 1)], nextCursor: 'c2' }) as typeof before;
    expect(after).not.toBe(before);
    expect(after.cases[1]).toBe(before.cases[0]);
    expect(after.cases[2]).not.toBe(before.cases[1]);
    expect(after.cases[2]!.noteCount).toBe(1);
    expect(after.cases.map((c) => c.caseId)).toEqual(['A-4', 'A-3', 'A-2']);
  });
});
