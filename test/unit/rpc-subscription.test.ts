import { tracked } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { pumpSubscription, type SubscriptionResult, type SubscriptionSink } from '../../src/main/rpc/subscription.js';

function collect() {
  const data: SubscriptionResult[] = [];
  const errors: unknown[] = [];
  const sink: SubscriptionSink = {
    data: (r) => void data.push(r),
    error: (e) => void errors.push(e),
  };
  return { data, errors, sink };
}

describe('pumpSubscription', () => {
  it('forwards every value until the generator returns', async () => {
    const { data, errors, sink } = collect();
    await pumpSubscription((async function* () { yield 1; yield 2n; })(), new AbortController().signal, sink);
    expect(data).toEqual([{ type: 'data', data: 1 }, { type: 'data', data: 2n }]);
    expect(errors).toEqual([]);
  });

  it('sends tracked events with their id, as tRPC clients expect for resuming', async () => {
    const { data, sink } = collect();
    await pumpSubscription((async function* () { yield tracked('case-7', { table: 'moderation_cases' }); })(), new AbortController().signal, sink);
    expect(data).toEqual([{ type: 'data', id: 'case-7', data: { id: 'case-7', data: { table: 'moderation_cases' } } }]);
  });

  it('reports an error thrown by the generator and stops', async () => {
    const { data, errors, sink } = collect();
    const boom = new Error('boom');
    await pumpSubscription((async function* () { yield 'a'; throw boom; })(), new AbortController().signal, sink);
    expect(data).toHaveLength(1);
    expect(errors).toEqual([boom]);
  });

  it('returns at once on abort even while the generator is parked in an await, and its finally still runs', async () => {
    const { data, sink } = collect();
    const controller = new AbortController();
    let release!: () => void;
    const parked = new Promise<void>((resolve) => (release = resolve));
    let finallyRan = false;
    const firstSeen = new Promise<void>((resolve) => {
      sink.data = (r) => {
        data.push(r);
        resolve();
      };
    });
    const generator = (async function* () {
      try {
        yield 'first';
        await parked; // deaf to the signal on purpose
        yield 'never delivered';
      } finally {
        finallyRan = true;
      }
    })();
    const pumping = pumpSubscription(generator, controller.signal, sink);
    await firstSeen;
    controller.abort();
    await pumping; // does not wait for `parked`
    expect(finallyRan).toBe(false);
    release();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(finallyRan).toBe(true);
    expect(data.map((r) => r.data)).toEqual(['first']);
  });

  it('does not start an already-aborted subscription', async () => {
    const { data, sink } = collect();
    const controller = new AbortController();
    controller.abort();
    let bodyRan = false;
    await pumpSubscription((async function* () { bodyRan = true; yield 1; })(), controller.signal, sink);
    expect(data).toEqual([]);
    expect(bodyRan).toBe(false);
  });
});
