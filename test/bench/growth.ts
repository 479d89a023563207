/**
 * Cost as the work grows: the key moderation reads at three sizes (10k, 100k and 1M cases on
 * PostgreSQL; 1k, 10k and 100k on PGlite, where a million inserts would take too long), each
 * through the router (createCaller: zod, the service, row mapping). A keyset page must cost the
 * same at any size, and so must the counts where migration 0014's triggers keep them (where they
 * do not, the counts grow with the table and are reused for a few seconds above 200k cases,
 * which this bypasses).
 *
 * The sizes are timed call by call in turn (sampleAlternating), so all of them see the same
 * shared machine; the @100k and @1M entries carry their p50 over the smallest size's as ratio.
 *
 * The smaller sizes are scratch databases seeded beside the given server (cases and players
 * only, one player per five cases as in `db:seed --scale`). The largest reads the given database
 * as it is, read-only, when it already holds that many cases (e.g. aurora_scale); otherwise it
 * is seeded too (about a minute for 1M). Scratch databases are dropped at the end, on failure,
 * and on Ctrl+C.
 */
import pg from 'pg';
import { openDatabase, type AuroraDatabase } from '../../src/main/core/database.js';
import { seedDatabase } from '../../src/main/db/seed.js';
import { makeCursor } from '../../src/main/features/moderation/queue-sql.js';
import { forgetCounts, moderationIndexStatus } from '../../src/main/features/moderation/queues.js';
import { callerFor, createTestServices, testStaff } from '../fixtures/services.js';
import { countCases, openBenchDatabase } from './database.js';
import { round, sampleAlternating, summarize, type BenchEntry, type BenchModule, type BenchOptions } from './stats.js';

const PAGE = 50;
const SEARCH_TERM = 'macro';

interface Size {
  label: string;
  cases: number;
}

const POSTGRES_SIZES: Size[] = [
  { label: '10k', cases: 10_000 },
  { label: '100k', cases: 100_000 },
  { label: '1M', cases: 1_000_000 },
];
const PGLITE_SIZES: Size[] = [
  { label: '1k', cases: 1_000 },
  { label: '10k', cases: 10_000 },
  { label: '100k', cases: 100_000 },
];

/** One size, opened and ready: where the deep page starts and whose cases the filter shows. */
interface Shelf {
  size: Size;
  database: AuroraDatabase;
  note: string;
  caller: ReturnType<typeof callerFor>;
  cases: number;
  active: number;
  /** Cursor of the deep page, as the list's own nextCursor handed it out, and the row it follows. */
  deepCursor: string;
  deepPosition: number;
  busiest: { id: bigint; cases: number };
}

/** What must be undone, and (scratch on PostgreSQL) a way to drop it at once on a signal. */
interface Opened {
  close(): Promise<void>;
  scratchUrl?: string;
}

/** The given database as it is (only reads), or a freshly seeded scratch one. */
async function openSize(size: Size, options: BenchOptions, useGiven: boolean, opened: Opened[]): Promise<{ database: AuroraDatabase; note: string }> {
  if (useGiven && options.databaseUrl) {
    const database = await openDatabase({ kind: 'postgres', url: options.databaseUrl, poolSize: 2, applicationName: 'aurora-desk bench growth (read-only)' });
    opened.push({ close: () => database.close() });
    return { database, note: 'the given database, read-only' };
  }
  const bench = await openBenchDatabase(options.databaseUrl);
  opened.push({ close: () => bench.close(), scratchUrl: bench.url });
  const started = performance.now();
  await seedDatabase(bench.database, {
    cases: size.cases,
    users: Math.max(100, Math.floor(size.cases / 5)),
    transactions: 0,
    itemTransactions: 0,
    questProgress: 0,
    lootdrops: 0,
    quests: 0,
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  options.print(`growth: seeded ${size.cases.toLocaleString('en-US')} cases @${size.label} in ${seconds} s (${bench.database.label})`);
  return { database: bench.database, note: 'scratch, seeded' };
}

async function prepare(size: Size, database: AuroraDatabase, note: string): Promise<Shelf> {
  const caller = callerFor(createTestServices(database, { identity: testStaff }));
  const counted = await database.query<{ n: string; active: string }>(
    `SELECT count(*)::text AS n, count(*) FILTER (WHERE active)::text AS active FROM moderation_cases`,
  );
  const cases = Number(counted.rows[0]!.n);
  const active = Number(counted.rows[0]!.active);
  // The deep page: the list's own cursor for the page after the one that starts halfway down
  // the Active queue. The halfway row is found once here by OFFSET (setup, not measured); what
  // is measured is then an ordinary "next page" call with the cursor the list handed out.
  const half = Math.max(0, Math.floor(active / 2) - 1);
  const { rows } = await database.query<{ created_key: string; id: string }>(
    `SELECT to_char(created_at, 'YYYY-MM-DD"T"HH24:MI:SS.US') AS created_key, id::text AS id
       FROM moderation_cases WHERE active = true ORDER BY created_at DESC, id DESC OFFSET $1 LIMIT 1`,
    [half],
  );
  if (!rows[0]) throw new Error(`growth @${size.label}: the Active queue is empty`);
  const middle = await caller.moderation.list({ queue: 'active', cursor: makeCursor(rows[0].created_key, rows[0].id), limit: PAGE });
  if (!middle.nextCursor) throw new Error(`growth @${size.label}: no page after the middle of the Active queue`);
  const busiest = await database.query<{ user_id: string; n: string }>(
    `SELECT user_id::text AS user_id, count(*)::text AS n FROM moderation_cases GROUP BY user_id ORDER BY count(*) DESC LIMIT 1`,
  );
  return {
    size,
    database,
    note,
    caller,
    cases,
    active,
    deepCursor: middle.nextCursor,
    deepPosition: half + 1 + PAGE,
    busiest: { id: BigInt(busiest.rows[0]!.user_id), cases: Number(busiest.rows[0]!.n) },
  };
}

/** The reads, by name, for one size. */
function reads(shelf: Shelf): Record<string, () => Promise<unknown>> {
  const { caller } = shelf;
  return {
    'active first page': () => caller.moderation.list({ queue: 'active', limit: PAGE }),
    'active keyset page past the middle': () => caller.moderation.list({ queue: 'active', cursor: shelf.deepCursor, limit: PAGE }),
    'recent filtered by busiest user': () => caller.moderation.list({ queue: 'recent', filters: { userId: shelf.busiest.id }, limit: PAGE }),
    [`reason search "${SEARCH_TERM}"`]: () => caller.moderation.list({ queue: 'recent', filters: { reason: SEARCH_TERM }, limit: PAGE }),
  };
}

const COUNTS = 'counts per queue and type (kept counts where installed)';

export async function benchGrowth(options: BenchOptions): Promise<BenchEntry[]> {
  const samples = options.samples ?? 200;
  const warmup = options.warmup ?? 20;
  const url = options.databaseUrl;
  const sizes = url ? POSTGRES_SIZES : PGLITE_SIZES;
  if (!url) options.print(`growth: on PGlite the sizes are ${sizes.map((s) => s.label).join(', ')} (not 10k/100k/1M: inserting a million rows into PGlite takes too long)`);
  const largest = sizes.at(-1)!;
  const givenHolds = url ? await countCases(url) : 0;
  const useGiven = givenHolds >= largest.cases;

  const opened: Opened[] = [];
  let closing: Promise<void> | undefined;
  const closeAll = () =>
    (closing ??= (async () => {
      for (const item of opened.splice(0).reverse()) {
        await item.close().catch((error: unknown) => options.print(`growth: cleanup failed: ${error instanceof Error ? error.message : String(error)}`));
      }
    })());
  // Ctrl+C mid-seed must not leave a million-row scratch database behind: drop them outright
  // (closing the pool first would wait for the running COPY).
  const onSignal = (signal: NodeJS.Signals) => {
    void (async () => {
      for (const item of opened) if (item.scratchUrl && url) await dropNow(url, item.scratchUrl).catch(() => {});
      process.exit(signal === 'SIGINT' ? 130 : 143);
    })();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const shelves: Shelf[] = [];
    for (const size of sizes) {
      const { database, note } = await openSize(size, options, useGiven && size === largest, opened);
      shelves.push(await prepare(size, database, note));
    }
    const missingBySize: string[] = [];
    for (const shelf of shelves) {
      const missing = (await moderationIndexStatus(shelf.database)).filter((i) => !i.present).map((i) => i.name);
      missingBySize.push(missing.join(','));
      options.print(
        `growth @${shelf.size.label}: ${shelf.cases.toLocaleString('en-US')} cases (${shelf.active.toLocaleString('en-US')} active) on ${shelf.database.label}, ${shelf.note}; ` +
          `deep page after row ${shelf.deepPosition.toLocaleString('en-US')} of the Active queue; busiest user has ${shelf.busiest.cases} cases; ` +
          (missing.length ? `indexes MISSING: ${missing.join(', ')}` : 'all moderation indexes present'),
      );
    }

    if (new Set(missingBySize).size > 1) {
      options.print('growth: NOTE the sizes do not have the same moderation indexes, so they are not like for like (migrate the given database to compare).');
    }

    const bySize = (fn: (shelf: Shelf) => () => Promise<unknown>) => Object.fromEntries(shelves.map((s) => [s.size.label, fn(s)]));
    const times = new Map<string, Record<string, number[]>>();
    for (const name of Object.keys(reads(shelves[0]!))) {
      times.set(name, await sampleAlternating(bySize((s) => reads(s)[name]!), { samples, warmup }));
    }
    const countSamples = Math.max(5, Math.floor(samples / 10));
    times.set(
      COUNTS,
      await sampleAlternating(
        bySize((s) => async () => {
          forgetCounts(s.database);
          await s.caller.moderation.counts({ queue: 'active' });
        }),
        { samples: countSamples, warmup: 2 },
      ),
    );

    const smallest = sizes[0]!.label;
    const entries: BenchEntry[] = [];
    for (const [name, bySizeMs] of times) {
      for (const size of sizes) {
        const first = size.label === smallest;
        entries.push(summarize(`growth: ${name} @${size.label}${first ? '' : ` (vs @${smallest})`}`, bySizeMs[size.label]!, 'ms', first ? undefined : bySizeMs[smallest]));
      }
    }
    options.print(`growth: ${samples} samples per read and size after ${warmup} warm-up (counts: ${countSamples}), sizes interleaved`);
    options.print(growthTable(entries, [...times.keys()], sizes));
    return entries;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await closeAll();
  }
}

/** p50 per read (rows) and size (columns), with the largest size over the smallest. */
function growthTable(entries: readonly BenchEntry[], names: readonly string[], sizes: readonly Size[]): string {
  const header = ['p50 ms', ...sizes.map((s) => `@${s.label}`), `${sizes.at(-1)!.label}/${sizes[0]!.label}`];
  const rows = names.map((name) => {
    const p50s = sizes.map((size) => entries.find((e) => e.name.startsWith(`growth: ${name} @${size.label}`))!.p50);
    return [name, ...p50s.map(String), `${round(p50s.at(-1)! / p50s[0]!, 2)}x`];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')}`;
  return [line(header), ...rows.map(line)].join('\n');
}

async function dropNow(serverUrl: string, scratchUrl: string): Promise<void> {
  const name = decodeURIComponent(new URL(scratchUrl).pathname.slice(1));
  if (!/^aurora_desk_bench_[0-9a-f]+$/.test(name)) return; // only ever a scratch database
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export const growthBench: BenchModule = { name: 'growth', run: benchGrowth };
