/**
 * The live hub: one source of change events per open database, fanned out to every subscriber.
 *
 *   offline ──(triggers present)──> live     (LISTEN connection / PGlite listen)
 *      ^    ──(triggers absent)───> polling  (fingerprints, see poller.ts)
 *      └──── lost ────────────────┘
 *
 * Entering live or polling always emits a resync first: whatever happened while nothing was
 * listening is unknown, and a stale screen is the one thing the hub must not allow. Losing the
 * source reports offline and retries with exponential backoff and jitter. A periodic check
 * (on the LISTEN connection itself, so it doubles as a heartbeat) notices triggers that were
 * dropped (-> polling) or installed later (-> live).
 */
import type { AuroraDatabase } from '../core/database.js';
import type { Logger } from '../core/log.js';
import { LiveCoalescer } from './coalesce.js';
import { LiveFanout } from './fanout.js';
import { describeError, openListenConnection, type ListenConnection } from './listener.js';
import { parseLivePayload } from './payload.js';
import { startPoller, type Poller } from './poller.js';
import { checkLiveTriggers } from './triggers.js';
import type { LiveEvent, LiveHub, LiveMode, LiveStatus } from './types.js';

export interface LiveHubOptions {
  log: Logger;
  /** Polling mode: how often to look (default 2000 ms). */
  pollIntervalMs?: number;
  /** Backoff between attempts after losing the source (default 500 ms doubling to 30 s). */
  reconnect?: { initialMs: number; maxMs: number };
  /** Heartbeat and trigger re-check (default 30 s). */
  checkIntervalMs?: number;
  /** Events a subscriber may have waiting before its backlog becomes one resync (default 1000). */
  subscriberQueueLimit?: number;
  /** Polling: tables up to this size get an exact fingerprint (default 4 MB). */
  exactScanMaxBytes?: number;
  /** Polling: how often a table that cannot be fingerprinted is reported changed (default 30 s). */
  blindRefreshMs?: number;
  /** Row changes within this window go out as one message per table (default LIVE_COALESCE_MS; 0 = each at once). */
  coalesceMs?: number;
}

/** The hub's batching window: a lone change goes out at once, a burst as one message per table per window. */
export const LIVE_COALESCE_MS = 40;

type Source = { kind: 'listen'; connection: ListenConnection } | { kind: 'poll'; poller: Poller };

export async function createLiveHub(database: AuroraDatabase, options: LiveHubOptions): Promise<LiveHub> {
  const hub = new Hub(database, options);
  await hub.start();
  return hub;
}

class Hub implements LiveHub {
  private current: LiveStatus = { mode: 'offline', since: new Date(), reason: 'Starting live updates.' };
  private readonly fanout: LiveFanout;
  /** Every event goes out through here: changes batched per table and window, the rest at once. */
  private readonly outbox: LiveCoalescer;
  private source: Source | null = null;
  /** Bumped whenever the source changes, so callbacks from a replaced source are ignored. */
  private epoch = 0;
  private attempt = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private checkTimer: NodeJS.Timeout | undefined;
  private closed = false;
  /** Transitions run one at a time, in order. */
  private chain: Promise<void> = Promise.resolve();
  private readonly log: Logger;
  private readonly pollIntervalMs: number;
  private readonly reconnect: { initialMs: number; maxMs: number };

  constructor(
    private readonly database: AuroraDatabase,
    private readonly options: LiveHubOptions,
  ) {
    this.log = options.log;
    this.pollIntervalMs = options.pollIntervalMs ?? 2000;
    this.reconnect = options.reconnect ?? { initialMs: 500, maxMs: 30_000 };
    this.fanout = new LiveFanout(options.subscriberQueueLimit ?? 1000, () => this.current);
    this.outbox = new LiveCoalescer(options.coalesceMs ?? LIVE_COALESCE_MS, (event) => this.fanout.publish(event));
  }

  status(): LiveStatus {
    return this.current;
  }

  events(signal?: AbortSignal): AsyncIterable<LiveEvent> {
    return this.fanout.subscribe(signal);
  }

  async start(): Promise<void> {
    const checkMs = this.options.checkIntervalMs ?? 30_000;
    this.checkTimer = setInterval(() => void this.serially(() => this.check()), checkMs);
    this.checkTimer.unref?.();
    await this.serially(() => this.connect());
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.checkTimer);
    clearTimeout(this.retryTimer);
    await this.serially(() => this.stopSource());
    this.outbox.drop();
    this.fanout.endAll();
  }

  private serially(task: () => Promise<void>): Promise<void> {
    this.chain = this.chain.then(task).catch((error: unknown) => {
      this.log.error('live hub transition failed', { error: describeError(error) });
    });
    return this.chain;
  }

  /** Picks live or polling from what pg_trigger says, and starts that source. */
  private async connect(): Promise<void> {
    if (this.closed) return;
    await this.stopSource();
    const epoch = this.epoch;
    try {
      const triggers = await checkLiveTriggers((text, params) => this.database.query(text, params));
      if (triggers.complete) {
        const connection = await openListenConnection(this.database, {
          onPayload: (payload) => this.onPayload(epoch, payload),
          onLost: (reason) => void this.serially(() => this.lost(epoch, reason)),
        });
        this.source = { kind: 'listen', connection };
        this.up('live');
      } else {
        const poller = await startPoller({
          query: (text, params) => this.database.query(text, params),
          driver: this.database.driver,
          intervalMs: this.pollIntervalMs,
          exactScanMaxBytes: this.options.exactScanMaxBytes ?? 4 * 1024 * 1024,
          blindRefreshMs: this.options.blindRefreshMs ?? 30_000,
          onChange: (table) => {
            if (epoch === this.epoch) this.outbox.push({ kind: 'change', table, op: 'UPDATE', key: {} });
          },
          onLost: (error) => void this.serially(() => this.lost(epoch, describeError(error))),
        });
        this.source = { kind: 'poll', poller };
        this.up('polling', `${triggers.reason} Checking for changes every ${formatSeconds(this.pollIntervalMs)}.`);
      }
    } catch (error) {
      await this.lost(epoch, describeError(error));
    }
  }

  private up(mode: Exclude<LiveMode, 'offline'>, reason?: string): void {
    this.attempt = 0;
    this.outbox.push({ kind: 'resync', reason: mode === 'live' ? 'live updates (re)connected' : 'polling started' });
    this.setStatus(mode, reason);
  }

  private async lost(epoch: number, reason: string): Promise<void> {
    if (this.closed || epoch !== this.epoch) return;
    await this.stopSource();
    const delay = this.nextDelay();
    this.setStatus('offline', `Lost the database (${reason}). Retrying in ${formatSeconds(delay)}.`);
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.serially(() => this.connect()), delay);
    this.retryTimer.unref?.();
  }

  /** Exponential backoff with jitter: desktops that lost the same server do not return in step. */
  private nextDelay(): number {
    const { initialMs, maxMs } = this.reconnect;
    const ceiling = Math.min(maxMs, initialMs * 2 ** Math.min(this.attempt, 30));
    this.attempt += 1;
    return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
  }

  /** Heartbeat plus trigger re-check; switches mode when the triggers came or went. */
  private async check(): Promise<void> {
    const source = this.source;
    if (this.closed || !source) return;
    const epoch = this.epoch;
    try {
      const query = source.kind === 'listen' ? source.connection.query : this.database.query.bind(this.database);
      const triggers = await checkLiveTriggers(query);
      if (epoch !== this.epoch) return;
      if (triggers.complete !== (source.kind === 'listen')) {
        this.log.info('live triggers changed', { complete: triggers.complete, missing: triggers.missing });
        await this.connect();
      }
    } catch (error) {
      await this.lost(epoch, describeError(error));
    }
  }

  private onPayload(epoch: number, payload: string): void {
    if (epoch !== this.epoch) return;
    const event = parseLivePayload(payload);
    if (event) this.outbox.push(event);
    else this.log.warn('ignored a malformed live notification', { length: payload.length });
  }

  private async stopSource(): Promise<void> {
    this.epoch += 1;
    const source = this.source;
    this.source = null;
    if (source?.kind === 'listen') await source.connection.close();
    if (source?.kind === 'poll') await source.poller.stop();
  }

  private setStatus(mode: LiveMode, reason?: string): void {
    if (this.current.mode === mode && this.current.reason === reason) return;
    this.current = reason === undefined ? { mode, since: new Date() } : { mode, since: new Date(), reason };
    this.log.info('live updates', { mode, reason });
    this.outbox.push({ kind: 'status', status: this.current });
  }
}

function formatSeconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)} s`;
}
