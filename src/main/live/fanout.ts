/**
 * Hands every hub event to any number of subscribers (renderer windows, tests, the bench).
 * Publishing never waits on a subscriber: each has a bounded queue, and one that falls behind
 * loses its backlog for a single resync (refetching is always correct; a stale screen is not).
 */
import type { LiveEvent, LiveStatus } from './types.js';

interface Subscriber {
  queue: LiveEvent[];
  ended: boolean;
  wake: (() => void) | null;
}

export class LiveFanout {
  private readonly subscribers = new Set<Subscriber>();
  private closed = false;

  constructor(
    private readonly queueLimit: number,
    private readonly currentStatus: () => LiveStatus,
  ) {}

  get size(): number {
    return this.subscribers.size;
  }

  publish(event: LiveEvent): void {
    for (const subscriber of this.subscribers) {
      if (subscriber.queue.length >= this.queueLimit) {
        // The dropped backlog may have held a status change, so the current status goes first.
        subscriber.queue = [
          { kind: 'status', status: this.currentStatus() },
          { kind: 'resync', reason: 'this view fell behind the live updates' },
        ];
      }
      subscriber.queue.push(event);
      wake(subscriber);
    }
  }

  /** Ends every iterator (hub closing). */
  endAll(): void {
    this.closed = true;
    for (const subscriber of this.subscribers) end(subscriber);
    this.subscribers.clear();
  }

  /**
   * Registers on the first `next()` (an iterator nobody reads holds nothing) and starts with
   * the current status; ends when the signal aborts, the consumer returns, or the hub closes.
   */
  async *subscribe(signal?: AbortSignal): AsyncGenerator<LiveEvent, void, undefined> {
    if (this.closed || signal?.aborted) return;
    const subscriber: Subscriber = { queue: [{ kind: 'status', status: this.currentStatus() }], ended: false, wake: null };
    this.subscribers.add(subscriber);
    const onAbort = () => end(subscriber);
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      for (;;) {
        const event = subscriber.queue.shift();
        if (event) {
          yield event;
          continue;
        }
        if (subscriber.ended) return;
        await new Promise<void>((resolve) => {
          subscriber.wake = resolve;
        });
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
      this.subscribers.delete(subscriber);
      end(subscriber);
    }
  }
}

function wake(subscriber: Subscriber): void {
  const resolve = subscriber.wake;
  subscriber.wake = null;
  resolve?.();
}

function end(subscriber: Subscriber): void {
  subscriber.ended = true;
  subscriber.queue = [];
  wake(subscriber);
}
