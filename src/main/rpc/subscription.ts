/**
 * Drives one subscription's async iterator until it ends, fails, or its signal aborts.
 *
 * The race against the signal matters: an async generator parked in an `await` cannot be
 * `return()`ed until that await settles, so the pump stops listening at once and lets the
 * generator wind down (its `finally`) on its own, helped by the same signal in its options.
 */
import { isTrackedEnvelope } from '@trpc/server';

export type SubscriptionResult = { type: 'data'; data: unknown; id?: string };

export interface SubscriptionSink {
  data(result: SubscriptionResult): void;
  error(cause: unknown): void;
}

export async function pumpSubscription(iterable: AsyncIterable<unknown>, signal: AbortSignal, sink: SubscriptionSink): Promise<void> {
  const iterator = iterable[Symbol.asyncIterator]();
  const aborted = new Promise<'aborted'>((resolve) => {
    if (signal.aborted) resolve('aborted');
    else signal.addEventListener('abort', () => resolve('aborted'), { once: true });
  });
  let finished = false;
  try {
    while (!signal.aborted) {
      const next = await Promise.race([iterator.next(), aborted]);
      if (next === 'aborted') return;
      if (next.done) {
        finished = true;
        return;
      }
      if (isTrackedEnvelope(next.value)) {
        const [id, data] = next.value;
        sink.data({ type: 'data', id, data: { id, data } });
      } else {
        sink.data({ type: 'data', data: next.value });
      }
    }
  } catch (cause) {
    finished = true; // a generator that threw is already closed
    sink.error(cause);
  } finally {
    if (!finished) {
      // Not awaited: a generator still inside an await finishes once the aborted signal frees it.
      iterator.return?.().catch(() => {});
    }
  }
}
