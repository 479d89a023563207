/**
 * Reads a live event stream in the background and lets a test wait for an event matching a
 * predicate, with a timeout: event-driven waits, no sleeps, no wall-clock assertions.
 */
import pg from 'pg';
import type { AuroraDatabase } from '../../src/main/core/database.js';
import type { LiveEvent, LiveMode, LiveTable } from '../../src/main/live/types.js';
import type { ScratchDatabase } from '../fixtures/databases.js';

type Predicate = (event: LiveEvent) => boolean;

export class LiveProbe {
  readonly events: LiveEvent[] = [];
  readonly controller = new AbortController();
  /** Resolves when the stream ends (abort, hub closed); rejects if it throws. */
  readonly finished: Promise<void>;
  ended = false;
  private waiters = new Set<() => void>();

  constructor(source: (signal: AbortSignal) => AsyncIterable<LiveEvent> | Promise<AsyncIterable<LiveEvent>>) {
    this.finished = (async () => {
      try {
        for await (const event of await source(this.controller.signal)) {
          this.events.push(event);
          for (const wake of this.waiters) wake();
        }
      } finally {
        this.ended = true;
        for (const wake of this.waiters) wake();
      }
    })();
  }

  /** The index of the first matching event at or after `from`. */
  async waitFor(predicate: Predicate, what: string, from = 0, timeoutMs = 15_000): Promise<number> {
    for (;;) {
      const index = this.events.findIndex((event, i) => i >= from && predicate(event));
      if (index >= 0) return index;
      if (this.ended) throw new Error(`stream ended before ${what}; got ${JSON.stringify(this.events)}`);
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          this.waiters.delete(wake);
          reject(new Error(`timed out waiting for ${what}; got ${JSON.stringify(this.events)}`));
        }, timeoutMs);
        const wake = () => {
          clearTimeout(timer);
          this.waiters.delete(wake);
          resolve();
        };
        this.waiters.add(wake);
      });
    }
  }

  stop(): Promise<void> {
    this.controller.abort();
    return this.finished;
  }
}

export const isStatus = (mode: LiveMode) => (event: LiveEvent) => event.kind === 'status' && event.status.mode === mode;
export const isResync = (event: LiveEvent) => event.kind === 'resync';
export const isChange =
  (table: LiveTable, op?: string, key?: Record<string, string>) =>
  (event: LiveEvent): boolean =>
    event.kind === 'change' &&
    event.table === table &&
    (op === undefined || event.op === op) &&
    (key === undefined || JSON.stringify(event.key) === JSON.stringify(key));

/**
 * "Another connection": on PostgreSQL a separate pg.Client on the scratch database (not the
 * app's pool); PGlite has exactly one connection, so its own handle.
 */
export interface Writer {
  query(text: string, params?: unknown[]): Promise<unknown>;
  close(): Promise<void>;
}

export async function openWriter(scratch: ScratchDatabase): Promise<Writer> {
  if (!scratch.url) return databaseWriter(scratch.database);
  const client = new pg.Client({ connectionString: scratch.url, application_name: 'aurora-desk test writer' });
  await client.connect();
  return {
    query: (text, params) => client.query(text, params),
    close: () => client.end(),
  };
}

function databaseWriter(database: AuroraDatabase): Writer {
  return { query: (text, params) => database.query(text, params), close: async () => {} };
}
