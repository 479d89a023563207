/**
 * Every screen's main reads at scale: each router call (createCaller: zod, the service, row
 * mapping, superjson-ready values) against the very same statements replayed through a plain
 * driver (replay.ts: same text, same parameters, same round trips, same concurrency), in the
 * same run, interleaved. The table's name says how many statements one call sends.
 *
 * With --database-url pointing at a database that already holds at least LARGE_ENOUGH cases
 * (`npm run db:seed -- --scale`), it is read as it is, read-only. Otherwise a scratch database
 * beside the given server (or an embedded PGlite) is seeded in the scale set's proportions:
 * AURORA_BENCH_CASES cases (default 200,000 on PostgreSQL, 10,000 on PGlite) and the rest scaled.
 */
import { openDatabase, type AuroraDatabase } from '../../src/main/core/database.js';
import { scaleSeedOptions, seedDatabase } from '../../src/main/db/seed.js';
import { callerFor, createTestServices, stopServices, testStaff } from '../fixtures/services.js';
import { countCases, openBenchDatabase } from './database.js';
import { describeRecording, pgliteReplayer, pgReplayer, recordStatements, type Replayer } from './replay.js';
import { describeSubjects, pickSubjects, screenScenarios } from './screens-scenarios.js';
import { sampleAlternating, summarize, type BenchEntry, type BenchModule, type BenchOptions } from './stats.js';

const LARGE_ENOUGH = 100_000;
/** The app's own pool size (db/open.ts): reads sent side by side get the connections they would. */
const APP_POOL = 8;
/** A call slower than this gets a tenth of the samples (at least MIN_SLOW_SAMPLES). */
const SLOW_MS = 50;
const MIN_SLOW_SAMPLES = 10;

interface Target {
  database: AuroraDatabase;
  replayer: Replayer;
  note: string;
  close(): Promise<void>;
}

/** The scale set's proportions at `cases` cases. */
export function proportionateSizes(cases: number) {
  const f = cases / scaleSeedOptions.cases;
  const n = (count: number, floor: number) => Math.max(floor, Math.round(count * f));
  return {
    cases,
    users: n(scaleSeedOptions.users, 200),
    transactions: n(scaleSeedOptions.transactions, 100),
    itemTransactions: n(scaleSeedOptions.itemTransactions, 100),
    quests: n(scaleSeedOptions.quests, 10),
    questProgress: n(scaleSeedOptions.questProgress, 100),
    lootdrops: n(scaleSeedOptions.lootdrops, 50),
    items: scaleSeedOptions.items,
  };
}

async function openTarget(options: BenchOptions): Promise<Target> {
  const url = options.databaseUrl;
  if (url && (await countCases(url)) >= LARGE_ENOUGH) {
    // The given database as it is: only reads, never migrated or written.
    const database = await openDatabase({ kind: 'postgres', url, poolSize: APP_POOL, applicationName: 'aurora-desk bench (read-only)' });
    const replayer = pgReplayer(url, APP_POOL);
    return {
      database,
      replayer,
      note: 'the given database, read-only',
      async close() {
        await replayer.close();
        await database.close();
      },
    };
  }
  const cases = Number(process.env.AURORA_BENCH_CASES ?? (url ? 200_000 : 10_000));
  const bench = await openBenchDatabase(url);
  const sizes = proportionateSizes(cases);
  const started = performance.now();
  await seedDatabase(bench.database, sizes);
  options.print(
    `screens: seeded ${Object.entries(sizes)
      .map(([k, v]) => `${v.toLocaleString('en-US')} ${k}`)
      .join(', ')} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  // The scratch handle has a small pool; the screens get the app's, as on the given database.
  const database = bench.url
    ? await openDatabase({ kind: 'postgres', url: bench.url, poolSize: APP_POOL, applicationName: 'aurora-desk bench' })
    : bench.database;
  const replayer = bench.url ? pgReplayer(bench.url, APP_POOL) : pgliteReplayer(bench.database.pglite!);
  return {
    database,
    replayer,
    note: `a scratch database seeded with ${cases.toLocaleString('en-US')} cases and the rest in proportion`,
    async close() {
      await replayer.close();
      if (database !== bench.database) await database.close();
      await bench.close();
    },
  };
}

export async function benchScreens(options: BenchOptions): Promise<BenchEntry[]> {
  const samples = options.samples ?? 100;
  const warmup = options.warmup ?? 10;
  const target = await openTarget(options);
  // No housekeeping is started: nothing writes while the bench reads.
  const desk = createTestServices(target.database, { identity: testStaff });
  try {
    const { database, replayer } = target;
    const subjects = await pickSubjects(database);
    options.print(`screens: ${database.label} (${target.note}); ${describeSubjects(subjects)}`);
    const caller = callerFor(desk);
    const entries: BenchEntry[] = [];
    for (const scenario of screenScenarios(database, caller, subjects)) {
      // One call first: per-handle probes (e.g. "is aurora_desk there") are answered once, as in the app.
      const first = performance.now();
      await scenario.call();
      const firstMs = performance.now() - first;
      const recording = await recordStatements(database, scenario.call);
      const slow = firstMs > SLOW_MS;
      const n = slow ? Math.max(MIN_SLOW_SAMPLES, Math.floor(samples / 10)) : samples;
      const times = await sampleAlternating(
        { router: scenario.call, raw: () => replayer.replay(recording) },
        { samples: n, warmup: slow ? Math.min(2, warmup) : warmup },
      );
      const entry = summarize(`screens: ${scenario.name} [${describeRecording(recording)}] (router vs ${replayer.label})`, times.router, 'ms', times.raw);
      options.print(`screens: ${scenario.name}: ${describeRecording(recording)}, ${n} samples, p50 ${entry.p50} ms vs ${entry.baseline_p50} ms`);
      entries.push(entry);
    }
    return entries;
  } finally {
    await stopServices(desk);
    await target.close();
  }
}

export const screensBench: BenchModule = { name: 'screens', run: benchScreens };
