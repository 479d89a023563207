/**
 * Live-update latency: from an INSERT sent on another connection to (a) a live hub subscriber
 * and (b) a bare `pg` LISTEN client measured beside it on the same inserts. The ratio is the
 * hub's own cost (parse, fan-out, async iteration) over what NOTIFY itself takes.
 *
 * Only meaningful on a real PostgreSQL: on PGlite the "other connection" is the same instance
 * and there is no socket to measure, so the module skips with a note. It never writes to the
 * database it is given: it works in a scratch database beside it (bench/database.ts).
 */
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { LIVE_CHANNEL } from '../../src/main/db/desk/0003_live_notify.js';
import type { AuroraDatabase } from '../../src/main/db/open.js';
import { createLiveHub } from '../../src/main/live/hub.js';
import { silentLogger } from '../../src/main/log.js';
import { openBenchDatabase } from './database.js';
import { summarize, type BenchEntry, type BenchModule, type BenchOptions } from './stats.js';

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

async function measure(database: AuroraDatabase, url: string, samples: number, warmup: number, print: (line: string) => void): Promise<BenchEntry[]> {
  const hub = await createLiveHub(database, { log: silentLogger });
  const bare = new pg.Client({ connectionString: url, application_name: 'aurora-desk bench bare listen' });
  const writer = new pg.Client({ connectionString: url, application_name: 'aurora-desk bench writer' });
  const abort = new AbortController();
  // message_id -> arrival callbacks, so both listeners are matched to the same insert.
  const pending = new Map<string, { hub?: (t: number) => void; bare?: (t: number) => void }>();
  try {
    await Promise.all([bare.connect(), writer.connect()]);
    bare.on('notification', (message) => {
      const at = performance.now();
      const payload = JSON.parse(message.payload ?? '{}') as { k?: { message_id?: string } };
      const id = payload.k?.message_id;
      if (id) pending.get(id)?.bare?.(at);
    });
    await bare.query(`LISTEN ${LIVE_CHANNEL}`);
    const events = hub.events(abort.signal)[Symbol.asyncIterator]();
    const reading = (async () => {
      for (;;) {
        const next = await events.next();
        if (next.done) return;
        const event = next.value;
        if (event.kind === 'change' && event.table === 'lootdrops' && event.key.message_id) {
          pending.get(event.key.message_id)?.hub?.(performance.now());
        }
      }
    })();

    const hubMs: number[] = [];
    const bareMs: number[] = [];
    for (let i = 0; i < warmup + samples; i++) {
      const id = `${1_300_000_000_000_000_000n + BigInt(i)}`;
      const arrivals = Promise.all([
        arrival(pending, id, 'hub'),
        arrival(pending, id, 'bare'),
      ]);
      const sent = performance.now();
      await writer.query(`INSERT INTO lootdrops (message_id, channel_id, reward_amount, currency) VALUES ($1, '1', 1, 'GOLD')`, [id]);
      const [hubAt, bareAt] = await arrivals;
      pending.delete(id);
      if (i >= warmup) {
        hubMs.push(hubAt - sent);
        bareMs.push(bareAt - sent);
      }
    }
    abort.abort();
    await reading;

    const hubEntry = summarize('live: INSERT -> hub subscriber (vs bare pg LISTEN)', hubMs, 'ms', bareMs);
    const bareEntry = summarize('live: INSERT -> bare pg LISTEN', bareMs, 'ms');
    print(`live (${samples} inserts, ${warmup} warm-up, ${database.label}):`);
    print(`  INSERT -> hub subscriber   p50 ${hubEntry.p50} ms  p95 ${hubEntry.p95} ms`);
    print(`  INSERT -> bare pg LISTEN   p50 ${bareEntry.p50} ms  p95 ${bareEntry.p95} ms`);
    print(`  ratio (hub p50 / bare p50) ${hubEntry.ratio}`);
    return [hubEntry, bareEntry];
  } finally {
    abort.abort();
    await hub.close();
    await Promise.all([bare.end().catch(() => {}), writer.end().catch(() => {})]);
  }
}

function arrival(
  pending: Map<string, { hub?: (t: number) => void; bare?: (t: number) => void }>,
  id: string,
  side: 'hub' | 'bare',
): Promise<number> {
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
