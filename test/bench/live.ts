/**
 * Live-update latency: from an INSERT sent on another connection to (a) a live hub subscriber,
 * (b) the renderer's side of `live.changes` and (c) a bare `pg` LISTEN client, all three on the
 * same inserts. (a) over (c) is the hub's own cost (parse, fan-out, async iteration); (b) is what
 * a window actually receives: the real router's subscription, served by servePort over a
 * MessageChannel, read by the renderer's tRPC client with its messagePortLink and superjson,
 * exactly as in Electron except that both ends live in this process (worker_threads ports; in
 * the app the port crosses to the renderer process, which this does not include). The target
 * for (b) is about the tail, so its ratio is taken at p95.
 *
 * The bare client runs in a worker thread with its own event loop: in this one it would read
 * its socket after the hub's and the port server's callbacks had run, and carry their cost as
 * if NOTIFY itself were slower. Every arrival is stamped with process.hrtime, one monotonic
 * clock for all threads.
 *
 * Only meaningful on a real PostgreSQL: on PGlite the "other connection" is the same instance
 * and there is no socket to measure, so the module skips with a note. It never writes to the
 * database it is given: it works in a scratch database beside it (bench/database.ts).
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { MessageChannel, Worker } from 'node:worker_threads';
import { createTRPCClient } from '@trpc/client';
import pg from 'pg';
import superjson from 'superjson';
import { appRouter, type AppRouter } from '../../src/main/api/root.js';
import { createContext } from '../../src/main/api/trpc.js';
import { LIVE_CHANNEL } from '../../src/main/db/desk/0003_live_notify.js';
import type { AuroraDatabase } from '../../src/main/core/database.js';
import { createLiveHub, LIVE_COALESCE_MS } from '../../src/main/live/hub.js';
import { liveRows, type LiveEvent } from '../../src/main/live/types.js';
import { silentLogger } from '../../src/main/core/log.js';
import { servePort } from '../../src/main/rpc/serve-port.js';
import { messagePortLink } from '../../src/renderer/src/lib/port-link.js';
import { createTestServices } from '../fixtures/services.js';
import { openBenchDatabase } from './database.js';
import { summarize, type BenchEntry, type BenchModule, type BenchOptions } from './stats.js';

/** Milliseconds on the process-wide monotonic clock (the same in the worker thread). */
const now = () => Number(process.hrtime.bigint()) / 1e6;

/**
 * The bare LISTEN client, alone in a worker thread: plain pg, no Aurora Desk code. Plain
 * JavaScript (eval), so it needs no TypeScript loader; it is told where pg lives.
 */
const BARE_LISTENER = `
const { parentPort, workerData } = require('node:worker_threads');
const pg = require(workerData.pgPath);
const client = new pg.Client({ connectionString: workerData.url, application_name: 'aurora-desk bench bare listen' });
client.on('notification', (message) => {
  const at = process.hrtime.bigint();
  const id = JSON.parse(message.payload || '{}').k?.message_id;
  if (id) parentPort.postMessage({ id, at });
});
parentPort.on('message', () => client.end().finally(() => parentPort.close()));
client.connect()
  .then(() => client.query('LISTEN ' + workerData.channel))
  .then(() => parentPort.postMessage({ ready: true }), (error) => parentPort.postMessage({ error: String(error) }));
`;

interface BareListener {
  close(): Promise<void>;
}

async function startBareListener(url: string, onArrival: (id: string, at: number) => void): Promise<BareListener> {
  const pgPath = createRequire(import.meta.url).resolve('pg');
  const worker = new Worker(BARE_LISTENER, { eval: true, workerData: { url, pgPath, channel: LIVE_CHANNEL } });
  await new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (message: { id?: string; at?: bigint; ready?: boolean; error?: string }) => {
      if (message.ready) resolve();
      else if (message.error) reject(new Error(`live bench: bare listener: ${message.error}`));
      else if (message.id && message.at !== undefined) onArrival(message.id, Number(message.at) / 1e6);
    });
  });
  return {
    async close() {
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage('stop');
      const timer = setTimeout(() => void worker.terminate(), 2000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export const liveBench: BenchModule = { name: 'live', run: benchLive };

export async function benchLive(options: BenchOptions): Promise<BenchEntry[]> {
  if (!options.databaseUrl) {
    options.print('live: skipped (needs a real PostgreSQL: pass --database-url; on PGlite NOTIFY never leaves the process).');
    return [];
  }
  const bench = await openBenchDatabase(options.databaseUrl);
  try {
    return await measure(bench.database, bench.url!, options.samples ?? 300, options.warmup ?? 30, options.print);
  } finally {
    await bench.close();
  }
}

type Side = 'hub' | 'renderer' | 'bare';
/** message_id -> arrival callbacks, so every listener is matched to the same insert. */
type Pending = Map<string, Partial<Record<Side, (t: number) => void>>>;

/** The lootdrops an event is about (the hub batches rows per table and window). */
function lootdropIds(event: LiveEvent): string[] {
  return liveRows(event).flatMap((row) => (row.table === 'lootdrops' && row.key.message_id ? [row.key.message_id] : []));
}

async function measure(database: AuroraDatabase, url: string, samples: number, warmup: number, print: (line: string) => void): Promise<BenchEntry[]> {
  const hub = await createLiveHub(database, { log: silentLogger });
  const writer = new pg.Client({ connectionString: url, application_name: 'aurora-desk bench writer' });
  const abort = new AbortController();
  const pending: Pending = new Map();
  // The window's end: the real router over the port, as src/main/electron/index.ts serves it per window.
  const desk = createTestServices(database, { live: hub });
  const { port1, port2 } = new MessageChannel();
  const stopServing = servePort(port1, { router: appRouter, createContext: () => createContext(desk) });
  let unsubscribe = () => {};
  let bare: BareListener | undefined;
  try {
    await writer.connect();
    bare = await startBareListener(url, (id, at) => pending.get(id)?.bare?.(at));
    const events = hub.events(abort.signal)[Symbol.asyncIterator]();
    const reading = (async () => {
      for (;;) {
        const next = await events.next();
        if (next.done) return;
        const at = now();
        for (const id of lootdropIds(next.value)) pending.get(id)?.hub?.(at);
      }
    })();

    const client = createTRPCClient<AppRouter>({ links: [messagePortLink<AppRouter>({ port: port2, transformer: superjson })] });
    // Subscribed once the first event (the hub's current status) has made the whole trip.
    const subscribed = new Promise<void>((resolve, reject) => {
      const subscription = client.live.changes.subscribe(undefined, {
        onData(event) {
          const at = now();
          resolve();
          for (const id of lootdropIds(event)) pending.get(id)?.renderer?.(at);
        },
        onError: reject,
      });
      unsubscribe = () => subscription.unsubscribe();
    });
    await subscribed;

    const times: Record<Side, number[]> = { hub: [], renderer: [], bare: [] };
    for (let i = 0; i < warmup + samples; i++) {
      const id = `${1_300_000_000_000_000_000n + BigInt(i)}`;
      const arrivals = Promise.all([arrival(pending, id, 'hub'), arrival(pending, id, 'renderer'), arrival(pending, id, 'bare')]);
      const sent = now();
      await writer.query(`INSERT INTO lootdrops (message_id, channel_id, reward_amount, currency) VALUES ($1, '1', 1, 'GOLD')`, [id]);
      const [hubAt, rendererAt, bareAt] = await arrivals;
      pending.delete(id);
      // Each insert a lone change: the hub sends one at once, and batches what follows it within its window.
      await new Promise((resolve) => setTimeout(resolve, LIVE_COALESCE_MS + 5));
      if (i >= warmup) {
        times.hub.push(hubAt - sent);
        times.renderer.push(rendererAt - sent);
        times.bare.push(bareAt - sent);
      }
    }
    unsubscribe();
    abort.abort();
    await reading;

    const hubEntry = summarize('live: INSERT -> hub subscriber (vs bare pg LISTEN)', times.hub, 'ms', times.bare);
    const rendererEntry = summarize('live: INSERT -> renderer-side subscriber over MessagePort (vs bare pg LISTEN)', times.renderer, 'ms', times.bare, {
      ratioAt: 'p95',
    });
    const bareEntry = summarize('live: INSERT -> bare pg LISTEN', times.bare, 'ms');
    print(`live (${samples} inserts, ${warmup} warm-up, ${database.label}; every insert timed on all three listeners, bare in a worker thread):`);
    print(`  INSERT -> hub subscriber         p50 ${hubEntry.p50} ms  p95 ${hubEntry.p95} ms`);
    print(`  INSERT -> renderer-side (port)   p50 ${rendererEntry.p50} ms  p95 ${rendererEntry.p95} ms`);
    print(`  INSERT -> bare pg LISTEN         p50 ${bareEntry.p50} ms  p95 ${bareEntry.p95} ms`);
    print(`  ratio hub/bare at p50 ${hubEntry.ratio}; renderer/bare at p95 ${rendererEntry.ratio} (target: at most 2)`);
    return [hubEntry, rendererEntry, bareEntry];
  } finally {
    unsubscribe();
    abort.abort();
    stopServing();
    port2.close();
    await hub.close();
    await Promise.all([bare?.close(), writer.end().catch(() => {})]);
  }
}

function arrival(pending: Pending, id: string, side: Side): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`live bench: no ${side} notification for ${id} within 10 s`)), 10_000);
    const slot = pending.get(id) ?? {};
    slot[side] = (t) => {
      clearTimeout(timer);
      resolve(t);
    };
    pending.set(id, slot);
  });
}

// `tsx test/bench/live.ts --database-url postgres://...` runs this module alone.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const at = process.argv.indexOf('--database-url');
  await benchLive({ databaseUrl: at > 0 ? process.argv[at + 1] : process.env.TEST_DATABASE_URL, print: console.log });
}
